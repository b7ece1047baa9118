// Real-n8n benchmark: a webhook call of 1,000 and of 10,000 contacts turned into one campaign by
// uazapi Advanced Send, against a baseline that builds the same body in a Code node and posts it
// with the HTTP Request node, and against Edit Fields (Set) with 7 per-item expressions before the
// Code node, all three in the same n8n process. Runs on n8n 2.41.1 with its default expression
// engine, on 2.41.1 with N8N_EXPRESSION_ENGINE=legacy and on 1.123.81, each in a fresh n8n.
// Prints the figures; run with `npm run bench:n8n`. Options after `--`: `--quick` runs 1,000
// contacts only, on 2.41.1 unless --only says otherwise; `--only=1.123` runs the setups whose label
// contains the text; `--profile=<folder>` runs like --quick under `node --cpu-prof` and writes the
// n8n process's CPU profile (open it in Chrome DevTools) into the folder. `--smoke` (run by
// `npm run test:e2e`) sends 20 contacts through each workflow once on 2.41.1 and checks that they
// send the same campaign, without timing anything: a broken benchmark then fails CI.
// Each setup also times the per-contact report (README "After the campaign"): uazapi Campaign's Get
// Contact Outcomes for every contact of a campaign of two messages each, uazapi answering each
// page of /sender/listmessages in 100 ms, against the time of those page requests themselves.
import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';

import {
	activateWorkflow,
	ensureN8n,
	freePort,
	imitationCredential,
	n8nEnv,
	prepareUserFolder,
	REPO_ROOT,
	restGet,
	setupOwner,
	startN8n,
} from '../scripts/lib/n8n.mjs';

const require = createRequire(import.meta.url);
const { startUazapiServer } = require('../test/helpers/uazapiServer.cjs');

const TOKEN = 'bench-token';
const profileFolder = process.argv.find((arg) => arg.startsWith('--profile='))?.slice(10);
const smoke = process.argv.includes('--smoke');
const quick = process.argv.includes('--quick') || profileFolder !== undefined || smoke;
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice(7);
/** Contacts per webhook call, and how many timed runs of each workflow (after one warm-up). */
const SIZES = smoke
	? [[20, 0]]
	: quick
		? [[1000, 7]]
		: [
				[1000, 7],
				[10000, 3],
			];
const SETUPS = [
	{ label: 'n8n 2.41.1, default engine (vm)', version: '2.41.1', env: {} },
	{
		label: 'n8n 2.41.1, N8N_EXPRESSION_ENGINE=legacy',
		version: '2.41.1',
		env: { N8N_EXPRESSION_ENGINE: 'legacy' },
	},
	{ label: 'n8n 1.123.81', version: '1.123.81', env: {} },
].filter(({ label }, index) => (only ? label.includes(only) : !quick || index === 0));

/** Each workflow: its webhook path and the node whose share of the execution time is reported. */
const WORKFLOWS = [
	{
		name: 'Code node + HTTP Request',
		id: 'benchCodeHttp',
		file: 'code-http-baseline',
		path: 'bench-code-http',
		nodes: ['Build Body', 'Send'],
	},
	{
		name: 'uazapi Advanced Send',
		id: 'benchAdvancedSend',
		file: 'advanced-send',
		path: 'bench-advanced-send',
		nodes: ['uazapi Advanced Send'],
	},
	{
		name: 'Edit Fields → Code → HTTP',
		id: 'benchSetCodeHttp',
		file: 'set-code-http',
		path: 'bench-set-code-http',
		nodes: ['Edit Fields', 'Build Body', 'Send'],
	},
];

/** The per-contact report's workflow, and how long the imitation takes to answer a page. */
const REPORT = { id: 'benchOutcomes', path: 'bench-outcomes', nodes: ['Get Contact Outcomes'] };
const PAGE_MS = 100;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function contactsOf(count) {
	return Array.from({ length: count }, (_, index) => ({
		name: `Cliente ${index}`,
		phone: `55119${String(80000000 + index)}`,
		order: `PED-${100000 + index}`,
	}));
}

/** `n8n start` under `node --cpu-prof`; stopped with SIGTERM so that the profile is written. */
async function startProfiledN8n(n8n, userFolder, env) {
	const ports = { http: await freePort(), broker: await freePort() };
	const url = `http://127.0.0.1:${ports.http}`;
	mkdirSync(profileFolder, { recursive: true });
	const child = spawn(
		process.execPath,
		[
			'--cpu-prof',
			`--cpu-prof-dir=${profileFolder}`,
			join(n8n.folder, 'node_modules/n8n/bin/n8n'),
			'start',
		],
		{ env: n8nEnv(n8n, userFolder, ports, env), stdio: 'ignore' },
	);
	for (;;) {
		if (child.exitCode !== null) throw new Error(`n8n exited with ${child.exitCode}`);
		try {
			if ((await fetch(`${url}/healthz/readiness`)).ok && (await fetch(`${url}/rest/settings`)).ok)
				break;
		} catch {
			// not listening yet
		}
		await new Promise((wait) => setTimeout(wait, 250));
	}
	return {
		url,
		async stop() {
			const exited = new Promise((done) => child.once('exit', done));
			child.kill('SIGTERM');
			await exited;
		},
	};
}

/** The run data of the last `count` executions of a workflow, newest first. */
async function nodeRuns(n8n, server, cookie, workflow, count) {
	const { parse } = createRequire(join(n8n.folder, 'node_modules', 'n8n', 'package.json'))(
		'flatted',
	);
	const filter = encodeURIComponent(JSON.stringify({ workflowId: workflow.id }));
	const { json: list } = await restGet(
		server.url,
		`/executions?filter=${filter}&limit=${count}`,
		cookie,
	);
	const runs = [];
	for (const { id } of list.data.results ?? list.data) {
		const { json } = await restGet(server.url, `/executions/${id}`, cookie);
		runs.push({ runData: parse(json.data.data).resultData.runData });
	}
	return runs;
}

/** Milliseconds the reported nodes of the last `count` executions of a workflow took. */
async function nodeTimes(n8n, server, cookie, workflow, count) {
	return (await nodeRuns(n8n, server, cookie, workflow, count)).map(({ runData }) => ({
		node: workflow.nodes.reduce((sum, name) => sum + runData[name][0].executionTime, 0),
	}));
}

async function benchSetup(setup, imitation) {
	const n8n = await ensureN8n(setup.version);
	const userFolder = await prepareUserFolder(n8n, {
		credentials: [imitationCredential(imitation.url, TOKEN)],
		workflows: [...WORKFLOWS.map(({ file }) => file), 'contact-outcomes'].map((file) =>
			join(REPO_ROOT, `bench/workflows/${file}.workflow.json`),
		),
	});
	const env = {
		UAZAPI_BENCH_URL: imitation.url,
		UAZAPI_BENCH_TOKEN: TOKEN,
		N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false',
		...setup.env,
	};
	const server = profileFolder
		? await startProfiledN8n(n8n, userFolder, env)
		: await startN8n(n8n, userFolder, { env });
	console.log(`\n${setup.label}`);
	if (!smoke) {
		console.log(
			'| contacts | workflow | median ms | min ms | max ms | ratio to baseline | node ms | node share of the call |',
		);
		console.log('|---|---|---|---|---|---|---|---|');
	}
	try {
		const { cookie } = await setupOwner(server.url);
		for (const { id } of [...WORKFLOWS, REPORT]) await activateWorkflow(server.url, cookie, id);
		for (const [count, runs] of SIZES) {
			const body = JSON.stringify({ contacts: contactsOf(count) });
			const time = async (workflow) => {
				imitation.reset();
				const started = performance.now();
				const response = await fetch(`${server.url}/webhook/${workflow.path}`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body,
				});
				const elapsed = performance.now() - started;
				// n8n 1.x answers 503 while a long write of the previous execution keeps its database busy.
				if (
					response.status === 503 &&
					(await response.clone().text()).includes('Database is not ready')
				) {
					await new Promise((wait) => setTimeout(wait, 5000));
					return await time(workflow);
				}
				if (!response.ok)
					throw new Error(`${workflow.path}: HTTP ${response.status} ${await response.text()}`);
				const [request] = imitation.requests;
				if (imitation.requests.length !== 1 || request.body.messages.length !== 2 * count) {
					throw new Error(
						`${workflow.path}: the imitation did not receive one campaign of ${2 * count} messages`,
					);
				}
				return { elapsed, messages: JSON.stringify(request.body.messages) };
			};
			// Warm-up, and a check that the three workflows send the same campaign.
			const sent = [];
			for (const workflow of WORKFLOWS) sent.push((await time(workflow)).messages);
			if (new Set(sent).size !== 1) throw new Error('the workflows sent different messages');
			if (runs === 0) {
				console.log(`smoke: the ${WORKFLOWS.length} workflows sent the same ${2 * count} messages`);
				continue;
			}
			const elapsed = new Map(WORKFLOWS.map((workflow) => [workflow, []]));
			for (let run = 0; run < runs; run++) {
				for (const workflow of WORKFLOWS)
					elapsed.get(workflow).push((await time(workflow)).elapsed);
			}
			const baseline = median(elapsed.get(WORKFLOWS[0]));
			for (const workflow of WORKFLOWS) {
				const values = elapsed.get(workflow);
				const times = await nodeTimes(n8n, server, cookie, workflow, runs);
				const row = {
					contacts: count,
					workflow: workflow.name,
					median: median(values),
					min: Math.min(...values),
					max: Math.max(...values),
					ratio: median(values) / baseline,
					nodeMs: median(times.map(({ node }) => node)),
					share: median(times.map(({ node }) => node)) / median(values),
					nodes: workflow.nodes.join(' + '),
				};
				console.log(
					`| ${row.contacts.toLocaleString('en')} | ${row.workflow} | ${row.median.toFixed(0)} | ${row.min.toFixed(0)} | ${row.max.toFixed(0)} | ${row.ratio.toFixed(2)} | ${row.nodeMs.toFixed(0)} (${row.nodes}) | ${(100 * row.share).toFixed(0)} % |`,
				);
			}
		}
		for (const [count, runs] of SIZES) await benchReport(n8n, server, cookie, count, runs);
	} finally {
		await server.stop();
		rmSync(userFolder, { recursive: true, force: true });
	}
}

/**
 * The per-contact report of a campaign of `count` contacts × 2 messages, created at the imitation
 * as uazapi Advanced Send would: one webhook call with the sender's per-contact rows, one output
 * row per contact. The report's own time (the node's) against the page requests' (pages × 100 ms).
 */
async function benchReport(n8n, server, cookie, count, runs) {
	imitation.reset();
	const contacts = contactsOf(count);
	const created = await fetch(`${imitation.url}/sender/advanced`, {
		method: 'POST',
		headers: { token: TOKEN, 'content-type': 'application/json' },
		body: JSON.stringify({
			delayMin: 1,
			delayMax: 2,
			messages: contacts.flatMap(({ phone }) => [
				{ number: phone, type: 'text', text: 'Oi' },
				{ number: phone, type: 'text', text: 'Tudo bem?' },
			]),
		}),
	}).then((response) => response.json());
	imitation.setResponder((request) =>
		request.path === '/sender/listmessages' ? { delayMs: PAGE_MS } : undefined,
	);
	const body = JSON.stringify({
		contacts: contacts.map(({ phone }) => ({ folder_id: created.folder_id, recipient: phone })),
	});
	const pages = Math.ceil((2 * count) / 1000);
	const elapsed = [];
	for (let run = 0; run <= runs; run++) {
		imitation.requests.length = 0;
		const started = performance.now();
		const response = await fetch(`${server.url}/webhook/${REPORT.path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body,
		});
		if (!response.ok)
			throw new Error(`${REPORT.path}: HTTP ${response.status} ${await response.text()}`);
		const reads = imitation.requests.filter((request) => request.path === '/sender/listmessages');
		if (reads.length !== pages)
			throw new Error(`the report read ${reads.length} pages, not ${pages}`);
		// The first run warms up.
		if (run > 0) elapsed.push(performance.now() - started);
	}
	const [last] = await nodeRuns(n8n, server, cookie, REPORT, 1);
	const rows = last.runData[REPORT.nodes[0]][0].data.main[0].length;
	if (rows !== count) throw new Error(`the report gave ${rows} rows for ${count} contacts`);
	if (runs === 0) {
		console.log(`smoke: the per-contact report gave one row for each of ${count} contacts`);
		return;
	}
	const nodeMs = median(
		(await nodeTimes(n8n, server, cookie, REPORT, runs)).map(({ node }) => node),
	);
	const pagesMs = pages * PAGE_MS;
	console.log(
		`| ${count.toLocaleString('en')} | per-contact report (${2 * count} messages, ${pages} pages of ${PAGE_MS} ms) | ${median(elapsed).toFixed(0)} | ${Math.min(...elapsed).toFixed(0)} | ${Math.max(...elapsed).toFixed(0)} | ${(nodeMs / pagesMs).toFixed(2)} × the pages' ${pagesMs} ms | ${nodeMs.toFixed(0)} (${REPORT.nodes[0]}) | ${((100 * nodeMs) / median(elapsed)).toFixed(0)} % |`,
	);
}

const imitation = await startUazapiServer({ token: TOKEN });
try {
	console.log(
		`Node ${process.version}, ${cpus().length} × ${cpus()[0].model}, ${new Date().toISOString()}; median of the timed runs after a warm-up (${SIZES.map(([count, runs]) => `${runs} runs at ${count}`).join(', ')})`,
	);
	for (const setup of SETUPS) await benchSetup(setup, imitation);
} finally {
	await imitation.close();
}
