// End-to-end: this package, packed and installed the way n8n installs a community package, in a
// real n8n 2.x, against the local uazapi imitation. Run with `npm run test:e2e`.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import axios from 'axios';

import {
	activateWorkflow,
	ensureN8n,
	N8N_VERSION,
	n8nCli,
	prepareUserFolder,
	REPO_ROOT,
	restPost,
	setupOwner,
	startN8n,
	unflatten,
	waitFor,
	workflowExecutions,
} from '../../scripts/lib/n8n.mjs';

const require = createRequire(import.meta.url);
const { startUazapiServer } = require('../helpers/uazapiServer.cjs');
const seedPayload = require('../fixtures/seed-payload.json');

const TOKEN = 'e2e-secret-instance-token';
const WRONG_TOKEN = 'e2e-wrong-token-never-shown';
const PDF = Buffer.from('%PDF-1.4\n% boleto 123\n%%EOF\n');
const timings = {};

let n8n;
let imitation;
let fileHost;
let userFolder;
let server;
let session;

/**
 * The expressions workflow with every `{{ $json… }}` written `{{ ($json…) }}`: the same
 * JavaScript, which the node leaves to n8n to evaluate. Written to a temporary file for the import.
 */
function evaluatedByN8n(folder) {
	const source = join(REPO_ROOT, 'test/e2e/workflows/expressions.workflow.json');
	const text = readFileSync(source, 'utf8')
		.replace(/\{\{ (\$json[^}]*?) \}\}/g, '{{ ($1) }}')
		.replace('"e2eExpressions"', '"e2eExpressionsByN8n"')
		.replace('"path": "expressions"', '"path": "expressions-by-n8n"')
		.replaceAll('5e1f0a2b-', '6e1f0a2b-');
	assert.ok(!text.includes('{{ $json'), 'every $json expression is written for n8n');
	const file = join(folder, 'expressions-by-n8n.workflow.json');
	writeFileSync(file, text);
	return file;
}

function time(label, started) {
	timings[label] = Number(((Date.now() - started) / 1000).toFixed(1));
}

function startFileHost() {
	return new Promise((resolve) => {
		const host = createServer((request, response) => {
			response.writeHead(200, {
				'content-type': 'application/pdf',
				'content-disposition': 'attachment; filename="boleto-123.pdf"',
			});
			response.end(PDF);
		});
		host.listen(0, '127.0.0.1', () => resolve(host));
	});
}

const campaignPosts = () =>
	imitation.requests.filter((request) => request.path === '/sender/advanced');

/**
 * The executions of a workflow: the raw REST answer, the strings stored in its run data and the
 * Advanced Send's output items.
 */
async function executionsOf(workflowId) {
	const executions = await workflowExecutions(server.url, session.cookie, workflowId);
	// In n8n's stored run data every string is one element of the array.
	return executions.map(({ text, flatted }) => ({
		text,
		strings: flatted.filter((value) => typeof value === 'string'),
		sent: (
			unflatten(flatted).resultData.runData['uazapi Advanced Send']?.[0]?.data?.main?.[0] ?? []
		).map((item) => item.json),
	}));
}

/**
 * Waits until n8n has stored `count` executions of the workflow (it answers a webhook before it
 * stores the execution) and returns them, newest first.
 */
async function storedExecutions(workflowId, count) {
	return await waitFor(`${count} stored executions of ${workflowId}`, async () => {
		const executions = await executionsOf(workflowId);
		return executions.length >= count && executions;
	});
}

/** Milliseconds between the campaign listing and the POST that follows it, for each POST. */
function keyWindows() {
	return imitation.requests.flatMap((request, index) => {
		const before = imitation.requests[index - 1];
		if (request.path !== '/sender/advanced') return [];
		assert.equal(before?.path.split('?')[0], '/sender/listfolders', 'a listing right before');
		return [Number((request.at - before.at).toFixed(1))];
	});
}

before(
	async () => {
		const started = Date.now();
		n8n = await ensureN8n();
		time('n8n install (0 when cached)', started);
		imitation = await startUazapiServer({ token: TOKEN });
		fileHost = await startFileHost();
		let step = Date.now();
		const twinFolder = mkdtempSync(join(tmpdir(), 'uazapi-e2e-'));
		userFolder = await prepareUserFolder(n8n, {
			credentials: [
				{
					id: 'uazapiCredential',
					name: 'uazapi imitation',
					type: 'uazapiSenderApi',
					data: { serverUrl: `${imitation.url}/`, token: TOKEN },
				},
				{
					id: 'uazapiBadToken',
					name: 'uazapi wrong token',
					type: 'uazapiSenderApi',
					data: { serverUrl: imitation.url, token: WRONG_TOKEN },
				},
			],
			workflows: [
				join(REPO_ROOT, 'examples/seed-advanced-send.workflow.json'),
				join(REPO_ROOT, 'examples/campaign-follow-up.workflow.json'),
				join(REPO_ROOT, 'examples/crm-webhook-campaign.workflow.json'),
				join(REPO_ROOT, 'test/e2e/workflows/bad-token.workflow.json'),
				join(REPO_ROOT, 'test/e2e/workflows/boleto-document.workflow.json'),
				join(REPO_ROOT, 'test/e2e/workflows/per-item-key.workflow.json'),
				join(REPO_ROOT, 'test/e2e/workflows/recipients.workflow.json'),
				join(REPO_ROOT, 'test/e2e/workflows/expressions.workflow.json'),
				join(REPO_ROOT, 'test/e2e/workflows/exactly-as-meant.workflow.json'),
				join(REPO_ROOT, 'test/e2e/workflows/reference-form.workflow.json'),
				join(REPO_ROOT, 'test/e2e/workflows/reference-nodes.workflow.json'),
				join(REPO_ROOT, 'test/e2e/workflows/reference-json.workflow.json'),
				evaluatedByN8n(twinFolder),
			],
		});
		rmSync(twinFolder, { recursive: true, force: true });
		time('package install and imports', step);
		step = Date.now();
		// Headless runs of the Manual Trigger examples, before the server holds the database.
		imitation.reset();
		await n8nCli(n8n, userFolder, ['execute', '--id=uazapiSeedExample', '--rawOutput']);
		timings.seedRequests = imitation.requests.map((request) => ({ ...request }));
		imitation.reset();
		imitation.setBeforeListFolders((state) =>
			state.folders.forEach((folder) => imitation.progress(folder, folder.log_total)),
		);
		await n8nCli(n8n, userFolder, ['execute', '--id=uazapiFollowUp', '--rawOutput']);
		timings.followUpRequests = imitation.requests.map(
			(request) => `${request.method} ${request.path.split('?')[0]}`,
		);
		time('headless executions', step);
		step = Date.now();
		server = await startN8n(n8n, userFolder);
		session = await setupOwner(server.url);
		for (const id of [
			'uazapiCrmWebhook',
			'e2eBadToken',
			'e2eBoletoDocument',
			'e2ePerItemKey',
			'e2eRecipients',
			'e2eExpressions',
			'e2eExpressionsByN8n',
			'e2eExactlyAsMeant',
			'e2eReferenceForm',
			'e2eReferenceNodes',
			'e2eReferenceJson',
		])
			await activateWorkflow(server.url, session.cookie, id);
		time('n8n start', step);
	},
	{ timeout: 30 * 60_000 },
);

after(async () => {
	await server?.stop();
	await imitation?.close();
	fileHost?.close();
	if (userFolder) rmSync(userFolder, { recursive: true, force: true });
	process.stderr.write(
		`e2e timings (s): ${JSON.stringify(timings, (key, value) => (key.endsWith('Requests') ? undefined : value))}\n`,
	);
});

test('the seed example workflow sends exactly the seed payload, with the token header', () => {
	const [request, ...others] = timings.seedRequests;
	assert.equal(others.length, 0);
	assert.equal(request.method, 'POST');
	assert.equal(request.path, '/sender/advanced');
	assert.equal(request.headers.token, TOKEN);
	assert.deepEqual(request.body, seedPayload);
});

test('Advanced Send → Wait Until Done → List Messages runs in n8n', () => {
	assert.deepEqual(timings.followUpRequests, [
		'POST /sender/advanced',
		'GET /sender/listfolders',
		'POST /sender/listmessages',
	]);
});

test('a CRM calls the webhook with 50 contacts: answered at once, then one campaign, two personalised messages each, in order', async () => {
	imitation.reset();
	const contacts = Array.from({ length: 50 }, (_, index) => ({
		name: `Cliente ${index}`,
		phone: `+55 (11) 9${String(80000000 + index)}`,
		order: `PED-${1000 + index}`,
	}));
	const started = Date.now();
	const response = await axios.post(`${server.url}/webhook/crm-campaign`, {
		batchId: 'crm-batch-50',
		contacts,
	});
	timings['CRM webhook answered'] = (Date.now() - started) / 1000;
	// Respond: Immediately, so a CRM that retries slow answers never fires the campaign twice.
	assert.equal(response.status, 200);
	assert.deepEqual(response.data, { message: 'Workflow was started' });
	const [execution] = await storedExecutions('uazapiCrmWebhook', 1);
	timings['CRM webhook, 50 contacts, campaign posted'] = (Date.now() - started) / 1000;
	assert.equal(campaignPosts().length, 1);
	const { messages, delayMin, delayMax, info } = campaignPosts()[0].body;
	assert.deepEqual([delayMin, delayMax], [10, 30]);
	assert.match(info, / \[key:crm-batch-50\]$/);
	assert.equal(messages.length, 100);
	contacts.forEach((contact, index) => {
		const number = `5511${String(980000000 + index)}`;
		assert.deepEqual(messages[2 * index], {
			number,
			type: 'text',
			text: `Olá ${contact.name}! Seu pedido ${contact.order} foi confirmado.`,
		});
		assert.deepEqual(messages[2 * index + 1], {
			number,
			type: 'button',
			text: `${contact.name}, quer receber ofertas pelo WhatsApp?`,
			choices: [`Sim, quero|optin-${contact.order}`, `Não, obrigado|optout-${contact.order}`],
		});
	});
	const [output] = execution.sent;
	assert.equal(output.count, 100);
	assert.equal(output.recipientCount, 50);
	assert.match(output.folder_id, /^r[0-9a-f]{14}$/);
	// The CRM retries anyway: the Campaign Key finds the campaign, nothing is posted again.
	await axios.post(`${server.url}/webhook/crm-campaign`, { batchId: 'crm-batch-50', contacts });
	const [retry] = await storedExecutions('uazapiCrmWebhook', 2);
	assert.equal(retry.sent[0].alreadyCreated, true);
	assert.equal(campaignPosts().length, 1);
});

test('a PDF downloaded by an earlier node goes out as a document from binary data', async () => {
	imitation.reset();
	const { port } = fileHost.address();
	const response = await axios.post(`${server.url}/webhook/send-boleto`, {
		phone: '5511999999999',
		name: 'Maria',
		fileUrl: `http://127.0.0.1:${port}/boleto.pdf`,
	});
	assert.equal(response.status, 200);
	assert.deepEqual(campaignPosts()[0].body.messages, [
		{
			number: '5511999999999',
			type: 'document',
			file: PDF.toString('base64'),
			text: 'Boleto de Maria',
			docName: 'boleto-123.pdf',
			mimetype: 'application/pdf',
		},
	]);
});

test("invalid input fails the execution with the node's error and nothing reaches uazapi", async () => {
	imitation.reset();
	const contacts = [
		{ name: 'Ana', phone: '5511911111111', order: 'A1' },
		{ name: 'Bruno', phone: 'não tem', order: 'B2' },
	];
	const error = 'Item 1: "Recipient" "não tem" is not a phone number';
	const response = await axios.post(`${server.url}/webhook/crm-campaign`, {
		batchId: 'crm-batch-invalid',
		contacts,
	});
	assert.equal(response.status, 200, 'the CRM example answers at once');
	await waitFor('the failed execution', async () =>
		(await executionsOf('uazapiCrmWebhook')).some(({ strings }) => strings.includes(error)),
	);
	assert.equal(imitation.requests.length, 0);
});

test('a 401 fails with the credential hint and the token is nowhere in the execution data', async () => {
	imitation.reset();
	const response = await axios.post(
		`${server.url}/webhook/crm-bad-token`,
		{ contacts: [{ name: 'Ana', phone: '5511911111111', order: 'A1' }] },
		{ validateStatus: () => true },
	);
	assert.equal(response.status, 500);
	assert.ok(!JSON.stringify(response.data).includes(WRONG_TOKEN));
	// n8n's request helper repeats a request once after a 401; uazapi queues nothing on a 401.
	assert.equal(campaignPosts().length, 2);
	const executions = await storedExecutions('e2eBadToken', 1);
	assert.equal(executions.length, 1);
	const [{ text, strings }] = executions;
	assert.ok(strings.includes('uazapi refused the instance token'));
	assert.ok(strings.some((value) => value.startsWith('Check the uazapi Sender credential')));
	assert.ok(!text.includes(WRONG_TOKEN), 'the token must not appear in the execution data');
});

test('one campaign per contact: an invalid third contact stops the run before any request', async () => {
	imitation.reset();
	const response = await axios.post(
		`${server.url}/webhook/per-item-campaigns`,
		{
			batch: 'lote-1',
			contacts: [
				{ name: 'Ana', phone: '5511911111111' },
				{ name: 'Bruno', phone: '5511922222222' },
				{ name: 'Carla', phone: 'abc' },
			],
		},
		{ validateStatus: () => true },
	);
	assert.equal(response.status, 500);
	assert.equal(imitation.requests.length, 0);
	await waitFor('the failed execution naming item 2', async () =>
		(await executionsOf('e2ePerItemKey')).some(({ strings }) =>
			strings.includes('Item 2: "Recipient" "abc" is not a phone number'),
		),
	);
});

test('Campaign Key: the same batch sent twice creates each campaign once', async () => {
	imitation.reset();
	const call = () =>
		axios.post(`${server.url}/webhook/per-item-campaigns`, {
			batch: 'lote-2',
			contacts: [
				{ name: 'Ana', phone: '5511911111111' },
				{ name: 'Bruno', phone: '5511922222222' },
			],
		});
	const first = await call();
	assert.equal(campaignPosts().length, 2);
	assert.deepEqual(
		campaignPosts().map((request) => request.body.info),
		[
			'Lembrete de boleto [key:lote-2-5511911111111]',
			'Lembrete de boleto [key:lote-2-5511922222222]',
		],
	);
	assert.deepEqual(
		first.data.map((item) => item.alreadyCreated),
		[false, false],
	);
	timings['Campaign Key window, listing to POST (ms)'] = keyWindows();
	const second = await call();
	assert.equal(campaignPosts().length, 2, 'the second call posts nothing');
	assert.deepEqual(
		second.data.map((item) => [item.folder_id, item.alreadyCreated]),
		first.data.map((item) => [item.folder_id, true]),
	);
});

test("the credential test says when the instance's WhatsApp is not connected", async () => {
	const testCredential = async (token = TOKEN) => {
		const { json } = await restPost(server.url, '/credentials/test', session.cookie, {
			credentials: {
				id: 'uazapiCredential',
				name: 'uazapi imitation',
				type: 'uazapiSenderApi',
				data: { serverUrl: imitation.url, token },
			},
		});
		return json.data;
	};
	imitation.reset();
	assert.deepEqual(await testCredential(), { status: 'OK', message: 'Connection successful!' });
	imitation.setInstanceStatus('disconnected');
	const disconnected = await testCredential();
	assert.equal(disconnected.status, 'Error');
	assert.match(
		disconnected.message,
		/^The token is right, but the WhatsApp instance is disconnected/,
	);
	imitation.setInstanceStatus('connecting');
	assert.match((await testCredential()).message, /instance is still connecting/);
	imitation.setInstanceStatus('connected');
	const refused = await testCredential(WRONG_TOKEN);
	// n8n 1.x answers a refused token with its own words: its 401 error reaches the credential
	// tester without the response, so status-code rules do not apply there.
	assert.match(
		refused.message,
		N8N_VERSION.startsWith('1.')
			? /^Authorization failed - please check your credentials$/
			: /refused the instance token/,
	);
	assert.ok(!JSON.stringify(refused).includes(WRONG_TOKEN));
});

test('a CRM list of 1,000 national numbers: country code, opt-outs, duplicates and the WhatsApp check', async () => {
	imitation.reset();
	// National numbers as a Brazilian CRM stores them; two are not on WhatsApp, one is known to
	// WhatsApp without its 9th digit, one opted out, and the last contact repeats the first.
	const contacts = Array.from({ length: 1000 }, (_, index) => ({
		name: `Cliente ${index}`,
		phone: `(11) 9${String(70000000 + index).replace(/(\d{4})$/, '-$1')}`,
	}));
	contacts.push({ name: 'Cliente 0 de novo', phone: '+55 11 97000-0000' });
	const full = (index) => `55119${String(70000000 + index)}`;
	imitation.state.notOnWhatsApp.add(full(5));
	imitation.state.notOnWhatsApp.add(full(6));
	imitation.state.knownAs.set(full(7), `5511${String(70000007)}`);
	const call = async (check) => {
		const started = Date.now();
		const answer = await axios.post(`${server.url}/webhook/crm-list`, {
			contacts,
			optOuts: ['(11) 97000-0008'],
			check,
		});
		timings[`CRM list of 1,000, Check Numbers ${check}`] = (Date.now() - started) / 1000;
		return answer;
	};
	// The same list without the check first, so the timings show what the check costs.
	await call('off');
	imitation.reset();
	imitation.state.notOnWhatsApp.add(full(5));
	imitation.state.notOnWhatsApp.add(full(6));
	imitation.state.knownAs.set(full(7), `5511${String(70000007)}`);
	const response = await call('leaveOut');
	timings['Campaign Key window after 20 number checks (ms)'] = keyWindows();
	const checks = imitation.requests.filter((request) => request.path === '/chat/check');
	assert.equal(checks.length, 20, '999 distinct numbers in batches of 50');
	assert.equal(campaignPosts().length, 1);
	const numbers = campaignPosts()[0].body.messages.map((message) => message.number);
	assert.equal(numbers.length, 997);
	assert.equal(numbers[0], full(0));
	assert.ok(numbers.includes(`5511${String(70000007)}`));
	assert.ok(!numbers.includes(full(5)) && !numbers.includes(full(8)));
	// Opt-outs and duplicates are found first, then the WhatsApp check runs on what is left.
	assert.deepEqual(response.data.leftOut, [
		{ item: 8, number: full(8), reason: 'excluded' },
		{ item: 1000, number: full(0), reason: 'duplicate' },
		{ item: 5, number: full(5), reason: 'not on WhatsApp' },
		{ item: 6, number: full(6), reason: 'not on WhatsApp' },
	]);
	assert.deepEqual(response.data.replaced, [
		{ item: 7, number: full(7), sentTo: `5511${String(70000007)}` },
	]);
});

test('{{ $json… }} expressions the node evaluates itself give what n8n gives them', async () => {
	const contacts = [
		{
			name: 'Ana',
			phone: '5511911111111',
			address: { city: 'São Paulo' },
			tags: ['vip'],
			'order id': 'A1',
			count: 0,
			vip: false,
			nothing: null,
			greeting: 'Bom dia 😀 "aspas"',
		},
		{ name: 42, phone: 5511922222222, 'order id': 7, count: 3.5, vip: true, greeting: 12 },
		{ name: 'João', phone: '5511933333333', address: null, tags: [], greeting: 'Oi' },
	];
	const here = await axios.post(`${server.url}/webhook/expressions`, { contacts });
	const byN8n = await axios.post(`${server.url}/webhook/expressions-by-n8n`, { contacts });
	assert.deepEqual(here.data.body, byN8n.data.body);
	assert.deepEqual(
		here.data.body.messages.map((message) => message.text),
		[
			'Olá Ana! São Paulo|vip|A1||0|false|',
			'Bom dia 😀 "aspas"',
			'Ana, quer receber ofertas?',
			'Olá 42! ||7||3.5|true|',
			'12',
			'42, quer receber ofertas?',
			'Olá João! ||||||',
			'Oi',
			'João, quer receber ofertas?',
		],
	);
});

/** Waits until `count` executions of the version 1.1 workflow have failed with this error. */
async function failedWith(error, count = 1) {
	await waitFor(`${count} executions failed with: ${error}`, async () => {
		const executions = await executionsOf('e2eExactlyAsMeant');
		return executions.filter(({ strings }) => strings.includes(error)).length >= count;
	});
}

test('version 1.1 as it comes: a national number goes to Brazil, one it cannot place is refused', async () => {
	imitation.reset();
	const send = (contacts) =>
		axios.post(
			`${server.url}/webhook/exactly-as-meant`,
			{ contacts },
			{ validateStatus: () => true },
		);
	const sent = await send([
		{ name: 'Ana', phone: '11 99999-0003' },
		{ name: 'Bia', phone: '+1 415 555 0100' },
		{ name: 'Caio', phone: '351912345678' },
	]);
	assert.equal(sent.status, 200);
	assert.deepEqual(
		campaignPosts()[0].body.messages.map((message) => message.number),
		['5511999990003', '14155550100', '351912345678'],
	);
	imitation.reset();
	const refused = await send([
		{ name: 'Ana', phone: '11 99999-0003' },
		{ name: 'Duda', phone: '98765-4321' },
	]);
	assert.equal(refused.status, 500);
	await failedWith(
		'Item 1: "Recipient" "98765-4321" is neither a valid number of country code +55 nor a valid number with its own country code',
	);
	assert.equal(imitation.requests.length, 0);
});

test('an empty mapped value: refused by default, the contact left out, or sent anyway; the dry run alike', async () => {
	const contacts = [{ name: 'Ana', phone: '5511911111111' }, { phone: '5511922222222' }];
	const send = (body) =>
		axios.post(
			`${server.url}/webhook/exactly-as-meant`,
			{ contacts, ...body },
			{
				validateStatus: () => true,
			},
		);
	const hole =
		'Item 1, message 1 of 1 (Text): "Text" maps {{ $json.name }}, which is missing for this item';
	for (const [run, dryRun] of [true, false].entries()) {
		imitation.reset();
		const refused = await send({ dryRun });
		assert.equal(refused.status, 500);
		await failedWith(hole, run + 1);
		assert.equal(imitation.requests.length, 0);

		const leftOut = await send({ dryRun, whenValueEmpty: 'leaveOut' });
		assert.equal(leftOut.status, 200);
		// A dry run answers with its first row, one per contact, which carries the campaign's summary.
		const summary = dryRun ? leftOut.data.campaign : leftOut.data;
		assert.deepEqual(summary.leftOut, [
			{
				item: 1,
				number: '5511922222222',
				reason: 'empty value',
				field: 'message 1 (Text) › Text',
				problem: 'maps {{ $json.name }}, which is missing for this item',
			},
		]);
		const anyway = await send({ dryRun, whenValueEmpty: 'send' });
		assert.equal(anyway.status, 200);
		const bodies = dryRun
			? [leftOut.data.body, anyway.data.body]
			: campaignPosts().map((request) => request.body);
		assert.deepEqual(
			bodies.map((body) => body.messages.map((message) => message.text)),
			[['Olá Ana!'], ['Olá Ana!', 'Olá !']],
		);
	}
});

test('the reference campaign is the same body built by uazapi Message nodes (choices one per line), by the single form (builders) and in JSON mode', async () => {
	const contacts = Array.from({ length: 3 }, (_, index) => ({
		name: `Cliente ${index}`,
		phone: `55119${String(80000000 + index)}`,
		order: `PED-${100000 + index}`,
	}));
	const bodies = [];
	for (const path of ['reference-form', 'reference-nodes', 'reference-json']) {
		imitation.reset();
		const response = await axios.post(`${server.url}/webhook/${path}`, { contacts });
		assert.equal(response.status, 200);
		assert.equal(campaignPosts().length, 1);
		bodies.push(campaignPosts()[0].body);
	}
	assert.deepEqual(bodies[1], bodies[0]);
	assert.deepEqual(bodies[2], bodies[0]);
	assert.deepEqual(
		bodies[0].messages.slice(0, 5).map((message) => message.type),
		['text', 'image', 'list', 'button', 'carousel'],
	);
	assert.equal(bodies[0].messages[0].text, 'Oi Cliente 0!');
});
