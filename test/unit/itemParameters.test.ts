import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ItemParameters } from '../../nodes/UazapiAdvancedSend/parameters/itemParameters';

/** A context whose n8n evaluation is recorded: `n8n:<name>:<item>` stands for n8n's value. */
function contextWith(
	parameters: Record<string, unknown>,
	items: object[],
	{ ignoresRawExpressions = false } = {},
) {
	const asked: string[] = [];
	const raw = (name: string) =>
		name
			.split(/[.[\]]+/)
			.filter(Boolean)
			.reduce<unknown>(
				(value, key) => (value as Record<string, unknown> | undefined)?.[key],
				parameters,
			);
	const context = {
		getInputData: () => items.map((json) => ({ json })),
		getNode: () => ({ parameters }),
		getNodeParameter: (
			name: string,
			itemIndex: number,
			fallback?: unknown,
			options?: { rawExpressions?: boolean },
		) => {
			if (options?.rawExpressions && !ignoresRawExpressions) return raw(name) ?? fallback;
			asked.push(`${name}:${itemIndex}`);
			return raw(name) === undefined ? fallback : `n8n:${name}:${itemIndex}`;
		},
	} as unknown as IExecuteFunctions;
	return { context, asked };
}

const PROPERTIES: INodeProperties[] = [
	{ displayName: 'Text', name: 'text', type: 'string', default: '' },
	{
		displayName: 'Checked',
		name: 'checked',
		type: 'collection',
		default: {},
		options: [
			{ displayName: 'Count', name: 'count', type: 'string', default: '', validateType: 'number' },
		],
	},
];

describe('ItemParameters', () => {
	it('evaluates $json templates per item and reuses values without expressions', () => {
		const { context, asked } = contextWith(
			{ text: '=Oi {{ $json.name }}', messages: { message: [{ type: 'text', id: 7 }] } },
			[{ name: 'Ana' }, { name: 'Bia' }],
		);
		const parameters = new ItemParameters(context, PROPERTIES);
		expect([parameters.get('text', 0), parameters.get('text', 1)]).toEqual(['Oi Ana', 'Oi Bia']);
		const first = parameters.get('messages.message', 0) as Array<{ id: number }>;
		first[0].id = 8;
		// Each item gets its own copy, as from n8n, so changing one changes no other.
		expect(parameters.get('messages.message', 1)).toEqual([{ type: 'text', id: 7 }]);
		expect(asked).toEqual([]);
	});

	it('asks n8n for a parameter with any other expression, for every item', () => {
		const { context, asked } = contextWith(
			{ messages: { message: [{ text: '=Oi {{ $json.name }}', id: '={{ $itemIndex }}' }] } },
			[{ name: 'Ana' }, { name: 'Bia' }],
		);
		const parameters = new ItemParameters(context, PROPERTIES);
		expect(parameters.get('messages.message', 1)).toBe('n8n:messages.message:1');
		expect(asked).toEqual(['messages.message:1']);
	});

	it('asks n8n for an item whose value it cannot copy exactly, and only for that item', () => {
		const { context, asked } = contextWith({ text: '=Oi {{ $json.name }}' }, [
			{ name: 'Ana' },
			{ name: { first: 'Bia' } },
		]);
		const parameters = new ItemParameters(context, PROPERTIES);
		expect([parameters.get('text', 0), parameters.get('text', 1)]).toEqual([
			'Oi Ana',
			'n8n:text:1',
		]);
		expect(asked).toEqual(['text:1']);
	});

	it('leaves parameters n8n validates after evaluating them to n8n', () => {
		const { context, asked } = contextWith({ checked: { count: '={{ $json.count }}' } }, [
			{ count: '3' },
		]);
		expect(new ItemParameters(context, PROPERTIES).get('checked', 0)).toBe('n8n:checked:0');
		expect(asked).toEqual(['checked:0']);
	});

	it('asks n8n for everything when this n8n does not hand over raw expressions', () => {
		// An n8n that ignores the option evaluates the expression for item 0: reusing that value
		// would send item 0's text to every recipient.
		const { context, asked } = contextWith(
			{ number: '5511999999999', messages: { message: [{ text: '=Oi {{ $json.name }}' }] } },
			[{ name: 'Ana' }, { name: 'Bia' }],
			{ ignoresRawExpressions: true },
		);
		const parameters = new ItemParameters(context, PROPERTIES);
		expect([parameters.get('messages.message', 0), parameters.get('messages.message', 1)]).toEqual([
			'n8n:messages.message:0',
			'n8n:messages.message:1',
		]);
		expect([parameters.get('number', 0), parameters.get('number', 1)]).toEqual([
			'n8n:number:0',
			'n8n:number:1',
		]);
		// The probe asked for the saved expression's own path once.
		expect(asked).toEqual([
			'messages.message[0].text:0',
			'messages.message:0',
			'messages.message:1',
			'number:0',
			'number:1',
		]);
	});

	it("leaves a missing parameter to n8n, which applies the caller's fallback", () => {
		const { context, asked } = contextWith({}, [{ name: 'Ana' }]);
		expect(new ItemParameters(context, PROPERTIES).get('info', 0, 'none')).toBe('none');
		expect(asked).toEqual(['info:0']);
	});
});
