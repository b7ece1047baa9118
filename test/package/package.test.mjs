// Packaging checks: what `npm pack` would publish, and the n8n verification scanner's lint run
// offline on the unpacked tarball and on the sources it would attest. Needs a fresh `npm run build`.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { after, before, test } from 'node:test';

import { packPackage, REPO_ROOT, run } from '../../scripts/lib/n8n.mjs';

const require = createRequire(import.meta.url);
let workFolder;
let unpacked;
let files;
let manifest;

before(async () => {
	// Unpacked inside the repository so that n8n-workflow resolves from its node_modules, as it
	// resolves from n8n's own node_modules in a real install.
	workFolder = mkdtempSync(join(REPO_ROOT, '.pack-'));
	const tarball = await packPackage(workFolder);
	files = (await run('tar', ['tzf', tarball])).stdout
		.trim()
		.split('\n')
		.map((entry) => entry.replace(/^package\//, ''));
	await run('tar', ['xzf', tarball, '-C', workFolder]);
	unpacked = join(workFolder, 'package');
	manifest = JSON.parse(readFileSync(join(unpacked, 'package.json'), 'utf8'));
});

after(() => rmSync(workFolder, { recursive: true, force: true }));

test('the tarball holds only dist/, README, LICENSE and package.json', () => {
	const outside = files.filter(
		(file) =>
			!file.startsWith('dist/') && !['README.md', 'LICENSE.md', 'package.json'].includes(file),
	);
	assert.deepEqual(outside, []);
	assert.ok(files.includes('README.md') && files.includes('LICENSE.md'));
	assert.ok(
		!files.some((file) => file.endsWith('.ts')),
		'no TypeScript sources or declarations ship',
	);
	assert.ok(!files.some((file) => file.includes('test/') || file.includes('node_modules/')));
});

test('the package has no runtime dependencies and only n8n-workflow as peer', () => {
	assert.equal(manifest.dependencies, undefined);
	assert.deepEqual(manifest.peerDependencies, { 'n8n-workflow': '*' });
	assert.ok(manifest.keywords.includes('n8n-community-node-package'));
	assert.equal(manifest.license, 'MIT');
	assert.equal(manifest.n8n.n8nNodesApiVersion, 1);
	assert.equal(manifest.n8n.strict, true);
});

test('every node and credential n8n loads is in the tarball, with a class named after its file', () => {
	for (const file of [...manifest.n8n.nodes, ...manifest.n8n.credentials]) {
		assert.ok(files.includes(file), `${file} is packed`);
		const className = basename(file).split('.')[0];
		const loaded = require(join(unpacked, file));
		assert.equal(typeof loaded[className], 'function', `${file} exports ${className}`);
		const instance = new loaded[className]();
		if (file.endsWith('.node.js')) {
			const icon = instance.description.icon;
			for (const path of [icon.light, icon.dark]) {
				assert.ok(files.includes(join(file, '..', path.replace('file:', ''))), `${path} ships`);
			}
			assert.ok(files.includes(file.replace(/\.js$/, '.json')), 'the codex file ships');
		}
	}
});

test("the verification scanner's lint finds no error in the tarball nor in the sources", async () => {
	const { analyzePackage, SOURCE_FILE_PATTERNS } = await import(
		'@n8n/scan-community-package/scanner/scanner.mjs'
	);
	const tarball = await analyzePackage(unpacked);
	assert.equal(tarball.passed, true, tarball.details ?? tarball.message);
	const sources = await analyzePackage(REPO_ROOT, SOURCE_FILE_PATTERNS);
	assert.equal(sources.passed, true, sources.details ?? sources.message);
});

test('the published code requires only n8n-workflow, zod, Node built-ins and its own files', () => {
	const allowed = /^(\.{1,2}\/|n8n-workflow$|zod(\/v3)?$|crypto$|node:)/;
	const required = files
		.filter((file) => file.endsWith('.js'))
		.flatMap((file) =>
			[...readFileSync(join(unpacked, file), 'utf8').matchAll(/require\("([^"]+)"\)/g)].map(
				([, name]) => `${file}: ${name}`,
			),
		);
	assert.ok(required.length > 0, 'the files were read');
	assert.deepEqual(
		required.filter((entry) => !allowed.test(entry.split(': ')[1])),
		[],
		'libphonenumber-js is bundled, not required',
	);
});
