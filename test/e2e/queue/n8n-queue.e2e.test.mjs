// End-to-end in n8n's queue mode: this package installed for a main process, a webhook processor
// and two workers of a real n8n 2.41.1 sharing a real Redis and PostgreSQL, driven as a CRM drives
// it. Run with `npm run test:e2e:queue`; README "Running at scale" reports what it measured.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { after, before, test } from 'node:test';

import {
	activateWorkflow,
	ensureN8n,
	freePort,
	importCredentials,
	importWorkflows,
	installPackage,
	packPackage,
	REPO_ROOT,
	setupOwner,
	unflatten,
	workflowExecutions,
} from '../../../scripts/lib/n8n.mjs';
import {
	ensureServices,
	queueEnv,
	startPostgres,
	startQueueProcess,
	startRedis,
} from '../../../scripts/lib/queue.mjs';

const require = createRequire(import.meta.url);
const { startUazapiServer } = require('../../helpers/uazapiServer.cjs');

const TOKEN = 'queue-secret-instance-token';
const WORKFLOW = join(import.meta.dirname, 'workflows/crm-boleto-campaign.workflow.json');
// The trigger end-to-end test's workflow: a uazapi Trigger on every event.
const TRIGGER_WORKFLOW = join(REPO_ROOT, 'test/e2e/workflows/trigger-events.workflow.json');
const TRIGGER_WORKFLOW_ID = 'e2eTriggerEvents';
const TRIGGER_WEBHOOK_ID = '2f6b9d10-4c3a-4e57-b1d2-7c8e9f0a00aa';
const FIXTURES = join(REPO_ROOT, 'test/fixtures/uazapi-webhooks');
const normalised = require('../../fixtures/uazapi-webhooks/normalised.json');
const { receivedItem } = require('../../helpers/receivedItem.cjs');
const CALLS = 20;
const CONTACTS_PER_CALL = 50;
const timings = {};
const temporary = [];

let n8n;
let redis;
let postgres;
let imitation;
let fileHost;
let env;
let folders;
let main;
let webhook;
let workers;
let cookie;
/** The URL the trigger registered with uazapi (kept: each test resets the imitation). */
let triggerUrl;
/** What the main process asked of uazapi's /webhook while activating the trigger. */
let triggerRegistration;

function seconds(started) {
	return Number(((Date.now() - started) / 1000).toFixed(1));
}

function temporaryFolder(prefix) {
	const folder = mkdtempSync(join(tmpdir(), prefix));
	temporary.push(folder);
	return folder;
}

/** The boleto PDF of one phone number: every contact's document is different. */
const boletoOf = (phone) => Buffer.from(`%PDF-1.4\n% boleto ${phone}\n%%EOF\n`);

function startFileHost() {
	return new Promise((resolve) => {
		const host = createServer((request, response) => {
			const phone = new URL(request.url, 'http://host').searchParams.get('phone');
			response.writeHead(200, {
				'content-type': 'application/pdf',
				'content-disposition': `attachment; filename="boleto-${phone}.pdf"`,
			});
			response.end(boletoOf(phone));
		});
		host.listen(0, '127.0.0.1', () => resolve(host));
	});
}

/**
 * The same workflow without the Campaign Key option, under its own id and webhook path: what a
 * user who never set the option runs.
 */
function workflowWithoutKey() {
	const workflow = JSON.parse(readFileSync(WORKFLOW, 'utf8'));
	workflow.id = 'queueCrmBoletosNoKey';
	workflow.name += ' (no Campaign Key)';
	const [trigger, , , send] = workflow.nodes;
	trigger.parameters.path = 'queue-crm-boletos-no-key';
	trigger.webhookId = '7a3c1e55-0b4d-4f21-9c6e-3d2b1a0000bb';
	for (const node of workflow.nodes) node.id = node.id.replace('3d2b1a', '3d2b1b');
	delete send.parameters.options.campaignKey;
	const file = join(temporaryFolder('uazapi-queue-workflow-'), 'no-key.workflow.json');
	writeFileSync(file, JSON.stringify(workflow));
	return file;
}

let callsMade = 0;

/** A CRM's call: one batch of contacts no other call has, each with its boleto at the file host. */
function crmCall(callId, contacts = CONTACTS_PER_CALL) {
	const call = String(++callsMade).padStart(3, '0');
	return {
		callId,
		fileUrl: `http://127.0.0.1:${fileHost.address().port}/boleto.pdf`,
		contacts: Array.from({ length: contacts }, (_, index) => ({
			name: `Cliente ${index + 1} de ${callId}`,
			phone: `55119${call}${String(index).padStart(5, '0')}`,
		})),
	};
}

/**
 * POSTs to a production webhook at the webhook processor, the only process that serves them here
 * (N8N_DISABLE_PRODUCTION_MAIN_PROCESS). Resolves with the status and the parsed answer.
 */
async function callWebhookProcessor(path, body, timeoutMs = 120_000) {
	const response = await fetch(`${webhook.url}/webhook/${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
		signal: AbortSignal.timeout(timeoutMs),
	});
	const text = await response.text();
	let json;
	try {
		json = JSON.parse(text);
	} catch {
		json = text;
	}
	return { status: response.status, json };
}

/** The campaigns uazapi received for one CRM call, told apart by the call id in `info`. */
function postsOf(callId) {
	return imitation.requests.filter(
		(request) =>
			request.path === '/sender/advanced' &&
			String(request.body?.info ?? '').startsWith(`CRM call ${callId},`),
	);
}

const executionIdOf = (post) => /execution (\d+)/.exec(post.body.info)[1];

/** The worker whose log says it ran the execution ("Worker started execution N"). */
function workersThatRan(executionId) {
	const line = new RegExp(`Worker started execution ${executionId} \\(`);
	return workers.filter((worker) => line.test(worker.output())).map((worker) => worker.name);
}

async function waitUntil(what, check, timeoutMs = 60_000) {
	const started = Date.now();
	while (Date.now() - started < timeoutMs) {
		const value = await check();
		if (value) return value;
		await new Promise((wait) => setTimeout(wait, 200));
	}
	throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
}

/** The executions that did not succeed, with the first error message n8n stored for each. */
async function failedExecutions() {
	const rows = await postgres.query(
		`select e.id, e.status, substring(d.data from '"message":"([^"]*)') from execution_entity e join execution_data d on d."executionId" = e.id where e.status <> 'success'`,
	);
	return JSON.stringify(rows);
}

async function startWorker(name, folder) {
	const worker = await startQueueProcess(n8n, folder, 'worker', env);
	return { ...worker, name };
}

before(
	async () => {
		const started = Date.now();
		n8n = await ensureN8n();
		timings['Redis and PostgreSQL install (0 when installed)'] = await ensureServices();
		[redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
		timings['Redis start'] = redis.startSeconds;
		timings['PostgreSQL initdb'] = postgres.initSeconds;
		timings['PostgreSQL initdb and start'] = postgres.startSeconds;
		imitation = await startUazapiServer({ token: TOKEN });
		fileHost = await startFileHost();
		env = queueEnv(redis, postgres);

		// One user folder per process, each with the package installed as n8n installs it, as on
		// separate machines or containers.
		let step = Date.now();
		const tarball = await packPackage(temporaryFolder('uazapi-queue-pack-'));
		folders = {};
		for (const name of ['main', 'webhook', 'worker-1', 'worker-2']) {
			folders[name] = temporaryFolder(`uazapi-queue-${name}-`);
			await installPackage(folders[name], tarball);
		}
		await importCredentials(
			n8n,
			folders.main,
			[
				{
					id: 'uazapiCredential',
					name: 'uazapi imitation',
					type: 'uazapiSenderApi',
					data: { serverUrl: imitation.url, token: TOKEN },
				},
			],
			env,
		);
		await importWorkflows(
			n8n,
			folders.main,
			[WORKFLOW, workflowWithoutKey(), TRIGGER_WORKFLOW],
			env,
		);
		timings['package install into 4 user folders and imports (with migrations)'] = seconds(step);

		step = Date.now();
		const webhookPort = await freePort();
		env.WEBHOOK_URL = `http://127.0.0.1:${webhookPort}/`;
		main = await startQueueProcess(n8n, folders.main, 'start', env);
		timings['main start'] = main.startSeconds;
		({ cookie } = await setupOwner(main.url));
		const [webhookProcess, ...workerProcesses] = await Promise.all([
			startQueueProcess(n8n, folders.webhook, 'webhook', env, webhookPort),
			startWorker('worker-1', folders['worker-1']),
			startWorker('worker-2', folders['worker-2']),
		]);
		webhook = webhookProcess;
		workers = workerProcesses;
		timings['webhook processor and 2 workers start (in parallel)'] = Math.max(
			webhook.startSeconds,
			...workers.map((worker) => worker.startSeconds),
		);
		for (const id of ['queueCrmBoletos', 'queueCrmBoletosNoKey', TRIGGER_WORKFLOW_ID])
			await activateWorkflow(main.url, cookie, id, webhook.url);
		({ url: triggerUrl } = await waitUntil('the trigger registering its webhook', triggerWebhook));
		triggerRegistration = imitation.requests
			.filter((request) => request.path === '/webhook' && request.method === 'POST')
			.map((request) => request.body.action);
		timings['all n8n processes started, workflows active'] = seconds(step);
		timings['setup in total'] = seconds(started);
	},
	{ timeout: 30 * 60_000 },
);

after(async () => {
	const processes = [main, webhook, ...(workers ?? [])].filter(Boolean);
	await Promise.all(processes.map((n8nProcess) => n8nProcess.stop()));
	await Promise.all([redis?.stop(), postgres?.stop(), imitation?.close()]);
	fileHost?.close();
	for (const folder of temporary) rmSync(folder, { recursive: true, force: true });
	console.log(`queue-mode timings (s): ${JSON.stringify(timings, null, 2)}`);
});

test(`${CALLS} concurrent CRM calls of ${CONTACTS_PER_CALL} contacts become ${CALLS} campaigns of 100 messages, each posted once by a worker`, async () => {
	imitation.reset();
	const calls = Array.from({ length: CALLS }, (_, index) => crmCall(`burst-${index + 1}`));
	const started = Date.now();
	const answers = await Promise.all(
		calls.map((call) => callWebhookProcessor('queue-crm-boletos', call)),
	);
	timings[`${CALLS} x ${CONTACTS_PER_CALL} contacts burst`] = seconds(started);

	const failed = answers.filter((answer) => answer.status !== 200);
	assert.deepEqual(failed, [], `failed calls; their executions: ${await failedExecutions()}`);
	const allPosts = imitation.requests.filter((request) => request.path === '/sender/advanced');
	assert.equal(allPosts.length, CALLS);
	const postedBy = {};
	for (const [index, call] of calls.entries()) {
		assert.equal(answers[index].status, 200, JSON.stringify(answers[index].json));
		assert.equal(answers[index].json.count, 100);
		assert.equal(answers[index].json.recipientCount, CONTACTS_PER_CALL);
		const posts = postsOf(call.callId);
		assert.equal(posts.length, 1, `${call.callId} was posted ${posts.length} times`);
		const [post] = posts;
		assert.equal(
			answers[index].json.folder_id,
			imitation.state.folders.find((folder) => folder.info === post.body.info).id,
		);
		// Exactly this call's contacts, in its order, each with a text and its own boleto.
		const expected = call.contacts.flatMap(({ name, phone }) => [
			{ number: phone, type: 'text', text: `Olá ${name}! Seu boleto segue abaixo.` },
			{
				number: phone,
				type: 'document',
				file: boletoOf(phone).toString('base64'),
				text: `Boleto de ${name}`,
				docName: `boleto-${phone}.pdf`,
				mimetype: 'application/pdf',
			},
		]);
		assert.deepEqual(post.body.messages, expected);
		const ranOn = workersThatRan(executionIdOf(post));
		assert.equal(ranOn.length, 1, `execution ${executionIdOf(post)} ran on ${ranOn}`);
		(postedBy[ranOn[0]] ??= []).push(call.callId);
	}
	timings['campaigns posted per worker'] = Object.fromEntries(
		Object.entries(postedBy).map(([worker, callIds]) => [worker, callIds.length]),
	);
	console.log(`campaigns posted by each worker: ${JSON.stringify(postedBy)}`);
	// The main process and the webhook processor ran none of them.
	for (const process of [main, webhook])
		assert.doesNotMatch(process.output(), /Worker started execution/);

	// The executions are in Postgres, and the downloaded boletos were stored there as
	// binary data by the workers (N8N_DEFAULT_BINARY_DATA_MODE=database).
	const executions = await postgres.query(
		`select status, mode from execution_entity where "workflowId" = 'queueCrmBoletos'`,
	);
	assert.deepEqual(
		executions.map(([status, mode]) => `${status} ${mode}`),
		Array(CALLS).fill('success webhook'),
	);
	const [[binaries]] = await postgres.query(
		`select count(*) from binary_data where "sourceType" = 'execution'`,
	);
	assert.equal(Number(binaries), CALLS * CONTACTS_PER_CALL);
});

/** The webhook the trigger registered with uazapi on activation (by the main process). */
function triggerWebhook() {
	return imitation.state.webhooks.find((entry) => entry.url.includes(`/${TRIGGER_WEBHOOK_ID}/`));
}

/** A fixture delivery as uazapi would post it for this test's instance (its token). */
const delivery = (file) => ({
	...JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')),
	token: TOKEN,
});

test('the uazapi Trigger registers the webhook processor URL; its deliveries run on the workers with the normalised items', async () => {
	const url = triggerUrl;
	// WEBHOOK_URL is the webhook processor's: uazapi posts there, never to the main process.
	assert.match(url, new RegExp(`^${webhook.url}/webhook/${TRIGGER_WEBHOOK_ID}/webhook\\?secret=`));
	const post = (target, body) =>
		fetch(target, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
		});
	// A forged call, without the secret, is refused by the webhook processor itself.
	const forged = await post(url.split('?')[0], delivery('text-received.json'));
	assert.equal(forged.status, 403);

	// One webhook added, once: a second activation would leave the secret above stale.
	assert.deepEqual(triggerRegistration, ['add']);
	const started = Date.now();
	for (const file of Object.keys(normalised)) {
		const response = await post(url, delivery(file));
		if (response.status !== 200) {
			const [[staticData]] = await postgres.query(
				`select "staticData" from workflow_entity where id = '${TRIGGER_WORKFLOW_ID}'`,
			);
			assert.fail(
				`${file}: ${response.status}; registered ${url}; stored static data ${staticData}`,
			);
		}
	}
	// Our own message sent by the API starts nothing (Include Own Messages is off).
	const expected = Object.entries(normalised)
		.filter(([file]) => file !== 'sent-by-api.json')
		.map(([file, item]) => [file, receivedItem(item)]);
	const rows = await waitUntil(
		'the trigger executions',
		async () => {
			const found = await postgres.query(
				`select id, status from execution_entity where "workflowId" = '${TRIGGER_WORKFLOW_ID}' and status = 'success'`,
			);
			return found.length >= expected.length && found;
		},
		120_000,
	);
	timings[`${Object.keys(normalised).length} trigger deliveries to stored executions`] =
		seconds(started);
	assert.equal(rows.length, expected.length);
	for (const [id] of rows) assert.equal(workersThatRan(id).length, 1, `execution ${id}`);

	const executions = await workflowExecutions(main.url, cookie, TRIGGER_WORKFLOW_ID);
	const outputs = executions.map(({ text, flatted }) => {
		assert.ok(!text.includes(TOKEN), 'the token is not stored');
		const items = unflatten(flatted).resultData.runData['uazapi Trigger'][0].data.main[0];
		assert.equal(items.length, 1);
		const { raw: _raw, ...item } = items[0].json;
		return item;
	});
	for (const [file, item] of expected)
		assert.ok(
			outputs.some((output) => isDeepStrictEqual(output, item)),
			`${file}: ${JSON.stringify(item)}`,
		);
});

/**
 * Kills the worker running a CRM call's execution while uazapi holds its campaign POST open (the
 * campaign is already created), then plays a CRM that retries a failed call. Returns what happened.
 */
async function killWorkerMidCampaign(path, callId) {
	imitation.reset();
	imitation.setResponder((request) =>
		request.path === '/sender/advanced' ? { delayMs: 60_000 } : undefined,
	);
	const call = crmCall(callId, 5);
	const firstAnswer = callWebhookProcessor(path, call).catch((error) => ({ error: error.message }));
	await waitUntil(`the campaign POST of ${callId}`, () => postsOf(callId).length === 1);
	const executionId = executionIdOf(postsOf(callId)[0]);
	const [killedName] = workersThatRan(executionId);
	const killed = workers.find((worker) => worker.name === killedName);
	const killedAt = Date.now();
	await killed.stop();
	const answer = await firstAnswer;
	const outcome = {
		executionId,
		killed: killedName,
		crmAnswer: answer.error ?? `${answer.status} ${JSON.stringify(answer.json)}`,
		crmAnswerAfterKill: seconds(killedAt),
	};
	// Long enough for Bull to see the job's lock expire and for any worker to take it again.
	await new Promise((wait) => setTimeout(wait, 15_000));
	outcome.postsBeforeRetry = postsOf(callId).length;
	outcome.ranOnAfterKill = workersThatRan(executionId).filter((name) => name !== killedName);
	const [[status, stoppedAt]] = await postgres.query(
		`select status, extract(epoch from "stoppedAt") * 1000 from execution_entity where id = ${Number(executionId)}`,
	);
	outcome.executionStatus = status;
	outcome.executionStoppedAfterKill = Number(((Number(stoppedAt) - killedAt) / 1000).toFixed(1));
	// n8n 2.x lets a stalled job fail instead of retrying it (MaxStalledCountError).
	[[outcome.stalledError]] = await postgres.query(
		`select position('failed to be processed too many times' in data) > 0 from execution_data where "executionId" = ${Number(executionId)}`,
	);

	// The CRM saw the call fail and sends it again, as CRMs do.
	imitation.setResponder(undefined);
	const retry = await callWebhookProcessor(path, call);
	outcome.retryAnswer = `${retry.status}`;
	outcome.retry = retry.json;
	outcome.postsAfterRetry = postsOf(callId).length;

	const replacement = await startWorker(killedName, folders[killedName]);
	workers = workers.map((worker) => (worker === killed ? replacement : worker));
	console.log(`worker killed mid-campaign (${path}): ${JSON.stringify(outcome)}`);
	return outcome;
}

test('a worker killed mid-campaign: n8n fails the stalled job instead of running it again, and the CRM gets a 500', async () => {
	const outcome = await killWorkerMidCampaign('queue-crm-boletos-no-key', 'kill-1');
	timings['worker kill without Campaign Key'] = outcome;
	assert.equal(outcome.postsBeforeRetry, 1);
	assert.deepEqual(outcome.ranOnAfterKill, []);
	assert.equal(outcome.executionStatus, 'error');
	assert.equal(outcome.stalledError, 't');
	assert.match(outcome.crmAnswer, /^500 /);
	// Without the Campaign Key the CRM's retry queues the campaign a second time.
	assert.equal(outcome.retryAnswer, '200');
	assert.equal(outcome.postsAfterRetry, 2);
});

test('with the Campaign Key, the CRM retry after a killed worker finds the campaign instead of sending it twice', async () => {
	const outcome = await killWorkerMidCampaign('queue-crm-boletos', 'kill-2');
	timings['worker kill with Campaign Key'] = outcome;
	assert.equal(outcome.postsBeforeRetry, 1);
	assert.equal(outcome.retryAnswer, '200');
	assert.equal(outcome.retry.alreadyCreated, true);
	assert.equal(outcome.retry.folder_id, imitation.state.folders[0].id);
	assert.equal(outcome.postsAfterRetry, 1);
});

test('Redis restarted between executions: the next CRM calls still become campaigns', async () => {
	imitation.reset();
	const before = await callWebhookProcessor('queue-crm-boletos', crmCall('redis-1', 3));
	assert.equal(before.status, 200);
	const started = Date.now();
	timings['Redis restart'] = await redis.restart();
	const after = await callWebhookProcessor('queue-crm-boletos', crmCall('redis-2', 3));
	timings['first call after the Redis restart'] = seconds(started);
	assert.equal(after.status, 200, JSON.stringify(after.json));
	assert.equal(after.json.count, 6);
	assert.equal(postsOf('redis-2').length, 1);
	assert.equal(workersThatRan(executionIdOf(postsOf('redis-2')[0])).length, 1);
});
