// `npm run demo`: a real n8n with this package, a local imitation of uazapi, a credential pointing
// at it and the example workflows loaded. `npm run demo -- --once` runs the seed example headless,
// prints the body the imitation received, and exits.
import { createRequire } from 'node:module';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

import {
	activateWorkflow,
	ensureN8n,
	imitationCredential,
	n8nCli,
	prepareUserFolder,
	REPO_ROOT,
	setupOwner,
	startN8n,
} from './lib/n8n.mjs';

const require = createRequire(import.meta.url);
const { startUazapiServer } = require('../test/helpers/uazapiServer.cjs');

const once = process.argv.includes('--once');
const TOKEN = 'demo-instance-token';
const EXAMPLES = [
	'seed-advanced-send',
	'campaign-follow-up',
	'crm-webhook-campaign',
	'campaign-outcomes',
	'opt-outs',
].map((name) => join(REPO_ROOT, 'examples', `${name}.workflow.json`));

const n8n = await ensureN8n();
const imitation = await startUazapiServer({ token: TOKEN });
const userFolder = await prepareUserFolder(n8n, {
	credentials: [imitationCredential(imitation.url, TOKEN, 'uazapi (local imitation)')],
	workflows: EXAMPLES,
});

async function shutDown(code) {
	await server?.stop();
	await imitation.close();
	rmSync(userFolder, { recursive: true, force: true });
	process.exit(code);
}

let server;
if (once) {
	await n8nCli(n8n, userFolder, ['execute', '--id=uazapiSeedExample', '--rawOutput']);
	const [request] = imitation.requests;
	console.log(
		`uazapi imitation received ${request.method} ${request.path} (token header: ${request.headers.token ? 'present' : 'missing'}):`,
	);
	console.log(JSON.stringify(request.body, null, 2));
	await shutDown(0);
}

server = await startN8n(n8n, userFolder, { preferredPort: 5678 });
const { owner, cookie } = await setupOwner(server.url);
await activateWorkflow(server.url, cookie, 'uazapiCrmWebhook');
console.log(`
n8n ${n8n.version} with n8n-nodes-uazapi-sender is running.

  Editor:    ${server.url}  (log in as ${owner.email} / ${owner.password})
  uazapi:    ${imitation.url}  (local imitation; credential "uazapi (local imitation)")
  Workflows: seed example, campaign follow-up, CRM webhook (active)

Trigger the CRM example as a CRM would (it answers at once; the same batchId twice sends once):

  curl -s -X POST ${server.url}/webhook/crm-campaign -H 'content-type: application/json' \\
    -d '{"batchId":"demo-1","contacts":[{"name":"Maria","phone":"11 99999-0001","order":"PED-1"},{"name":"João","phone":"5511999990002","order":"PED-2"}]}'

Each request the imitation receives is printed below. Press Ctrl+C to stop.
`);
let shown = 0;
setInterval(() => {
	for (const request of imitation.requests.slice(shown)) {
		const messages = request.body?.messages?.length;
		console.log(
			`uazapi ← ${request.method} ${request.path}${messages ? ` (${messages} messages)` : ''}`,
		);
	}
	shown = imitation.requests.length;
}, 500);
process.on('SIGINT', () => shutDown(0));
process.on('SIGTERM', () => shutDown(0));
