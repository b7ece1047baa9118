// The services of n8n's queue mode for `npm run test:e2e:queue`: a throwaway Redis and PostgreSQL
// on free ports of 127.0.0.1 with data folders in the temp folder, and n8n's main, webhook and
// worker processes sharing them. Every process runs in its own process group and is killed when
// the test process ends, however it ends. CONTRIBUTING.md "Queue-mode test" explains the choices.
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort, REPO_ROOT, run, startN8n } from './n8n.mjs';

const running = new Set();

/** Kills what is still running when the test process exits, also after a crash or Ctrl-C. */
function killAll() {
	for (const pid of running) {
		try {
			process.kill(-pid, 'SIGKILL');
		} catch {
			// already gone
		}
	}
	running.clear();
}
process.once('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
	process.once(signal, () => process.exit(128 + (signal === 'SIGINT' ? 2 : 15)));
}

export function track(pid) {
	running.add(pid);
}

/** SIGKILLs a tracked process group and waits for its leader to exit. */
async function killGroup(child) {
	running.delete(child.pid);
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((done) => child.once('exit', done));
	process.kill(-child.pid, 'SIGKILL');
	await exited;
}

/** Installs Debian's redis-server and postgresql when missing (scripts/queue-services.sh). */
export async function ensureServices() {
	const started = Date.now();
	const { stderr } = await run('sh', [join(REPO_ROOT, 'scripts/queue-services.sh')]);
	if (stderr) process.stderr.write(stderr);
	return (Date.now() - started) / 1000;
}

function spawnService(command, args, options = {}) {
	const child = spawn(command, args, {
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
		...options,
	});
	track(child.pid);
	let output = '';
	child.stdout.on('data', (chunk) => (output += chunk));
	child.stderr.on('data', (chunk) => (output += chunk));
	return { child, output: () => output };
}

async function waitFor(what, check, service, timeoutMs = 30_000) {
	const started = Date.now();
	while (Date.now() - started < timeoutMs) {
		if (service.child.exitCode !== null)
			throw new Error(`${what} exited with ${service.child.exitCode}:\n${service.output()}`);
		if (await check()) return (Date.now() - started) / 1000;
		await new Promise((wait) => setTimeout(wait, 100));
	}
	throw new Error(`${what} did not start in ${timeoutMs / 1000} s:\n${service.output()}`);
}

/**
 * A Redis on a free port, its append-only file in a temp folder, so that a restart keeps Bull's
 * queue as a production Redis would. `restart()` kills it and starts it again on the same port.
 */
export async function startRedis() {
	const folder = mkdtempSync(join(tmpdir(), 'uazapi-redis-'));
	const port = await freePort();
	let service;
	async function start() {
		const started = Date.now();
		service = spawnService('redis-server', [
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--dir',
			folder,
			'--appendonly',
			'yes',
			'--save',
			'',
		]);
		await waitFor(
			'redis-server',
			async () =>
				(
					await run('redis-cli', ['-p', String(port), 'ping'], { allowFailure: true })
				).stdout.includes('PONG'),
			service,
		);
		return (Date.now() - started) / 1000;
	}
	const startSeconds = await start();
	return {
		port,
		startSeconds,
		async restart() {
			await killGroup(service.child);
			return start();
		},
		async stop() {
			await killGroup(service.child);
			rmSync(folder, { recursive: true, force: true });
		},
	};
}

/** Debian installs PostgreSQL's programs under /usr/lib/postgresql/<version>/bin. */
function postgresBin() {
	const versions = readdirSync('/usr/lib/postgresql')
		.filter((version) => existsSync(join('/usr/lib/postgresql', version, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	if (versions.length === 0)
		throw new Error('PostgreSQL is not installed under /usr/lib/postgresql');
	return join('/usr/lib/postgresql', versions[0], 'bin');
}

/**
 * PostgreSQL refuses to run as root: as root, its data folder belongs to Debian's `postgres` user
 * and its programs run as that user through runuser.
 */
function asDatabaseUser(folder) {
	if (process.getuid() !== 0) return (command, args) => [command, args];
	const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout);
	const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout);
	chownSync(folder, uid, gid);
	return (command, args) => ['runuser', ['-u', 'postgres', '--', command, ...args]];
}

/**
 * A PostgreSQL cluster initialised into a temp folder and started on a free port of 127.0.0.1, with
 * a database `n8n` whose owner `n8n` logs in without a password (trust, loopback only).
 */
export async function startPostgres() {
	const started = Date.now();
	const folder = mkdtempSync(join(tmpdir(), 'uazapi-postgres-'));
	const as = asDatabaseUser(folder);
	const bin = postgresBin();
	const data = join(folder, 'data');
	await run(
		...as(join(bin, 'initdb'), [
			'-D',
			data,
			'-U',
			'n8n',
			'--auth=trust',
			'--no-sync',
			'-E',
			'UTF8',
		]),
	);
	const initSeconds = (Date.now() - started) / 1000;
	const port = await freePort();
	const service = spawnService(
		...as(join(bin, 'postgres'), [
			'-D',
			data,
			'-p',
			String(port),
			'-c',
			'listen_addresses=127.0.0.1',
			'-c',
			`unix_socket_directories=${folder}`,
			'-c',
			'fsync=off',
			'-c',
			'max_connections=200',
		]),
	);
	const psql = (database, sql) =>
		run('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'n8n', '-d', database, '-Atc', sql], {
			allowFailure: true,
		});
	await waitFor('postgres', async () => (await psql('postgres', 'select 1')).code === 0, service);
	await run('psql', [
		'-h',
		'127.0.0.1',
		'-p',
		String(port),
		'-U',
		'n8n',
		'-d',
		'postgres',
		'-c',
		'create database n8n',
	]);
	return {
		port,
		initSeconds,
		startSeconds: (Date.now() - started) / 1000,
		/** Runs one SQL statement in n8n's database; resolves with its rows, fields split by "|". */
		async query(sql) {
			const { code, stdout, stderr } = await psql('n8n', sql);
			if (code !== 0) throw new Error(`psql: ${stderr}`);
			return stdout
				.split('\n')
				.filter((line) => line !== '')
				.map((line) => line.split('|'));
		},
		async stop() {
			await killGroup(service.child);
			rmSync(folder, { recursive: true, force: true });
		},
	};
}

/** The settings every process of one queue-mode n8n shares. */
export function queueEnv(redis, postgres) {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: 'n8n',
		DB_POSTGRESDB_USER: 'n8n',
		DB_POSTGRESDB_PASSWORD: '',
		// n8n 2.x's default in queue mode, stated here: a binary a worker downloads is stored in
		// Postgres, where the main process (and any other worker) can read it.
		N8N_DEFAULT_BINARY_DATA_MODE: 'database',
		// Production webhooks only through the webhook processor, as in a scaled setup.
		N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
		// A killed worker's job counts as stalled after 20 s instead of n8n's 60 s (Bull's lock).
		// Not shorter: a worker too busy to renew its lock in time has its job failed while it
		// still runs it (6 s failed jobs of the burst on a loaded machine).
		QUEUE_WORKER_LOCK_DURATION: '20000',
		QUEUE_WORKER_LOCK_RENEW_TIME: '5000',
		QUEUE_WORKER_STALLED_INTERVAL: '5000',
		// "Worker started execution N" is logged at info: it tells which worker ran what.
		N8N_LOG_LEVEL: 'info',
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
	};
}

/** Starts one n8n process of a queue-mode setup (`start`, `webhook` or `worker`) and tracks it. */
export async function startQueueProcess(n8n, userFolder, command, env, preferredPort = 0) {
	const started = await startN8n(n8n, userFolder, { command, env, preferredPort });
	track(started.pid);
	return {
		...started,
		command,
		async stop() {
			running.delete(started.pid);
			await started.stop();
		},
	};
}
