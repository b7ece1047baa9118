import fc from 'fast-check';
import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type INodeExecutionData,
	type JsonObject,
} from 'n8n-workflow';

import { SENDER_MESSAGE_TYPES, type SenderMessageType } from '../../nodes/shared/contract';
import {
	buildMessage,
	checkJsonMessage,
	definitionOf,
	FieldProblem,
	normaliseRecipient,
} from '../../nodes/UazapiAdvancedSend/messages';
import { UazapiAdvancedSend } from '../../nodes/UazapiAdvancedSend/UazapiAdvancedSend.node';
import {
	fakeContext,
	TEST_CREDENTIALS,
	TEST_NODE,
	type ParameterValue,
} from '../helpers/fakeContext';
import { savedEntry, savedOptions } from '../helpers/savedEntry';
import { casesOf } from '../cases';
import {
	campaignKit,
	garbage,
	phone,
	picker,
	recipient,
	words,
	type ValuePicker,
} from '../cases/kit';

/**
 * Property tests: generated campaigns, valid and broken, in JSON mode and Fields mode, across all
 * 15 message types. Every run must end in one of two ways: a body that survives JSON (what is
 * sent is what was checked), or an error that names the item or the campaign settings and the
 * field in quotes. Never a TypeError or an error nobody can act on, and never the token.
 */

const node = new UazapiAdvancedSend();
const TOKEN = TEST_CREDENTIALS.token;
/** One problem, or several in one error that leads with the first. */
const NAMED_ERROR =
	/^(\d+ problems in the input, nothing was sent\. )?(Item \d+|Campaign settings)\b.*"[^"]+"/s;

// --- Values -------------------------------------------------------------------------------

// The values messages are made of are in test/cases/kit.ts; each type's shapes in its cases file.

// --- uazapi JSON messages -------------------------------------------------------------------

function jsonMessageOfType(
	type: SenderMessageType,
	pick: ValuePicker,
	clean: boolean,
): fc.Arbitrary<IDataObject> {
	const base = { number: pick(recipient), type: fc.constant(type) };
	const { shape, required } = casesOf(type).json(type, campaignKit(pick, clean));
	const message = fc.record(
		{ ...base, ...shape },
		{ requiredKeys: ['number', 'type', ...required] as never[] },
	) as fc.Arbitrary<IDataObject>;
	if (clean) return message;
	// Dirty campaigns also drop a field or add one uazapi does not know.
	return fc
		.tuple(
			message,
			fc.constantFrom<string | null>(null, null, null, 'extra', '__proto__', 'Number', 'choices'),
			fc.constantFrom<string | null>(null, null, null, 'number', 'type', 'text', 'file', 'choices'),
		)
		.map(([value, add, drop]) => {
			const copy: IDataObject = { ...value };
			if (add !== null)
				Object.defineProperty(copy, add, {
					value: 'x',
					enumerable: true,
					writable: true,
					configurable: true,
				});
			if (drop !== null) delete copy[drop];
			return copy;
		});
}

const jsonMessage = (pick: ValuePicker, clean: boolean): fc.Arbitrary<unknown> => {
	const typed = fc.oneof(
		...SENDER_MESSAGE_TYPES.map((type) => jsonMessageOfType(type, pick, clean)),
	);
	if (clean) return typed;
	return fc.oneof(
		{ arbitrary: typed, weight: 12 },
		{
			arbitrary: fc.record({
				number: recipient,
				type: fc.oneof(garbage, fc.constantFrom('sms', 'Text')),
			}),
			weight: 1,
		},
		{ arbitrary: garbage, weight: 1 },
	);
};

// --- Checks -------------------------------------------------------------------------------

/** Deep equality as JSON sees it: numbers by value (so -0 equals 0), no undefined, no NaN. */
function sameJson(a: unknown, b: unknown): boolean {
	if (typeof a === 'number' || typeof b === 'number') return a === b;
	if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	const left = a as Record<string, unknown>;
	const right = b as Record<string, unknown>;
	const keys = Object.keys(left);
	if (keys.length !== Object.keys(right).length) return false;
	return keys.every(
		(key) => Object.prototype.hasOwnProperty.call(right, key) && sameJson(left[key], right[key]),
	);
}

/** The body goes over the wire as JSON: it must come back as the very messages that were checked. */
function expectSurvivesJson(body: IDataObject): IDataObject {
	const wire = JSON.stringify(body);
	const parsed = JSON.parse(wire) as IDataObject;
	expect(sameJson(parsed, body)).toBe(true);
	expect(wire).not.toContain(TOKEN);
	return parsed;
}

/** The number the node must send for what was given (README: "+", spaces, dashes... removed). */
function expectedNumber(value: unknown): string {
	const text = typeof value === 'number' ? String(value) : String(value).trim();
	return text.includes('@') ? text : text.replace(/^\+/, '').replace(/[\s().-]/g, '');
}

function expectNamedError(error: unknown, items: number[]): void {
	if (!(error instanceof NodeOperationError)) {
		throw new Error(
			`expected a NodeOperationError, got ${String(error)} (${(error as Error)?.stack ?? ''})`,
		);
	}
	expect(error.message).toMatch(NAMED_ERROR);
	const item = /^(?:\d+ problems in the input, nothing was sent\. )?Item (\d+)/.exec(error.message);
	if (item) expect(items).toContain(Number(item[1]));
	expect(error.message).not.toContain(TOKEN);
	expect(String(error.description ?? '')).not.toContain(TOKEN);
}

function expectNamedErrorItem(json: IDataObject, items: number[]): void {
	expect(typeof json.error).toBe('string');
	expect(json.error).toMatch(NAMED_ERROR);
	const item = /^(?:\d+ problems in the input, nothing was sent\. )?Item (\d+)/.exec(
		json.error as string,
	);
	if (item) expect(items).toContain(Number(item[1]));
}

interface Outcome {
	output?: INodeExecutionData[];
	error?: unknown;
}

async function run(
	parameters: Record<string, ParameterValue>,
	items: INodeExecutionData[],
	continueOnFail: boolean,
): Promise<Outcome> {
	const request = jest.fn().mockRejectedValue(new Error('a dry run must not send'));
	const { context } = fakeContext({ parameters, items, continueOnFail, request });
	let outcome: Outcome;
	try {
		const [output] = await node.execute.call(context);
		outcome = { output };
	} catch (error) {
		outcome = { error };
	}
	expect(request).not.toHaveBeenCalled();
	if (outcome.output) expect(JSON.stringify(outcome.output)).not.toContain(TOKEN);
	return outcome;
}

/** Which input items make up each campaign, in output order. */
function campaigns(count: number, perItem: boolean): number[][] {
	const all = Array.from({ length: count }, (_, index) => index);
	return perItem ? all.map((index) => [index]) : [all];
}

/** Checks a run against the campaigns it should have produced; `expected` gives a campaign's messages. */
function expectOutcome(
	outcome: Outcome,
	groups: number[][],
	expected: (group: number[], body: IDataObject) => void,
): 'sent' | 'refused' | 'mixed' {
	if (outcome.error !== undefined) {
		expectNamedError(outcome.error, groups.flat());
		return 'refused';
	}
	const output = outcome.output!;
	expect(output).toHaveLength(groups.length);
	let refused = 0;
	output.forEach((item, index) => {
		const group = groups[index];
		if (item.json.error !== undefined) {
			refused++;
			expectNamedErrorItem(item.json, group);
			return;
		}
		expect(item.json.dryRun).toBe(true);
		const body = expectSurvivesJson(item.json.body as IDataObject);
		expect(item.json.messageCount).toBe((body.messages as unknown[]).length);
		expect(body.delayMin).toBeLessThanOrEqual(body.delayMax as number);
		expected(group, body);
	});
	return refused === 0 ? 'sent' : refused === output.length ? 'refused' : 'mixed';
}

// --- Campaign settings ----------------------------------------------------------------------

const settings = (pick: ValuePicker) =>
	fc
		.record({
			delays: fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 })),
			info: fc.option(pick(words)),
			schedule: fc.constantFrom('now', 'now', 'inMinutes', 'at'),
			minutes: pick(fc.integer({ min: 1, max: 43_200 })),
			atDays: fc.integer({ min: -3, max: 400 }),
			delayGarbage: fc.option(
				fc.tuple(pick(fc.integer({ min: 0, max: 9 })), pick(fc.integer({ min: 10, max: 60 }))),
			),
			campaignMode: fc.constantFrom('all', 'perItem'),
			continueOnFail: fc.boolean(),
		})
		.map((value) => {
			const [low, high] =
				value.delays[0] <= value.delays[1] ? value.delays : [value.delays[1], value.delays[0]];
			const [delayMin, delayMax] = value.delayGarbage ?? [low, high];
			return {
				parameters: {
					delayMin,
					delayMax,
					...(value.info === null ? {} : { info: value.info }),
					schedule: value.schedule,
					scheduleInMinutes: value.minutes,
					scheduledAt: new Date(Date.now() + value.atDays * 86_400_000).toISOString(),
					campaignMode: value.campaignMode,
					options: { dryRun: true },
				} as Record<string, ParameterValue>,
				perItem: value.campaignMode === 'perItem',
				continueOnFail: value.continueOnFail,
			};
		});

const cleanOrDirty = fc.boolean().map((clean) => ({ clean, pick: picker(clean) }));

// --- JSON mode through the node -------------------------------------------------------------

/** One item's "Messages (JSON)": a message, a list, a whole body, as text or as a value. */
const jsonItem = (pick: ValuePicker, clean: boolean) =>
	fc
		.tuple(
			fc.oneof(
				jsonMessage(pick, clean).map((message) => ({
					kind: 'one' as const,
					value: message as unknown,
				})),
				fc
					.array(jsonMessage(pick, clean), { minLength: clean ? 1 : 0, maxLength: 3 })
					.map((list) => ({ kind: 'list' as const, value: list as unknown })),
				fc
					.record(
						{
							delayMin: pick(fc.constant(2)),
							delayMax: pick(fc.constant(50)),
							info: pick(fc.constant('JSON campaign')),
							scheduled_for: pick(fc.integer({ min: 1, max: 43_200 })),
							messages: fc.array(jsonMessage(pick, clean), { minLength: 1, maxLength: 3 }),
						},
						{ requiredKeys: ['messages'] },
					)
					.map((body) => ({ kind: 'body' as const, value: body as unknown })),
				...(clean ? [] : [garbage.map((value) => ({ kind: 'garbage' as const, value }))]),
			),
			fc.boolean(),
		)
		.map(([input, asText]) => ({
			...input,
			// What the node reads: typed-in JSON text, or a value an expression produced.
			parameter: asText && input.kind !== 'garbage' ? JSON.stringify(input.value) : input.value,
		}));

/** The messages an item's JSON must turn into, as JSON would carry them. */
function jsonItemMessages(item: {
	kind: string;
	value: unknown;
	parameter: unknown;
}): IDataObject[] {
	const value = (typeof item.parameter === 'string' ? JSON.parse(item.parameter) : item.value) as
		| IDataObject
		| IDataObject[];
	const list = Array.isArray(value)
		? value
		: 'messages' in value
			? (value.messages as IDataObject[])
			: [value];
	return list.map((message) => ({ ...message, number: expectedNumber(message.number) }));
}

// --- Fields mode entries --------------------------------------------------------------------

function fieldsEntryOfType(type: SenderMessageType, pick: ValuePicker): fc.Arbitrary<IDataObject> {
	const shape = casesOf(type).fields(type, campaignKit(pick, false));
	return fc
		.record(
			{ type: fc.constant(type), ...shape, number: pick(recipient) },
			{ requiredKeys: ['type'] },
		)
		.map(({ number, ...entry }) =>
			savedEntry(entry, number === undefined ? {} : { number }),
		) as fc.Arbitrary<IDataObject>;
}

const fieldsEntry = (pick: ValuePicker, clean: boolean): fc.Arbitrary<IDataObject> => {
	const typed = fc.oneof(...SENDER_MESSAGE_TYPES.map((type) => fieldsEntryOfType(type, pick)));
	if (clean) return typed;
	return fc.oneof(
		{ arbitrary: typed, weight: 12 },
		{
			// No type means Text; an unknown type must be named.
			arbitrary: fc.record(
				{ type: fc.oneof(garbage, fc.constant(undefined)), text: words },
				{ requiredKeys: ['text'] },
			) as fc.Arbitrary<IDataObject>,
			weight: 1,
		},
	);
};

/** A binary file on the item, for media entries reading "data". */
const binaryData = fc.option(
	fc.record({
		mimeType: fc.constantFrom('application/pdf', 'image/png', 'audio/ogg', 'video/mp4'),
		fileName: fc.constantFrom('boleto.pdf', 'foto.png', 'voz.ogg'),
		data: fc.constantFrom('JVBERi0xLjc=', 'aGVsbG8=', ''),
	}),
);

// --- Properties -----------------------------------------------------------------------------

const stats = {
	json: { sent: 0, refused: 0, mixed: 0 },
	fields: { sent: 0, refused: 0, mixed: 0 },
};

describe('generated campaigns through the node', () => {
	it('JSON mode: every campaign either goes out exactly as written or is refused by field', async () => {
		await fc.assert(
			fc.asyncProperty(
				cleanOrDirty.chain(({ clean, pick }) =>
					fc.record({
						items: fc.array(jsonItem(pick, clean), { minLength: 1, maxLength: 4 }),
						settings: settings(pick),
					}),
				),
				async ({ items, settings: { parameters, perItem, continueOnFail } }) => {
					const outcome = await run(
						{
							...parameters,
							defineMessages: 'json',
							messagesJson: (index: number) => items[index].parameter,
						},
						items.map(() => ({ json: {} })),
						continueOnFail,
					);
					const result = expectOutcome(outcome, campaigns(items.length, perItem), (group, body) => {
						const expected = group.flatMap((index) => jsonItemMessages(items[index]));
						if (!sameJson(body.messages, expected)) expect(body.messages).toEqual(expected);
					});
					stats.json[result]++;
				},
			),
			{ numRuns: 3000 },
		);
		// Both outcomes must be common, or the property says little.
		expect(stats.json.sent).toBeGreaterThan(300);
		expect(stats.json.refused).toBeGreaterThan(300);
	});

	it('Fields mode: every campaign either goes out as valid uazapi JSON or is refused by field', async () => {
		await fc.assert(
			fc.asyncProperty(
				cleanOrDirty.chain(({ clean, pick }) =>
					fc.record({
						items: fc.array(
							fc.record({
								recipient: pick(recipient),
								entries: fc.array(fieldsEntry(pick, clean), {
									minLength: clean ? 1 : 0,
									maxLength: 3,
								}),
								binary: binaryData,
							}),
							{ minLength: 1, maxLength: 3 },
						),
						settings: settings(pick),
					}),
				),
				async ({ items, settings: { parameters, perItem, continueOnFail } }) => {
					const inputItems: INodeExecutionData[] = items.map((item) => ({
						json: {},
						...(item.binary ? { binary: { data: item.binary } } : {}),
					}));
					const outcome = await run(
						{
							...parameters,
							defineMessages: 'fields',
							number: (index: number) => items[index].recipient,
							messages: (index: number) => ({ message: items[index].entries }),
						},
						inputItems,
						continueOnFail,
					);
					const result = expectOutcome(outcome, campaigns(items.length, perItem), (group, body) => {
						const messages = body.messages as IDataObject[];
						const entries = group.flatMap((index) =>
							items[index].entries.map((entry) => ({ entry, recipient: items[index].recipient })),
						);
						expect(messages).toHaveLength(entries.length);
						messages.forEach((message, position) => {
							const { entry, recipient: to } = entries[position];
							const asked = savedOptions(entry)?.number;
							const override = asked === undefined || asked === '' ? to : asked;
							expect(message.number).toBe(expectedNumber(override));
							expect(message.type).toBe(entry.type ?? 'text');
							// What Fields mode builds is valid uazapi JSON for JSON mode, unchanged.
							expect(checkJsonMessage(message)).toEqual(message);
						});
					});
					stats.fields[result]++;
				},
			),
			{ numRuns: 3000 },
		);
		expect(stats.fields.sent).toBeGreaterThan(300);
		expect(stats.fields.refused).toBeGreaterThan(300);
	});
});

describe('generated messages against the message model', () => {
	/** zod's own verdict on a JSON message, without the node's own number handling or wording. */
	function zodAccepts(value: unknown): boolean {
		if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
		const message = value as IDataObject;
		try {
			const { schema } = definitionOf(message.type);
			const number = normaliseRecipient(message.number, '"number"');
			return schema.safeParse({ ...message, number }).success;
		} catch {
			return false;
		}
	}

	it('checkJsonMessage accepts exactly what the zod schemas accept, and names the field otherwise', () => {
		let accepted = 0;
		fc.assert(
			fc.property(
				cleanOrDirty.chain(({ clean, pick }) => jsonMessage(pick, clean)),
				(value) => {
					let checked: IDataObject | undefined;
					try {
						checked = checkJsonMessage(value);
					} catch (error) {
						expect(error).toBeInstanceOf(FieldProblem);
						expect((error as FieldProblem).field).toMatch(/\S/);
						expect(zodAccepts(value)).toBe(false);
						return;
					}
					accepted++;
					expect(zodAccepts(value)).toBe(true);
					const message = value as IDataObject;
					const expected = { ...message, number: expectedNumber(message.number) };
					if (!sameJson(checked, expected)) expect(checked).toEqual(expected);
					expect(sameJson(JSON.parse(JSON.stringify(checked)), checked)).toBe(true);
				},
			),
			{ numRuns: 3000 },
		);
		expect(accepted).toBeGreaterThan(500);
	});

	it('buildMessage turns every entry into valid uazapi JSON or a FieldProblem', async () => {
		const context = {
			readBinary: async (property: string) => {
				if (property !== 'data')
					throw new FieldProblem(
						'Binary Property',
						`"${property}" is not on this input item`,
						'Fix it.',
					);
				return { file: 'JVBERi0xLjc=', fileName: 'a.pdf', mimeType: 'application/pdf', size: 8 };
			},
		};
		let built = 0;
		await fc.assert(
			fc.asyncProperty(
				cleanOrDirty.chain(({ clean, pick }) => fc.tuple(fieldsEntry(pick, clean), phone)),
				async ([entry, to]) => {
					const recipient = expectedNumber(to);
					let message: IDataObject;
					try {
						message = await buildMessage(entry, recipient, context);
					} catch (error) {
						expect(error).toBeInstanceOf(FieldProblem);
						expect((error as FieldProblem).field).toMatch(/\S/);
						return;
					}
					built++;
					expect(checkJsonMessage(message)).toEqual(message);
					expect(sameJson(JSON.parse(JSON.stringify(message)), message)).toBe(true);
				},
			),
			{ numRuns: 1500 },
		);
		expect(built).toBeGreaterThan(300);
	});
});

describe('the instance token never shows', () => {
	/** What n8n's request helper throws: a NodeApiError around axios' error, config included. */
	function helperFailure(status: number | undefined, data: unknown, code?: string) {
		const axiosError = Object.assign(new Error(`Request failed with status code ${status}`), {
			code,
			config: { headers: { token: TOKEN } },
			response: status ? { status, data } : undefined,
		});
		return new NodeApiError(TEST_NODE, axiosError as unknown as JsonObject);
	}

	it('in errors built from any uazapi failure, even when uazapi echoes the token', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.constantFrom(undefined, 400, 401, 403, 404, 409, 413, 429, 500, 502, 503),
				fc.constantFrom(
					(said: string) => ({ error: said }),
					(said: string) => ({ message: said }),
					(said: string) => said,
					(said: string) => ({ error: true, message: said, token: TOKEN }),
				),
				words,
				fc.constantFrom(undefined, 'ECONNREFUSED', 'ECONNABORTED', 'ETIMEDOUT', 'ENOTFOUND'),
				fc.boolean(),
				async (status, shape, text, code, continueOnFail) => {
					const request = jest
						.fn()
						.mockRejectedValue(helperFailure(status, shape(`${text} ${TOKEN}`), code));
					const { context } = fakeContext({
						parameters: {
							defineMessages: 'fields',
							number: '5511999999999',
							messages: { message: [{ type: 'text', text: 'Oi' }] },
							delayMin: 1,
							delayMax: 2,
						},
						continueOnFail,
						request,
					});
					let seen: string;
					try {
						const [output] = await node.execute.call(context);
						expect(continueOnFail).toBe(true);
						expect(output[0].json.error).toEqual(expect.any(String));
						seen = JSON.stringify(output);
					} catch (error) {
						expect(continueOnFail).toBe(false);
						expect(error).toBeInstanceOf(NodeApiError);
						seen = JSON.stringify(error, Object.getOwnPropertyNames(error));
					}
					expect(seen).not.toContain(TOKEN);
					expect(request).toHaveBeenCalledTimes(1);
				},
			),
			{ numRuns: 500 },
		);
	});
});

describe('answers and inputs that once broke the node', () => {
	it('a JSON carousel with "choices": [] is refused by field, not with a TypeError', async () => {
		const { context } = fakeContext({
			parameters: {
				defineMessages: 'json',
				messagesJson:
					'{"number": "5511999999999", "type": "carousel", "text": "Produtos", "choices": []}',
				delayMin: 1,
				delayMax: 2,
				options: { dryRun: true },
			},
		});
		const error = await node.execute.call(context).then(
			() => undefined,
			(failure: unknown) => failure,
		);
		expectNamedError(error, [0]);
	});

	const sendOne = (request: jest.Mock) =>
		fakeContext({
			parameters: {
				defineMessages: 'fields',
				number: '5511999999999',
				messages: { message: [{ type: 'text', text: 'Oi' }] },
				delayMin: 1,
				delayMax: 2,
			},
			request,
		}).context;

	it('a 200 without folder_id that echoes the token keeps it out of the description', async () => {
		const request = jest.fn().mockResolvedValue({ ok: true, token: TOKEN });
		const error = await node.execute.call(sendOne(request)).then(
			() => undefined,
			(failure: unknown) => failure,
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as NodeOperationError).message).toBe(
			'uazapi answered without a campaign ID (folder_id)',
		);
		expect(String((error as NodeOperationError).description)).not.toContain(TOKEN);
	});

	it('a 200 whose status echoes the token keeps it out of the output item', async () => {
		const request = jest.fn().mockResolvedValue({ folder_id: 'f1', status: `queued ${TOKEN}` });
		const [output] = await node.execute.call(sendOne(request));
		expect(output[0].json.folder_id).toBe('f1');
		expect(JSON.stringify(output)).not.toContain(TOKEN);
	});
});
