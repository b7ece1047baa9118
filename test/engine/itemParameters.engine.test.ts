import { ExpressionEvaluator, IsolatedVmBridge } from '@n8n/expression-runtime';
import {
	Expression,
	LoggerProxy,
	NodeConnectionTypes,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
	type INodeType,
} from 'n8n-workflow';

import fc from 'fast-check';
import { expressionSandboxHooks } from 'n8n-workflow/dist/cjs/expression-sandboxing';

import { ItemParameters } from '../../nodes/UazapiAdvancedSend/parameters/itemParameters';
import { addNodeType, runWorkflow } from './harness';
import { itemsInto } from './workflows';

/**
 * ItemParameters against n8n's own evaluation, in n8n's real engine (legacy and the sandboxed
 * vm engine of n8n 2.x): for every expression of a corpus and every item, the value (or the
 * error) it gives is the one n8n's getNodeParameter gives, and the common `$json` expressions
 * are evaluated without asking n8n.
 */

const PROBE = 'test.probe';
const PROBE_PROPERTIES: INodeProperties[] = [
	{ displayName: 'Corpus', name: 'corpus', type: 'json', default: '[]' },
	{ displayName: 'Other', name: 'other', type: 'string', default: '' },
];

type Outcome =
	| { value: unknown }
	| { error: { name: string; message: string; description?: unknown } };

function outcome(read: () => unknown): Outcome {
	try {
		return { value: read() };
	} catch (error) {
		const { name, message, description } = error as Error & { description?: unknown };
		return { error: { name, message, description } };
	}
}

/** For each item and corpus entry: n8n's outcome, ItemParameters' outcome, and whether it asked n8n. */
class Probe implements INodeType {
	description = {
		displayName: 'Probe',
		name: 'probe',
		group: ['transform'],
		version: 1,
		description: 'test node',
		defaults: { name: 'Probe' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: PROBE_PROPERTIES,
	} as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		let askedN8n = 0;
		const counting = {
			getInputData: () => this.getInputData(),
			getNode: () => this.getNode(),
			getNodeParameter: (...args: Parameters<IExecuteFunctions['getNodeParameter']>) => {
				if (!args[3]?.rawExpressions) askedN8n++;
				return this.getNodeParameter(...args);
			},
		} as unknown as IExecuteFunctions;
		const parameters = new ItemParameters(counting, PROBE_PROPERTIES);
		const count = (this.getNodeParameter('corpus', 0, [], { rawExpressions: true }) as unknown[])
			.length;
		const results: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < this.getInputData().length; itemIndex++) {
			for (let entry = 0; entry < count; entry++) {
				const name = `corpus[${entry}]`;
				const n8n = outcome(() => this.getNodeParameter(name, itemIndex));
				askedN8n = 0;
				const ours = outcome(() => parameters.get(name, itemIndex));
				results.push({ json: { itemIndex, entry, n8n, ours, askedN8n } as unknown as IDataObject });
			}
		}
		return [results];
	}
}
addNodeType(PROBE, new Probe());

const ITEMS: INodeExecutionData[] = [
	{
		json: {
			name: 'Maria',
			phone: 5511999999999,
			order: 'PED-1',
			'first name': 'Maria José',
			address: { city: 'São Paulo', zip: '01000-000' },
			tags: ['vip', 'sp'],
			list: [{ label: 'A', id: 1 }],
			zero: 0,
			no: false,
			nothing: null,
			empty: '',
			nan: NaN,
			negZero: -0,
			big: 1e21,
			class: 'reserved word',
			binding: 'an unsafe name',
			shadow: { toString: 'own toString' },
			emoji: 'Olá 😀 "quoted" \\ back',
		},
	},
	{ json: { name: 'João', phone: '5511888888888', order: 'PED-2', tags: [] } },
	{ json: { address: null, list: [] } },
];

/** Expressions that must be evaluated without n8n on the first item, where every path exists. */
const LOCAL = [
	'={{ $json.name }}',
	'={{ $json.phone }}',
	'={{$json.name}}',
	'=Olá {{ $json.name }}! Seu pedido {{ $json.order }} foi confirmado.',
	'={{ $json.name }}{{ $json.order }}',
	'= {{ $json.name }}',
	'={{ $json.name }} ',
	'=optin-{{ $json.order }}',
	'={{ $json.missing }}',
	'=x{{ $json.missing }}y',
	'={{ $json.missing.deeper }}',
	'=a{{ $json.missing.deeper.still }}b',
	'={{ $json.address.city }}',
	'={{ $json["first name"] }}',
	"={{ $json['first name'] }}",
	'={{ $json.tags }}',
	'={{ $json.tags[1] }}',
	'={{ $json.tags[5] }}',
	'={{ $json.address }}',
	'={{ $json.list }}',
	'={{ $json.list[0].label }}',
	'={{ $json.zero }}',
	'=z{{ $json.zero }}',
	'={{ $json.no }}',
	'=b{{ $json.no }}',
	'={{ $json.nothing }}',
	'=n{{ $json.nothing }}',
	'={{ $json.empty }}',
	'=e{{ $json.empty }}',
	'={{ $json.nan }}',
	'=n{{ $json.nan }}',
	'={{ $json.negZero }}',
	'=m{{ $json.negZero }}',
	'={{ $json.big }}',
	'=b{{ $json.big }}',
	'={{ $json.class }}',
	'={{ $json.emoji }}',
	'=no braces at all',
	'=5',
	'=true',
	'=He said "hi" and it\'s {{ $json.name }}',
	'=line one\nline two {{ $json.name }}',
	'=emoji 😀 {{ $json.name }} 100% $ { } ${x}',
	'=a}}b{{ $json.name }}',
	'={{ $json.phone }} {{ $json.zero }} {{ $json.no }}',
	{ text: '=Hi {{ $json.name }}', ids: ['=a-{{ $json.order }}', 'plain', 5, null, true] },
	{ nested: { deeper: '={{ $json.address }}', list: [{ id: '=opt-{{ $json.order }}' }] } },
	{ constant: 'no expression', number: 3 },
	'not an expression {{ $json.name }}',
];

/** Expressions n8n evaluates: each gives n8n's own value or error. */
const N8N = [
	'={{ $json.name.toUpperCase() }}',
	'={{ $json.name.length }}',
	'={{ $json.toString }}',
	'={{ $json }}',
	'={{ $json.shadow.toString }}',
	'={{ $json.shadow }}',
	'={{ $json.list[0].hasOwnProperty }}',
	'={{ $json.binding }}',
	'={{ $json.constructor }}',
	'=a.constructor {{ $json.name }}',
	'=T: {{ $json.tags }}',
	'=A: {{ $json.address }}',
	'={{ $json.tags.length }}',
	'={{ $json["tags"]["length"] }}',
	'={{ $itemIndex }}',
	'=item {{ $itemIndex }}',
	'={{ $runIndex }}',
	"={{ $('Items Source').item.json.name }}",
	'={{ $item(0).$node["Items Source"].json.name }}',
	'={{ $parameter.other }}',
	'={{ $now.toISODate() }}',
	{ day: '={{ $today }}' },
	'={{ $json.name ?? "nobody" }}',
	'={{ $json["na" + "me"] }}',
	'={{ $json . name }}',
	'={{ $json..name }}',
	'={{ $json.name ',
	'={{ }}',
	'=',
	'=\\{{ $json.name }}',
	'={{ $json.name }}\\',
	'={{ $json.$ }}',
	'={{ $json?.name }}',
	"={{ $('Nope').item.json.name }}",
	"={{ JSON.parse('{') }}",
	'={{ $json.tags[-1] }}',
	'={{ $json.tags[01] }}',
	{ text: '=Hi {{ $json.name }}', index: '={{ $itemIndex }}' },
];

const CORPUS = [...LOCAL, ...N8N];

/**
 * An outcome as text that keeps what JSON drops (undefined, NaN, -0, Infinity). Values the vm engine
 * copies out of its isolate are objects of Node's own realm, not of jest's, so jest's strict
 * equality would tell them apart though n8n sees no difference.
 */
function canonical(outcome: Outcome): string {
	return JSON.stringify(outcome, (_key, value: unknown) =>
		value === undefined
			? '<undefined>'
			: typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0))
				? `<number ${Object.is(value, -0) ? '-0' : String(value)}>`
				: value,
	);
}

async function probe(corpus: unknown[], items: INodeExecutionData[]) {
	const workflow = itemsInto(
		{ name: 'Probe', type: PROBE },
		{ corpus, other: '=other {{ $json.name }}' },
		items,
	);
	workflow.nodes[1].credentials = undefined;
	const { output, error } = await runWorkflow(workflow, {});
	expect(error).toBeUndefined();
	return output('Probe').map(
		({ json }) =>
			json as unknown as {
				itemIndex: number;
				entry: number;
				n8n: Outcome;
				ours: Outcome;
				askedN8n: number;
			},
	);
}

/** Every outcome of ItemParameters is n8n's; returns the probe's results. */
async function expectSameOutcomes(corpus: unknown[], items: INodeExecutionData[]) {
	const results = await probe(corpus, items);
	expect(results).toHaveLength(items.length * corpus.length);
	for (const { itemIndex, entry, n8n, ours } of results) {
		// The corpus entry and item in the message, so a failure says which one differs.
		expect({ itemIndex, expression: corpus[entry], outcome: canonical(ours) }).toEqual({
			itemIndex,
			expression: corpus[entry],
			outcome: canonical(n8n),
		});
	}
	return results;
}

const KEYS = [
	'name',
	'order',
	'tags',
	'a b',
	'class',
	'nested',
	'missing',
	'toString',
	'binding',
	'0',
	'',
];
const key = fc.constantFrom(...KEYS);
const step = fc.oneof(
	key.map((name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? `.${name}` : `["${name}"]`)),
	key.map((name) => `['${name}']`),
	fc.integer({ min: 0, max: 3 }).map((index) => `[${index}]`),
);
const code = fc.oneof(
	{
		weight: 5,
		arbitrary: fc.array(step, { maxLength: 3 }).map((steps) => ` $json${steps.join('')} `),
	},
	{
		weight: 1,
		arbitrary: fc.constantFrom(
			' $itemIndex ',
			' $json.name.length ',
			'$json.tags.length',
			' $json.missing?.x ',
		),
	},
);
const text = fc
	.array(fc.constantFrom('a', ' ', '!', '"', "'", '}', '{', '$', '😀', '\n', '%', '.', 'ç'), {
		maxLength: 6,
	})
	.map((chars) => chars.join(''));
const expression = fc.oneof(
	code.map((inside) => `={{${inside}}}`),
	fc
		.array(
			fc.oneof(
				text,
				code.map((inside) => `{{${inside}}}`),
			),
			{ minLength: 1, maxLength: 4 },
		)
		.map((parts) => `=${parts.join('')}`),
);
const leaf = fc.oneof(
	fc.string({ maxLength: 5 }),
	fc.integer(),
	fc.double(),
	fc.boolean(),
	fc.constant(null),
	fc.constant(''),
	fc.constant(0),
);
const value = fc.letrec((tie) => ({
	value: fc.oneof(
		{ depthSize: 'small' },
		leaf,
		fc.array(tie('value'), { maxLength: 3 }),
		fc.dictionary(key, tie('value'), { maxKeys: 3 }),
	),
})).value;
const item = fc
	.dictionary(key, value, { maxKeys: 6 })
	.map((json) => ({ json: json as IDataObject }));

/** Generated expressions and items: the same for every run, so a failure can be replayed. */
const GENERATED = {
	corpus: fc.sample(expression, { numRuns: 300, seed: 14 }),
	items: fc.sample(item, { numRuns: 4, seed: 14 }),
};

async function expectN8nOutcomes() {
	await expectSameOutcomes(GENERATED.corpus, GENERATED.items);
	const results = await expectSameOutcomes(CORPUS, ITEMS);
	const askedN8n = (entry: number) =>
		results.find((result) => result.itemIndex === 0 && result.entry === entry)!.askedN8n;
	for (let entry = 0; entry < LOCAL.length; entry++) {
		expect({ expression: CORPUS[entry], askedN8n: askedN8n(entry) }).toEqual({
			expression: CORPUS[entry],
			askedN8n: 0,
		});
	}
	for (let entry = LOCAL.length; entry < CORPUS.length; entry++) {
		expect({ expression: CORPUS[entry], askedN8n: askedN8n(entry) }).toEqual({
			expression: CORPUS[entry],
			askedN8n: 1,
		});
	}
	return results;
}

/** What Expression.initExpressionEngine({ engine: 'vm' }) does, without its dynamic import (jest cannot run one). */
async function startVmEngine() {
	const evaluator = new ExpressionEvaluator({
		createBridge: () =>
			new IsolatedVmBridge({ timeout: 5000, memoryLimit: 128, logger: LoggerProxy }),
		maxCodeCacheSize: 1024,
		poolSize: 1,
		hooks: expressionSandboxHooks,
		logger: LoggerProxy,
	});
	await evaluator.initialize();
	Object.assign(Expression, { vmEvaluator: evaluator });
	Expression.setExpressionEngine('vm');
}

describe('ItemParameters gives what n8n gives', () => {
	test('in the legacy expression engine', async () => {
		expect(Expression.getActiveImplementation()).toBe('legacy');
		await expectN8nOutcomes();
	});

	test("in n8n 2.x's default vm expression engine", async () => {
		await startVmEngine();
		try {
			expect(Expression.getActiveImplementation()).toBe('vm');
			await expectN8nOutcomes();
		} finally {
			await Expression.disposeExpressionEngine();
			Expression.setExpressionEngine('legacy');
		}
	});
});
