// Real-n8n benchmark: a 1,000-contact webhook call turned into one campaign by uazapi Advanced
// Send, against a baseline that builds the same body in a Code node and posts it with the HTTP
// Request node, both in the same n8n run. Prints the figures; run with `npm run bench:n8n`.
import { createRequire } from 'node:module';
import { rmSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';

import {
	activateWorkflow,
	ensureN8n,
	prepareUserFolder,
	REPO_ROOT,
	setupOwner,
	startN8n,
} from '../scripts/lib/n8n.mjs';

const require = createRequire(import.meta.url);
const { startUazapiServer } = require('../test/helpers/uazapiServer.cjs');

const CONTACTS = 1000;
const RUNS = 7;
const TOKEN = 'bench-token';

const n8n = await ensureN8n();
const imitation = await startUazapiServer({ token: TOKEN });
const userFolder = await prepareUserFolder(n8n, {
	credentials: [
		{
			id: 'uazapiCredential',
			name: 'uazapi',
			type: 'uazapiSenderApi',
			data: { serverUrl: imitation.url, token: TOKEN },
		},
	],
	workflows: [
		join(REPO_ROOT, 'bench/workflows/advanced-send.workflow.json'),
		join(REPO_ROOT, 'bench/workflows/code-http-baseline.workflow.json'),
	],
});
const server = await startN8n(n8n, userFolder, {
	env: {
		UAZAPI_BENCH_URL: imitation.url,
		UAZAPI_BENCH_TOKEN: TOKEN,
		N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false',
	},
});
const { cookie } = await setupOwner(server.url);
for (const id of ['benchAdvancedSend', 'benchCodeHttp'])
	await activateWorkflow(server.url, cookie, id);

const contacts = Array.from({ length: CONTACTS }, (_, index) => ({
	name: `Cliente ${index}`,
	phone: `55119${String(80000000 + index)}`,
	order: `PED-${100000 + index}`,
}));

async function time(path) {
	imitation.reset();
	const started = performance.now();
	const response = await fetch(`${server.url}/webhook/${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ contacts }),
	});
	const elapsed = performance.now() - started;
	if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
	const [request] = imitation.requests;
	if (imitation.requests.length !== 1 || request.body.messages.length !== 2 * CONTACTS) {
		throw new Error(
			`${path}: the imitation did not receive one campaign of ${2 * CONTACTS} messages`,
		);
	}
	return { elapsed, messages: request.body.messages };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const results = { 'uazapi Advanced Send': [], 'Code node + HTTP Request': [] };
try {
	// Warm-up, and a check that both workflows send the same campaign.
	const [ours, baseline] = [await time('bench-advanced-send'), await time('bench-code-http')];
	if (JSON.stringify(ours.messages) !== JSON.stringify(baseline.messages))
		throw new Error('the two workflows sent different messages');
	for (let run = 0; run < RUNS; run++) {
		results['uazapi Advanced Send'].push((await time('bench-advanced-send')).elapsed);
		results['Code node + HTTP Request'].push((await time('bench-code-http')).elapsed);
	}
} finally {
	await server.stop();
	await imitation.close();
	rmSync(userFolder, { recursive: true, force: true });
}

const ourMedian = median(results['uazapi Advanced Send']);
const baseMedian = median(results['Code node + HTTP Request']);
console.log(
	`n8n ${n8n.version}, Node ${process.version}, ${cpus().length} × ${cpus()[0].model}, ${new Date().toISOString()}`,
);
console.log(
	`Webhook call with ${CONTACTS} contacts → one campaign of ${2 * CONTACTS} messages; median of ${RUNS} runs after a warm-up`,
);
console.log('workflow                     median ms   min ms   max ms');
for (const [name, values] of Object.entries(results)) {
	console.log(
		`${name.padEnd(28)} ${median(values).toFixed(0).padStart(9)} ${Math.min(...values)
			.toFixed(0)
			.padStart(8)} ${Math.max(...values)
			.toFixed(0)
			.padStart(8)}`,
	);
}
console.log(`ratio Advanced Send / baseline: ${(ourMedian / baseMedian).toFixed(2)}`);
