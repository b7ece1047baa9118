// Drives a real n8n for the end-to-end tests and the demo: installs it once into the user's
// cache, installs this package the way n8n installs a community package, imports credentials and
// workflows with n8n's CLI, starts and stops the server. CONTRIBUTING.md "End-to-end tests" explains why
// each step is done this way.
import { spawn } from 'node:child_process';
import {
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const N8N_VERSION = process.env.UAZAPI_N8N_VERSION || '2.41.1';
export const ENCRYPTION_KEY = 'uazapi-sender-e2e-encryption-key';

const cacheRoot = join(
	process.env.XDG_CACHE_HOME || join(homedir(), '.cache'),
	'n8n-nodes-uazapi-sender',
);

function log(message) {
	process.stderr.write(`[n8n] ${message}\n`);
}

/** Runs a command; resolves with its output, rejects with it when the exit code is not 0. */
export function run(command, args, options = {}) {
	return new Promise((resolvePromise, reject) => {
		const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		child.on('error', reject);
		child.on('close', (code, signal) => {
			if (code === 0 || options.allowFailure) resolvePromise({ code, stdout, stderr });
			else
				reject(
					new Error(
						`${command} ${args.join(' ')} exited with ${code ?? signal}\n${stdout.slice(-3000)}\n${stderr.slice(-3000)}`,
					),
				);
		});
	});
}

/** A free TCP port on 127.0.0.1: the preferred one when it is free, else any. */
export function freePort(preferred = 0) {
	return new Promise((resolvePromise, reject) => {
		const server = createServer();
		server.on('error', (error) =>
			preferred ? freePort().then(resolvePromise, reject) : reject(error),
		);
		server.listen(preferred, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolvePromise(port));
		});
	});
}

/**
 * n8n's folder in the cache, installed on first use. n8n's own install needs --ignore-scripts here
 * (kafka's install script downloads a binary), then a rebuild of the two addons n8n really uses.
 */
export async function ensureN8n(version = N8N_VERSION) {
	const folder = join(cacheRoot, `n8n-${version}`);
	const bin = join(folder, 'node_modules', '.bin', 'n8n');
	const sqlite = join(folder, 'node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node');
	if (existsSync(bin) && existsSync(sqlite)) return { folder, bin, version };
	const started = Date.now();
	log(`installing n8n ${version} into ${folder} (first run only, several minutes)`);
	mkdirSync(folder, { recursive: true });
	// n8n 1.x's nodes depend on xlsx from a tarball URL outside the npm registry, which cannot be
	// reached here; the registry's last xlsx release stands in (it only serves spreadsheet nodes).
	const overrides = version.startsWith('1.') ? { xlsx: '0.18.5' } : undefined;
	writeFileSync(
		join(folder, 'package.json'),
		JSON.stringify({ name: 'n8n-runtime', private: true, overrides }),
	);
	const env = { ...process.env, npm_config_nodedir: dirname(dirname(process.execPath)) };
	await run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', `n8n@${version}`], {
		cwd: folder,
		env,
	});
	await run('npm', ['rebuild', 'sqlite3', 'isolated-vm'], { cwd: folder, env });
	if (!existsSync(sqlite)) throw new Error(`sqlite3 did not build in ${folder}`);
	log(`n8n ${version} installed in ${Math.round((Date.now() - started) / 1000)} s`);
	return { folder, bin, version };
}

/** Packs this repository as npm would publish it; returns the tarball path. */
export async function packPackage(destination) {
	const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', destination], {
		cwd: REPO_ROOT,
	});
	const [{ filename }] = JSON.parse(stdout);
	return join(destination, filename);
}

/**
 * Installs the tarball the way n8n's community-package installer does: unpack it into
 * <user folder>/.n8n/nodes/node_modules/<name>, drop dev/peer/optional dependencies, and run
 * npm install only if runtime dependencies remain (this package has none).
 */
export async function installPackage(userFolder, tarball) {
	const nodesFolder = join(userFolder, '.n8n', 'nodes');
	const unpacked = mkdtempSync(join(tmpdir(), 'uazapi-pack-'));
	await run('tar', ['xzf', tarball, '-C', unpacked]);
	const manifest = JSON.parse(readFileSync(join(unpacked, 'package', 'package.json'), 'utf8'));
	delete manifest.devDependencies;
	delete manifest.peerDependencies;
	delete manifest.optionalDependencies;
	writeFileSync(join(unpacked, 'package', 'package.json'), JSON.stringify(manifest, null, 2));
	const target = join(nodesFolder, 'node_modules', manifest.name);
	mkdirSync(dirname(target), { recursive: true });
	rmSync(target, { recursive: true, force: true });
	cpSync(join(unpacked, 'package'), target, { recursive: true });
	rmSync(unpacked, { recursive: true, force: true });
	writeFileSync(
		join(nodesFolder, 'package.json'),
		JSON.stringify({
			name: 'installed-nodes',
			private: true,
			dependencies: { [manifest.name]: manifest.version },
		}),
	);
	if (Object.keys(manifest.dependencies || {}).length > 0) {
		await run('npm', ['install', '--omit=dev', '--omit=peer', '--omit=optional'], { cwd: target });
	}
	return { name: manifest.name, version: manifest.version, folder: target };
}

export function n8nEnv(n8n, userFolder, ports, extra = {}) {
	return {
		...process.env,
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		N8N_PORT: String(ports.http),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_RUNNERS_BROKER_PORT: String(ports.broker),
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		N8N_SECURE_COOKIE: 'false',
		// n8n 2.x reaches the internet at start for this module; 1.x does not have it.
		...(n8n.version.startsWith('1.') ? {} : { N8N_DISABLED_MODULES: 'mcp-registry' }),
		N8N_LOG_LEVEL: 'warn',
		GENERIC_TIMEZONE: 'UTC',
		WEBHOOK_URL: `http://127.0.0.1:${ports.http}/`,
		...extra,
	};
}

/**
 * A fresh n8n user folder whose database already holds n8n's migrations: the first call runs them
 * (about 10 s) in a template folder in the cache, later calls copy it.
 */
export async function createUserFolder(n8n) {
	const template = join(cacheRoot, `user-template-${n8n.version}`);
	if (!existsSync(join(template, '.n8n', 'database.sqlite'))) {
		rmSync(template, { recursive: true, force: true });
		mkdirSync(template, { recursive: true });
		const empty = join(template, 'empty.json');
		writeFileSync(empty, '[]');
		const ports = { http: await freePort(), broker: await freePort() };
		await run(n8n.bin, ['import:credentials', `--input=${empty}`], {
			env: n8nEnv(n8n, template, ports),
		});
		rmSync(empty);
	}
	const folder = mkdtempSync(join(tmpdir(), 'uazapi-n8n-'));
	cpSync(template, folder, { recursive: true });
	return folder;
}

/**
 * Runs one n8n CLI command against the user folder (the server must not be running, unless the
 * database is Postgres). `env` adds n8n settings, e.g. the database's.
 */
export function n8nCli(n8n, userFolder, args, { env, ...options } = {}) {
	return freePort().then(async (http) =>
		run(n8n.bin, args, {
			env: n8nEnv(n8n, userFolder, { http, broker: await freePort() }, env),
			...options,
		}),
	);
}

export async function importCredentials(n8n, userFolder, credentials, env) {
	const file = join(userFolder, 'credentials-import.json');
	writeFileSync(file, JSON.stringify(credentials));
	await n8nCli(n8n, userFolder, ['import:credentials', `--input=${file}`], { env });
}

/** Imports workflow files in one CLI run. Webhook workflows still need activateWorkflow(). */
export async function importWorkflows(n8n, userFolder, files, env) {
	const folder = mkdtempSync(join(tmpdir(), 'uazapi-workflows-'));
	for (const file of files) cpSync(file, join(folder, basename(file)));
	await n8nCli(n8n, userFolder, ['import:workflow', '--separate', `--input=${folder}`], { env });
	rmSync(folder, { recursive: true, force: true });
}

/**
 * Publishes (activates) a workflow through the REST API, so its webhook URLs answer; waits until
 * they answer at `webhookUrl` (in queue mode the webhook processor's).
 */
export async function activateWorkflow(url, cookie, workflowId, webhookUrl = url) {
	const { json } = await restGet(url, `/workflows/${workflowId}`, cookie);
	const headers = { cookie, 'content-type': 'application/json' };
	const { versionId } = json.data;
	let response = await fetch(`${url}/rest/workflows/${workflowId}/activate`, {
		method: 'POST',
		headers,
		body: JSON.stringify({ versionId }),
	});
	if (response.status === 404) {
		// n8n 1.x has no publish endpoint: a workflow is activated by updating its "active" flag.
		response = await fetch(`${url}/rest/workflows/${workflowId}`, {
			method: 'PATCH',
			headers,
			body: JSON.stringify({ active: true, versionId }),
		});
	}
	if (!response.ok)
		throw new Error(`activating ${workflowId} failed: ${response.status} ${await response.text()}`);
	// n8n registers the webhooks of a workflow it just activated in the background.
	for (const node of json.data.nodes.filter(
		(candidate) => candidate.type === 'n8n-nodes-base.webhook',
	)) {
		await waitForWebhook(webhookUrl, node.parameters.path, node.parameters.httpMethod ?? 'GET');
	}
}

/**
 * Unpublishes (deactivates) a workflow through the REST API; n8n removes its webhooks, so a
 * trigger node deletes what it registered.
 */
export async function deactivateWorkflow(url, cookie, workflowId) {
	const headers = { cookie, 'content-type': 'application/json' };
	let response = await fetch(`${url}/rest/workflows/${workflowId}/deactivate`, {
		method: 'POST',
		headers,
		body: '{}',
	});
	if (response.status === 404) {
		// n8n 1.x: the "active" flag again.
		const { json } = await restGet(url, `/workflows/${workflowId}`, cookie);
		response = await fetch(`${url}/rest/workflows/${workflowId}`, {
			method: 'PATCH',
			headers,
			body: JSON.stringify({ active: false, versionId: json.data.versionId }),
		});
	}
	if (!response.ok)
		throw new Error(
			`deactivating ${workflowId} failed: ${response.status} ${await response.text()}`,
		);
}

/**
 * What the editor's "Listen for test event" does: n8n registers the trigger's test webhook
 * (/webhook-test/...) and runs the workflow on the first call to it. n8n 1.x wants the
 * workflow in the request, 2.x reads the saved one.
 */
export async function listenForTestEvent(url, cookie, workflowId, triggerName) {
	const triggerToStartFrom = { name: triggerName };
	const body = N8N_VERSION.startsWith('1.')
		? {
				workflowData: (await restGet(url, `/workflows/${workflowId}`, cookie)).json.data,
				triggerToStartFrom,
			}
		: { triggerToStartFrom };
	const { json } = await restPost(url, `/workflows/${workflowId}/run`, cookie, body);
	if (json.data?.waitingForWebhook !== true)
		throw new Error(`n8n did not wait for a test event: ${JSON.stringify(json)}`);
}

/** Waits until n8n answers for a webhook path (a GET on a POST webhook says "Did you mean ..."). */
async function waitForWebhook(url, path, method) {
	const started = Date.now();
	while (Date.now() - started < 30_000) {
		const response = await fetch(`${url}/webhook/${path}`, {
			method: method === 'GET' ? 'HEAD' : 'GET',
		});
		const text = await response.text();
		if (response.status !== 404 || text.includes('Did you mean')) return;
		await new Promise((wait) => setTimeout(wait, 200));
	}
	throw new Error(`n8n did not register the webhook ${method} /webhook/${path}`);
}

/** The credential the example and bench workflows use (id "uazapiCredential"), for an imitation. */
export function imitationCredential(serverUrl, token, name = 'uazapi') {
	return { id: 'uazapiCredential', name, type: 'uazapiSenderApi', data: { serverUrl, token } };
}

/**
 * A user folder ready to start: this package installed as a community package from its packed
 * tarball, and the given credentials and workflows imported.
 */
export async function prepareUserFolder(n8n, { credentials, workflows }) {
	const userFolder = await createUserFolder(n8n);
	const packFolder = mkdtempSync(join(tmpdir(), 'uazapi-pack-'));
	await installPackage(userFolder, await packPackage(packFolder));
	rmSync(packFolder, { recursive: true, force: true });
	await importCredentials(n8n, userFolder, credentials);
	await importWorkflows(n8n, userFolder, workflows);
	return userFolder;
}

/**
 * Starts `n8n start` (or `command`: `webhook`, `worker`) in its own process group; resolves once
 * /healthz/readiness answers 200. A worker answers it on its health port, which takes `ports.http`.
 */
export async function startN8n(
	n8n,
	userFolder,
	{ preferredPort = 0, env: extraEnv = {}, command = 'start' } = {},
) {
	const ports = { http: await freePort(preferredPort), broker: await freePort() };
	const url = `http://127.0.0.1:${ports.http}`;
	const workerHealth =
		command === 'worker'
			? { QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(ports.http) }
			: {};
	const child = spawn(n8n.bin, [command], {
		env: n8nEnv(n8n, userFolder, ports, { ...workerHealth, ...extraEnv }),
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stdout.on('data', (chunk) => (output += chunk));
	child.stderr.on('data', (chunk) => (output += chunk));
	const started = Date.now();
	while (Date.now() - started < 120_000) {
		if (child.exitCode !== null)
			throw new Error(`n8n exited with ${child.exitCode}:\n${output.slice(-4000)}`);
		try {
			// n8n 1.x reports ready before its REST routes are mounted: wait for both.
			const ready = await fetch(`${url}/healthz/readiness`);
			if (ready.ok && (command !== 'start' || (await fetch(`${url}/rest/settings`)).ok)) break;
		} catch {
			// not listening yet
		}
		await new Promise((wait) => setTimeout(wait, 250));
	}
	return {
		url,
		ports,
		pid: child.pid,
		startSeconds: (Date.now() - started) / 1000,
		output: () => output,
		async stop() {
			if (child.exitCode !== null) return;
			const exited = new Promise((done) => child.once('exit', done));
			process.kill(-child.pid, 'SIGKILL');
			await exited;
		},
	};
}

/** Creates the owner account and returns the session cookie for n8n's REST API. */
export async function setupOwner(
	url,
	owner = {
		email: 'owner@example.com',
		firstName: 'Demo',
		lastName: 'Owner',
		password: 'Uazapi-Demo-1',
	},
) {
	const response = await fetch(`${url}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(owner),
	});
	if (!response.ok)
		throw new Error(`owner setup failed: ${response.status} ${await response.text()}`);
	const cookie = response.headers
		.getSetCookie()
		.map((value) => value.split(';')[0])
		.join('; ');
	return { cookie, owner };
}

export async function restGet(url, path, cookie) {
	const response = await fetch(`${url}/rest${path}`, { headers: { cookie } });
	const text = await response.text();
	if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${text}`);
	return { text, json: JSON.parse(text) };
}

export async function restPost(url, path, cookie, body) {
	const response = await fetch(`${url}/rest${path}`, {
		method: 'POST',
		headers: { cookie, 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	const text = await response.text();
	if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${text}`);
	return { text, json: JSON.parse(text) };
}

/**
 * The finished executions of a workflow, newest first: each one's REST answer as text and its run
 * data as stored, "flatted" (a JSON array in which objects and strings refer to entries by index).
 * n8n 1.x lists the running and the finished executions with two queries at the same time, so one
 * finishing in between is listed twice (running, then finished): only finished ones, each id once.
 */
export async function workflowExecutions(url, cookie, workflowId) {
	const { json } = await restGet(
		url,
		`/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}`,
		cookie,
	);
	const listed = (json.data.results ?? json.data).filter(
		(execution) => !['new', 'running'].includes(execution.status),
	);
	const list = [...new Map(listed.map((execution) => [execution.id, execution])).values()];
	return Promise.all(
		list.map(async (execution) => {
			const { text, json: detail } = await restGet(url, `/executions/${execution.id}`, cookie);
			return { text, flatted: JSON.parse(detail.data.data) };
		}),
	);
}

/**
 * Polls `check` until it gives a truthy value, which it returns. End-to-end tests wait for what
 * they assert this way: n8n answers a webhook before it has stored the execution.
 */
export async function waitFor(what, check, timeoutMs = 30_000) {
	const since = Date.now();
	for (;;) {
		const value = await check();
		if (value) return value;
		if (Date.now() - since > timeoutMs) throw new Error(`timed out waiting for ${what}`);
		await new Promise((wait) => setTimeout(wait, 200));
	}
}

/** The object a flatted array stands for. */
export function unflatten(table) {
	const done = new Map();
	const resolve = (index) => {
		if (done.has(index)) return done.get(index);
		const entry = table[index];
		if (typeof entry !== 'object' || entry === null) return entry;
		const copy = Array.isArray(entry) ? [] : {};
		done.set(index, copy);
		for (const [key, value] of Object.entries(entry))
			copy[key] = typeof value === 'string' ? resolve(Number(value)) : value;
		return copy;
	};
	return resolve(0);
}
