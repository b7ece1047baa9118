// npm's prepack and postpack hooks (`npm pack`, `npm publish`): the published package.json leaves
// out devEngines. devEngines makes npm stop at once on a contributor's Node older than 24, but
// n8n's community-package installer runs `npm install` inside the unpacked package, where npm would
// apply it too and refuse the Node 20 or 22 that n8n 1.x and many 2.x releases run on.
//   node scripts/pack-manifest.mjs strip     before packing: package.json without devEngines
//   node scripts/pack-manifest.mjs restore   after packing: package.json as committed
import { copyFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = join(root, 'package.json');
// Outside `files`, so never packed; ignored by git.
const backup = join(root, '.package.json.dev');

const step = process.argv[2];
if (step === 'strip') {
	// A pack that failed before postpack left package.json stripped: start from the committed one.
	if (existsSync(backup)) renameSync(backup, manifest);
	copyFileSync(manifest, backup);
	const { devEngines, ...published } = JSON.parse(readFileSync(manifest, 'utf8'));
	writeFileSync(manifest, `${JSON.stringify(published, null, 2)}\n`);
} else if (step === 'restore') {
	if (existsSync(backup)) renameSync(backup, manifest);
} else {
	console.error('usage: node scripts/pack-manifest.mjs strip|restore');
	process.exit(2);
}
