// README against the built code: the tables users read name what the package really has.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';

import { REPO_ROOT } from '../../scripts/lib/n8n.mjs';

const require = createRequire(import.meta.url);
const { MESSAGE_TYPES } = require(
	join(REPO_ROOT, 'dist/nodes/UazapiAdvancedSend/messages/index.js'),
);
const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');

/** The rows of the table in a README section. */
function tableRows(heading) {
	const section = readme.slice(readme.indexOf(`\n${heading}\n`) + 1);
	const end = section.indexOf('\n## ', 1);
	return (end === -1 ? section : section.slice(0, end))
		.split('\n')
		.filter(
			(line) => line.startsWith('| ') && !line.startsWith('| Type') && !line.startsWith('|---'),
		);
}

test("README's message types table names exactly the registered types, as the editor does", () => {
	const listed = tableRows('## Message types')
		.filter((row) => row.includes('(`'))
		.flatMap((row) =>
			row
				.split(' | ')[0]
				.slice(2)
				.split(/, (?=[A-Z])/),
		)
		.map((cell) => {
			const match = /^(.*) \(`(\w+)`\)$/.exec(cell);
			assert.ok(match, `a type is written "Display Name (\`type\`)": ${cell}`);
			return `${match[1]} ${match[2]}`;
		})
		.sort();
	assert.deepEqual(
		listed,
		MESSAGE_TYPES.map(({ displayName, type }) => `${displayName} ${type}`).sort(),
	);
});

test('every picture README and the pt-BR guide show is in the repository', () => {
	const guide = readFileSync(join(REPO_ROOT, 'docs/guia-pt-BR.md'), 'utf8');
	const pictures = [
		...[...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map(([, path]) => path),
		...[...guide.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map(([, path]) => join('docs', path)),
	];
	assert.ok(pictures.length >= 10, `${pictures.length} pictures`);
	for (const path of pictures) assert.ok(existsSync(join(REPO_ROOT, path)), path);
});
