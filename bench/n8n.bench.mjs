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

/** Milliseconds the reported nodes of the last `count` executions of a workflow took. */
async function nodeTimes(n8n, server, cookie, workflow, count) {
	const { parse } = createRequire(join(n8n.folder, 'node_modules', 'n8n', 'package.json'))(
		'flatted',
	);
	const filter = encodeURIComponent(JSON.stringify({ workflowId: workflow.id }));
	const { json: list } = await restGet(
		server.url,
		`/executions?filter=${filter}&limit=${count}`,
		cookie,
	);
	const times = [];
	for (const { id } of list.data.results ?? list.data) {
		const { json } = await restGet(server.url, `/executions/${id}`, cookie);
		const { runData } = parse(json.data.data).resultData;
		times.push({
			node: workflow.nodes.reduce((sum, name) => sum + runData[name][0].executionTime, 0),
		});
	}
	return times;
}

async function benchSetup(setup, imitation) {
	const n8n = await ensureN8n(setup.version);
	const userFolder = await prepareUserFolder(n8n, {
		credentials: [imitationCredential(imitation.url, TOKEN)],
		workflows: WORKFLOWS.map(({ file }) =>
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
		for (const { id } of WORKFLOWS) await activateWorkflow(server.url, cookie, id);
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
	} finally {
		await server.stop();
		rmSync(userFolder, { recursive: true, force: true });
	}
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
