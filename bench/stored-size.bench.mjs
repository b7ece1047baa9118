// Stored execution size in a real n8n: the reference campaign (5 messages per contact:
// text, image, list, buttons, carousel) sent to 10,000 contacts by the single form of uazapi
// Advanced Send, by 5 uazapi Message nodes right before it, and by the same 5 nodes before the node
// that makes one item per contact. n8n stores every node's output in the execution: right before
// the sender the message nodes carry every contact (n8n stores a copy per node, though they pass
// the same objects on); before the split they carry one item. Prints each size and its ratio.
//
//   npm run build && node bench/stored-size.bench.mjs [contacts]     (default 10,000)
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
	activateWorkflow,
	ensureN8n,
	imitationCredential,
	prepareUserFolder,
	restGet,
	setupOwner,
	startN8n,
} from '../scripts/lib/n8n.mjs';

const require = createRequire(import.meta.url);
const { startUazapiServer } = require('../test/helpers/uazapiServer.cjs');

const CONTACTS = Number(process.argv[2] ?? 10_000);
const TOKEN = 'stored-size-token';

/** The reference campaign's messages as the editor saves them, with the names of their nodes. */
const reference = require('../test/fixtures/reference-campaign.json');
const MESSAGES = reference.messages.map((entry, index) => [reference.names[index], entry]);
const MESSAGE_NODES = reference.messageNodes.map((entry, index) => [reference.names[index], entry]);

const credentials = { uazapiSenderApi: { id: 'uazapiCredential', name: 'uazapi' } };
const node = (name, type, typeVersion, x, parameters, extra = {}) => ({
	id: `${name}-id`.replace(/\W/g, '-'),
	name,
	type,
	typeVersion,
	position: [x, 0],
	parameters,
	...extra,
});
const sender = (x, parameters) =>
	node(
		'uazapi Advanced Send',
		'n8n-nodes-uazapi-sender.uazapiAdvancedSend',
		1.1,
		x,
		{
			number: '={{ $json.phone }}',
			delayMin: 10,
			delayMax: 30,
			...parameters,
		},
		{ credentials },
	);

function workflow(id, path, middle) {
	const start = [
		node(
			'Webhook',
			'n8n-nodes-base.webhook',
			2,
			0,
			{ httpMethod: 'POST', path, responseMode: 'lastNode', options: {} },
			{ webhookId: `${id}-hook` },
		),
		node('Split Out', 'n8n-nodes-base.splitOut', 1, 200, {
			fieldToSplitOut: 'body.contacts',
			options: {},
		}),
	];
	const nodes = [...start, ...middle];
	const connections = Object.fromEntries(
		nodes
			.slice(0, -1)
			.map((from, index) => [
				from.name,
				{ main: [[{ node: nodes[index + 1].name, type: 'main', index: 0 }]] },
			]),
	);
	return { id, name: id, nodes, connections, settings: { executionOrder: 'v1' }, pinData: {} };
}

const single = workflow('storedSingle', 'stored-single', [
	sender(400, { messages: { message: MESSAGES.map(([, entry]) => entry) } }),
]);
const chained = workflow('storedChain', 'stored-chain', [
	...MESSAGE_NODES.map(([name, entry], index) =>
		node(name, 'n8n-nodes-uazapi-sender.uazapiMessage', 1, 400 + 200 * index, entry),
	),
	sender(400 + 200 * MESSAGES.length, { defineMessages: 'nodes' }),
]);

// The same message nodes before the node that makes one item per contact: they carry one item.
const upstream = workflow('storedUpstream', 'stored-upstream', []);
upstream.nodes = [
	upstream.nodes[0],
	...MESSAGE_NODES.map(([name, entry], index) =>
		node(name, 'n8n-nodes-uazapi-sender.uazapiMessage', 1, 200 + 200 * index, entry),
	),
	{ ...upstream.nodes[1], position: [200 + 200 * MESSAGES.length, 0] },
	sender(400 + 200 * MESSAGES.length, { defineMessages: 'nodes' }),
];
upstream.connections = Object.fromEntries(
	upstream.nodes
		.slice(0, -1)
		.map((from, index) => [
			from.name,
			{ main: [[{ node: upstream.nodes[index + 1].name, type: 'main', index: 0 }]] },
		]),
);

const folder = mkdtempSync(join(tmpdir(), 'stored-size-'));
const files = [single, chained, upstream].map((definition) => {
	const file = join(folder, `${definition.id}.workflow.json`);
	writeFileSync(file, JSON.stringify(definition));
	return file;
});

const n8n = await ensureN8n();
const imitation = await startUazapiServer({ token: TOKEN });
const userFolder = await prepareUserFolder(n8n, {
	credentials: [imitationCredential(imitation.url, TOKEN)],
	workflows: files,
});
const server = await startN8n(n8n, userFolder);
try {
	const { cookie } = await setupOwner(server.url);
	for (const { id } of [single, chained, upstream]) await activateWorkflow(server.url, cookie, id);
	const contacts = Array.from({ length: CONTACTS }, (_, index) => ({
		name: `Cliente ${index}`,
		phone: `55119${String(80000000 + index)}`,
		order: `PED-${100000 + index}`,
		email: `cliente${index}@example.com`,
	}));
	const sizes = {};
	const bodies = [];
	for (const { id, nodes } of [single, chained, upstream]) {
		imitation.reset();
		const path = nodes[0].parameters.path;
		const response = await fetch(`${server.url}/webhook/${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ contacts }),
		});
		if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
		bodies.push(JSON.stringify(imitation.requests[0].body.messages));
		const filter = encodeURIComponent(JSON.stringify({ workflowId: id }));
		const { json: list } = await restGet(
			server.url,
			`/executions?filter=${filter}&limit=1`,
			cookie,
		);
		const [{ id: executionId }] = list.data.results ?? list.data;
		const { json } = await restGet(server.url, `/executions/${executionId}`, cookie);
		sizes[id] = Buffer.byteLength(json.data.data);
	}
	if (new Set(bodies).size !== 1) throw new Error('the workflows sent different messages');
	console.log(
		`n8n ${n8n.version}, ${CONTACTS.toLocaleString('en')} contacts × ${MESSAGES.length} messages, the same body all three ways:`,
	);
	console.log(`  single form:         ${sizes.storedSingle.toLocaleString('en')} bytes stored`);
	const ratio = (size) => `${(size / sizes.storedSingle).toFixed(2)} ×`;
	console.log(
		`  5 message nodes right before the sender: ${sizes.storedChain.toLocaleString('en')} bytes (${ratio(sizes.storedChain)})`,
	);
	console.log(
		`  5 message nodes before Split Out:        ${sizes.storedUpstream.toLocaleString('en')} bytes (${ratio(sizes.storedUpstream)})`,
	);
} finally {
	await server.stop();
	await imitation.close();
	rmSync(userFolder, { recursive: true, force: true });
	rmSync(folder, { recursive: true, force: true });
}
