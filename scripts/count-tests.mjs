// Adds up the results jest ("Tests: N failed, N passed, N total") and node's test runner
// ("ℹ pass N", "ℹ fail N") printed in a log, and prints one "N passed, N failed" line.
import { readFileSync } from 'node:fs';

const log = readFileSync(process.argv[2], 'utf8').replace(/\x1b\[[0-9;]*m/g, '');
let passed = 0;
let failed = 0;
for (const line of log.split('\n')) {
	if (/^Tests:/.test(line)) {
		passed += Number(/(\d+) passed/.exec(line)?.[1] ?? 0);
		failed += Number(/(\d+) failed/.exec(line)?.[1] ?? 0);
	}
	passed += Number(/^ℹ pass (\d+)/.exec(line)?.[1] ?? 0);
	failed += Number(/^ℹ fail (\d+)/.exec(line)?.[1] ?? 0);
}
console.log(`${passed} passed, ${failed} failed`);
