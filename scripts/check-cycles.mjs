// Fails when the package's own TypeScript files import each other in a circle, type-only imports
// included: a circle means two modules can only be understood, and changed, together.
// Run by `npm test`; prints each circle as a chain of files.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FOLDERS = ['nodes', 'credentials'];
const IMPORT = /^\s*(?:import|export)\s[^;]*?\sfrom\s+'(\.[^']+)'/gm;

function sources(folder) {
	return readdirSync(folder).flatMap((name) => {
		const path = join(folder, name);
		if (statSync(path).isDirectory()) return sources(path);
		return path.endsWith('.ts') ? [path] : [];
	});
}

function resolveImport(from, specifier) {
	const base = resolve(dirname(from), specifier);
	for (const candidate of [`${base}.ts`, join(base, 'index.ts')]) {
		try {
			if (statSync(candidate).isFile()) return candidate;
		} catch {
			// not this one
		}
	}
	return undefined;
}

const files = FOLDERS.flatMap((folder) => sources(join(ROOT, folder)));
const imports = new Map(
	files.map((file) => [
		file,
		[...readFileSync(file, 'utf8').matchAll(IMPORT)]
			.map(([, specifier]) => resolveImport(file, specifier))
			.filter(Boolean),
	]),
);

// Depth-first search; a file met again while it is on the path closes a circle.
const circles = [];
const done = new Set();
function visit(file, path) {
	const at = path.indexOf(file);
	if (at !== -1) {
		circles.push([...path.slice(at), file]);
		return;
	}
	if (done.has(file)) return;
	for (const next of imports.get(file) ?? []) visit(next, [...path, file]);
	done.add(file);
}
for (const file of files) visit(file, []);

const shown = [...new Set(circles.map((circle) => circle.map((f) => relative(ROOT, f)).join(' → ')))];
if (shown.length > 0) {
	console.error(`${shown.length} import circle(s):\n${shown.map((c) => `  ${c}`).join('\n')}`);
	process.exit(1);
}
console.log(`no import circle among ${files.length} files`);
