// Benchmark: build, validate and serialise large uazapi campaigns through the node's own code path.
//
//   npm run bench                                   builds dist/, then runs this file
//   node bench/campaign.bench.mjs --dist=<dir>      measures another build (e.g. an older commit's)
//   node --expose-gc --cpu-prof bench/campaign.bench.mjs timing 30000     one size, for profiling
//   node bench/campaign.bench.mjs --smoke           one small campaign, checked, no figures (npm test)
//
// What is measured, per campaign size, each size in fresh child processes:
//   ours   = UazapiAdvancedSend.execute() with a small fake IExecuteFunctions: N input items in Fields
//            mode, Dry Run on, so every message is read from its parameters, built, checked against
//            its zod schema and collected into one /sender/advanced body; then JSON.stringify(body),
//            as the request would serialise it.
//   floor  = JSON.stringify of the very same body, built beforehand as plain objects: the least any
//            implementation must spend to put these messages on the wire (a demanding yardstick:
//            it does no reading, building or validation at all).
//   memory = increase over a baseline taken after a full GC just before execute() (input items and
//            their parameter values already exist), sampled at every 64th parameter read (few:
//            the node reads each parameter once per run), after the build and after serialising;
//            RSS and V8 heap used separately. "retained" is the same
//            increase after a full GC while the body and its JSON are still referenced.
//
// The fake context behaves as n8n does: the parameters are saved once, their texts map the
// contact's values with {{ $json… }}, and per-item values come only from those expressions, which
// the node evaluates itself (README "Performance"); n8n's own expression engine is measured by
// `npm run bench:n8n` in a real n8n.
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const SELF = fileURLToPath(import.meta.url);
const distArgument = process.argv.find((argument) => argument.startsWith('--dist='));
const DIST = distArgument
	? path.resolve(distArgument.slice('--dist='.length))
	: path.join(path.dirname(SELF), '..', 'dist');
const NODE_PATH = path.join(DIST, 'nodes/UazapiAdvancedSend/UazapiAdvancedSend.node.js');

/** Messages per campaign: 3 per recipient (333, 3,333 and 10,000 recipients). */
const SIZES = [999, 9_999, 30_000];
const TEMPLATES_PER_RECIPIENT = 3;
/** Warm-up and timed runs scale with size so that small campaigns are measured warm too. */
const WARMUP_MESSAGES = 200_000;
const MIN_WARMUP_RUNS = 5;
const TIMED_MESSAGES = 600_000;
const MIN_TIMED_RUNS = 11;

// --- The campaign: N recipients × [text, buttons with 3 buttons, document from a URL] ----------

function phoneOf(index) {
	return `55119${String(10_000_000 + index).padStart(8, '0')}`;
}

/** One input item: the contact, as a CRM hands it over. */
function contactOf(index) {
	return { phone: phoneOf(index), name: `Contact ${index}`, order: 100_000 + index, index };
}

/**
 * The Messages list as the editor saves it: the same for every item, its texts mapping the
 * contact's values with {{ $json… }}, which n8n (or the node itself) evaluates per item.
 */
const ENTRIES = [
	{
		type: 'text',
		text: '=Hi {{ $json.name }}, your order #{{ $json.order }} has shipped! Track it at https://shop.example.com/t/{{ $json.index }}',
	},
	{
		type: 'button',
		buttonsText: '={{ $json.name }}, Black Friday is here: 30% off everything until Sunday.',
		buttonMessageOptions: { footerText: 'Reply STOP to opt out' },
		buttons: {
			button: [
				{ kind: 'reply', label: 'Talk to sales', id: '=sales-{{ $json.index }}' },
				{
					kind: 'url',
					label: 'See offers',
					url: '=https://shop.example.com/bf?c={{ $json.index }}',
				},
				{ kind: 'copy', label: 'Copy coupon', code: '=BF30-{{ $json.index }}' },
			],
		},
	},
	{
		type: 'document',
		mediaSource: 'url',
		mediaUrl: '=https://files.example.com/invoices/{{ $json.index }}.pdf',
		caption: '=Invoice for {{ $json.name }}',
		docName: '=Invoice-{{ $json.order }}.pdf',
	},
];

/** Recipients for a campaign of about `size` messages: every recipient gets all three. */
function recipientsOf(size) {
	return Math.ceil(size / TEMPLATES_PER_RECIPIENT);
}

/** The same body as plain objects, written out by hand: the input of the floor measurement. */
function floorBody(size) {
	const messages = [];
	for (let index = 0; index < recipientsOf(size); index++) {
		const { phone: number, name, order } = contactOf(index);
		messages.push(
			{
				number,
				type: 'text',
				text: `Hi ${name}, your order #${order} has shipped! Track it at https://shop.example.com/t/${index}`,
			},
			{
				number,
				type: 'button',
				text: `${name}, Black Friday is here: 30% off everything until Sunday.`,
				footerText: 'Reply STOP to opt out',
				choices: [
					`Talk to sales|sales-${index}`,
					`See offers|https://shop.example.com/bf?c=${index}`,
					`Copy coupon|copy:BF30-${index}`,
				],
			},
			{
				number,
				type: 'document',
				file: `https://files.example.com/invoices/${index}.pdf`,
				text: `Invoice for ${name}`,
				docName: `Invoice-${order}.pdf`,
			},
		);
	}
	return { delayMin: 10, delayMax: 30, info: 'Black Friday benchmark', messages };
}

/** A saved parameter at a path such as "messages.message[0].text". */
function at(parameters, name) {
	return name
		.split(/\.|\[(\d+)\]/)
		.filter((step) => step !== undefined && step !== '')
		.reduce((value, step) => (value === undefined ? undefined : value[step]), parameters);
}

/** What n8n gives for a saved value and an item: `{{ $json.x }}` in text replaced by the item's x. */
function evaluate(value, json) {
	if (typeof value === 'string' && value.startsWith('=')) {
		return value.slice(1).replace(/\{\{ \$json\.(\w+) \}\}/g, (_, key) => String(json[key] ?? ''));
	}
	if (Array.isArray(value)) return value.map((entry) => evaluate(entry, json));
	if (typeof value === 'object' && value !== null) {
		return Object.fromEntries(
			Object.entries(value).map(([key, entry]) => [key, evaluate(entry, json)]),
		);
	}
	return value;
}

/**
 * A small IExecuteFunctions that behaves as n8n does: the node's parameters are saved once, with
 * expressions, and their per-item values come only from those expressions. Fields mode, one
 * campaign for all items, Dry Run.
 */
function fakeContext(size, onParameterRead) {
	const items = Array.from({ length: recipientsOf(size) }, (_, index) => ({
		json: contactOf(index),
	}));
	const node = {
		id: 'bench',
		name: 'uazapi Advanced Send',
		type: 'n8n-nodes-uazapi-sender.uazapiAdvancedSend',
		// Version 1's Dry Run outputs the body alone: what is measured is building it, not version
		// 1.1's per-recipient preview of it.
		typeVersion: 1,
		position: [0, 0],
		parameters: {
			defineMessages: 'fields',
			number: '={{ $json.phone }}',
			messages: { message: ENTRIES },
			campaignMode: 'all',
			delayMin: 10,
			delayMax: 30,
			info: 'Black Friday benchmark',
			schedule: 'now',
			options: { dryRun: true },
		},
	};
	return {
		getInputData: () => items,
		getNode: () => node,
		getTimezone: () => 'America/Sao_Paulo',
		continueOnFail: () => false,
		getCredentials: async () => ({ serverUrl: 'https://bench.uazapi.com', token: 'bench-token' }),
		getNodeParameter(name, itemIndex, fallback, options) {
			if (onParameterRead) onParameterRead();
			const saved = at(node.parameters, name);
			if (saved === undefined) return fallback;
			return options?.rawExpressions ? saved : evaluate(saved, items[itemIndex].json);
		},
		helpers: {
			httpRequestWithAuthentication: async () => {
				throw new Error('the benchmark runs in Dry Run: nothing may be sent');
			},
			getBinaryDataBuffer: async () => {
				throw new Error('no binary data in this benchmark');
			},
		},
	};
}

// --- Child processes ------------------------------------------------------------------------

function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = sorted.length >> 1;
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function loadNode() {
	const { UazapiAdvancedSend } = require(NODE_PATH);
	return new UazapiAdvancedSend();
}

async function ours(node, context) {
	const [[output]] = await node.execute.call(context);
	return JSON.stringify(output.json.body);
}

/**
 * Warm-up, then timed runs of ours and the floor, interleaved so that drift hits both alike. No
 * forced GC between runs: a forced full GC also shrinks V8's young generation, which then makes
 * the next large JSON.stringify several times slower than it is in a running process.
 */
async function timingChild(size) {
	const node = loadNode();
	const context = fakeContext(size);
	const plain = floorBody(size);
	if ((await ours(node, context)) !== JSON.stringify(plain)) {
		throw new Error(
			`size ${size}: the node's body differs from the floor body; the comparison would be unfair`,
		);
	}
	const warmups = Math.max(MIN_WARMUP_RUNS, Math.ceil(WARMUP_MESSAGES / size));
	for (let run = 0; run < warmups; run++) {
		await ours(node, context);
		JSON.stringify(plain);
	}
	const runs = Math.max(MIN_TIMED_RUNS, Math.ceil(TIMED_MESSAGES / size));
	const oursMs = [];
	const buildMs = [];
	const stringifyMs = [];
	const floorMs = [];
	let bytes = 0;
	for (let run = 0; run < runs; run++) {
		let start = performance.now();
		const [[output]] = await node.execute.call(context);
		const built = performance.now();
		const json = JSON.stringify(output.json.body);
		const end = performance.now();
		oursMs.push(end - start);
		buildMs.push(built - start);
		stringifyMs.push(end - built);
		bytes = Buffer.byteLength(json);
		start = performance.now();
		JSON.stringify(plain);
		floorMs.push(performance.now() - start);
	}
	return {
		size,
		runs,
		warmups,
		bodyBytes: bytes,
		oursMs: median(oursMs),
		oursMinMs: Math.min(...oursMs),
		oursMaxMs: Math.max(...oursMs),
		buildMs: median(buildMs),
		stringifyMs: median(stringifyMs),
		floorMs: median(floorMs),
	};
}

/** One build in a fresh process after a small warm-up, memory sampled during the run. */
async function memoryChild(size) {
	const node = loadNode();
	// Warm up on a small campaign so the baseline already holds the compiled code.
	const small = fakeContext(300);
	for (let run = 0; run < 20; run++) await ours(node, small);

	let reads = 0;
	let peakRss = 0;
	let peakHeap = 0;
	const sample = () => {
		const { rss, heapUsed } = process.memoryUsage();
		if (rss > peakRss) peakRss = rss;
		if (heapUsed > peakHeap) peakHeap = heapUsed;
	};
	const context = fakeContext(size, () => {
		if ((++reads & 63) === 0) sample();
	});
	globalThis.gc();
	globalThis.gc();
	const baseline = process.memoryUsage();
	peakRss = baseline.rss;
	peakHeap = baseline.heapUsed;
	const [[output]] = await node.execute.call(context);
	sample();
	const built = process.memoryUsage().heapUsed;
	const json = JSON.stringify(output.json.body);
	sample();
	globalThis.gc();
	const retained = process.memoryUsage();
	const bodyBytes = Buffer.byteLength(json);
	// Keep the body and its JSON referenced until after the last measurement.
	if (output.json.body.messages.length !== size || json.length !== bodyBytes) {
		throw new Error('unexpected body');
	}
	return {
		size,
		bodyBytes,
		peakRss: peakRss - baseline.rss,
		peakHeap: peakHeap - baseline.heapUsed,
		afterBuildHeap: built - baseline.heapUsed,
		retainedHeap: retained.heapUsed - baseline.heapUsed,
	};
}

/** The floor's own memory: JSON.stringify of the pre-built body, which is in the baseline. */
async function floorMemoryChild(size) {
	const plain = floorBody(size);
	JSON.stringify(floorBody(300));
	globalThis.gc();
	globalThis.gc();
	const baseline = process.memoryUsage();
	const json = JSON.stringify(plain);
	const after = process.memoryUsage();
	if (json.length === 0) throw new Error('empty JSON');
	return {
		size,
		peakRss: after.rss - baseline.rss,
		peakHeap: after.heapUsed - baseline.heapUsed,
	};
}

function runChild(kind, size) {
	return new Promise((resolve, reject) => {
		const child = fork(SELF, [kind, String(size), ...(distArgument ? [distArgument] : [])], {
			execArgv: ['--expose-gc'],
		});
		child.once('message', resolve);
		child.once('error', reject);
		child.once('exit', (code) => {
			if (code !== 0) reject(new Error(`${kind} child for ${size} messages exited with ${code}`));
		});
	});
}

// --- Report ---------------------------------------------------------------------------------

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const int = (value) => Math.round(value).toLocaleString('en-US');
const load = () =>
	os
		.loadavg()
		.map((value) => value.toFixed(2))
		.join(' ');

function table(header, rows) {
	const widths = header.map((title, column) =>
		Math.max(title.length, ...rows.map((row) => String(row[column]).length)),
	);
	const line = (cells) =>
		cells.map((cell, column) => String(cell).padStart(widths[column])).join('  ');
	console.log(line(header));
	console.log(widths.map((width) => '-'.repeat(width)).join('  '));
	for (const row of rows) console.log(line(row));
}

async function parent() {
	const cpus = os.cpus();
	console.log('uazapi Advanced Send: build + validate + serialise benchmark');
	console.log(`date:     ${new Date().toISOString()}`);
	console.log(
		`machine:  ${cpus[0]?.model ?? 'unknown cpu'}, ${cpus.length} cores, ${mb(os.totalmem())} RAM, ${os.platform()} ${os.release()}`,
	);
	console.log(`node:     ${process.version} (V8 ${process.versions.v8})`);
	console.log(`code:     ${path.relative(process.cwd(), NODE_PATH) || NODE_PATH}`);
	console.log(
		`load:     ${load()} (1/5/15-min load average at start; other work on the machine adds noise)`,
	);
	console.log(
		`method:   fresh child process per size and measurement; warm-up ≥ ${int(WARMUP_MESSAGES)} messages, median of ≥ ${MIN_TIMED_RUNS} timed runs (≥ ${int(TIMED_MESSAGES)} messages)`,
	);
	console.log(
		"campaign: N recipients × [text, buttons (reply, url, copy), document from URL], Fields mode, Dry Run; texts carry each contact's name",
	);
	console.log('');

	const timings = [];
	const memories = [];
	const floorMemories = [];
	for (const size of SIZES) {
		timings.push(await runChild('timing', size));
		memories.push(await runChild('memory', size));
		floorMemories.push(await runChild('floor-memory', size));
	}

	console.log(
		'Time: ours = execute() + JSON.stringify(body); floor = JSON.stringify of the same body pre-built as plain objects',
	);
	table(
		[
			'messages',
			'runs',
			'body bytes',
			'ours ms',
			'min-max ms',
			'build ms',
			'stringify ms',
			'msg/s',
			'µs/msg',
			'floor ms',
			'ours/floor',
		],
		timings.map((t) => [
			int(t.size),
			t.runs,
			int(t.bodyBytes),
			t.oursMs.toFixed(1),
			`${t.oursMinMs.toFixed(1)}-${t.oursMaxMs.toFixed(1)}`,
			t.buildMs.toFixed(1),
			t.stringifyMs.toFixed(1),
			int((t.size / t.oursMs) * 1000),
			((t.oursMs * 1000) / t.size).toFixed(2),
			t.floorMs.toFixed(1),
			(t.oursMs / t.floorMs).toFixed(2),
		]),
	);
	console.log('');
	console.log(
		'Memory: peak = highest increase over the baseline (full GC just before execute()), sampled during the build and after JSON.stringify;',
	);
	console.log(
		'        retained = increase after a full GC with the body and its JSON still referenced; the rest of the peak is garbage V8 had not collected yet;',
	);
	console.log(
		'        floor heap = heap increase of JSON.stringify alone on the pre-built body (the body itself is in that baseline)',
	);
	table(
		[
			'messages',
			'body bytes',
			'peak RSS',
			'peak heap',
			'heap after build',
			'retained heap',
			'peak RSS/body',
			'peak heap/body',
			'retained/body',
			'floor heap/body',
		],
		memories.map((m, index) => [
			int(m.size),
			int(m.bodyBytes),
			mb(m.peakRss),
			mb(m.peakHeap),
			mb(m.afterBuildHeap),
			mb(m.retainedHeap),
			(m.peakRss / m.bodyBytes).toFixed(2),
			(m.peakHeap / m.bodyBytes).toFixed(2),
			(m.retainedHeap / m.bodyBytes).toFixed(2),
			(floorMemories[index].peakHeap / m.bodyBytes).toFixed(2),
		]),
	);
	console.log('');

	const perMessage = timings.map((t) => (t.oursMs * 1000) / t.size);
	const growth = perMessage[perMessage.length - 1] / perMessage[0];
	const linear = growth >= 0.5 && growth <= 1.5;
	console.log(
		`Growth: time per message ${perMessage.map((value) => `${value.toFixed(2)} µs`).join(' → ')} for ${SIZES.map(int).join(' → ')} messages; ` +
			`30,000 vs 1,000 = ${growth.toFixed(2)}× (${linear ? 'roughly constant: time grows linearly' : 'NOT constant'})`,
	);
	console.log('');

	console.log(`load at end: ${load()}`);
}

/** Builds one small campaign and checks it against the floor body: the benchmark still measures what it says. */
async function smoke() {
	const size = 30;
	const [[output]] = await loadNode().execute.call(fakeContext(size));
	if (JSON.stringify(output.json.body) !== JSON.stringify(floorBody(size))) {
		throw new Error("smoke: the node's body differs from the floor body");
	}
	console.log(`campaign benchmark smoke: ${size} messages built as the floor body`);
}

const [kind, size] = process.argv.slice(2);
const CHILDREN = { timing: timingChild, memory: memoryChild, 'floor-memory': floorMemoryChild };
if (Object.hasOwn(CHILDREN, kind ?? '')) {
	if (kind !== 'timing' && typeof globalThis.gc !== 'function') {
		throw new Error('run with --expose-gc');
	}
	const result = await CHILDREN[kind](Number(size));
	// Run by hand (no parent process) it prints the result.
	if (process.send) {
		process.send(result);
		process.disconnect();
	} else {
		console.log(result);
	}
} else if (kind === '--smoke') {
	await smoke();
} else {
	await parent();
}
