/**
 * Build pipeline: clean dist/, compile TypeScript, bundle the phone-number library into the one
 * file that imports it, then copy the icons and codex files tsc does not emit. `npm run build`
 * runs the default task.
 */
const { src, dest, series } = require('gulp');
const { rm } = require('node:fs/promises');
const { spawn } = require('node:child_process');

function clean() {
	return rm('dist', { recursive: true, force: true });
}

function compile() {
	return new Promise((resolve, reject) => {
		const tsc = spawn(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json'], {
			stdio: 'inherit',
		});
		tsc.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`tsc exited with ${code}`))));
	});
}

/**
 * tsc leaves `require("libphonenumber-js/max")` in phoneLibrary.js; n8n installs no dependency of a
 * community package, so that file is replaced by one holding the library itself.
 */
async function bundlePhoneLibrary() {
	const entry = 'nodes/UazapiAdvancedSend/messages/phoneLibrary.ts';
	const outfile = `dist/${entry.replace(/\.ts$/, '.js')}`;
	// tsc's source map describes the file being replaced.
	await rm(`${outfile}.map`, { force: true });
	await require('esbuild').build({
		entryPoints: [entry],
		outfile,
		bundle: true,
		platform: 'node',
		format: 'cjs',
		target: 'node20',
		minify: true,
		legalComments: 'inline',
		logLevel: 'warning',
	});
}

function copyAssets() {
	return src(['icons/**/*.{svg,png}', 'nodes/**/*.{svg,png}', 'nodes/**/*.node.json', 'credentials/**/*.{svg,png}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports.build = series(clean, compile, bundlePhoneLibrary, copyAssets);
exports.default = exports.build;
