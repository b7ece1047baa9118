/**
 * Build pipeline: clean dist/, compile TypeScript, then copy the icons and codex files tsc
 * does not emit. `npm run build` runs the default task.
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

function copyAssets() {
	return src(['icons/**/*.{svg,png}', 'nodes/**/*.{svg,png}', 'nodes/**/*.node.json', 'credentials/**/*.{svg,png}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports.build = series(clean, compile, copyAssets);
exports.default = exports.build;
