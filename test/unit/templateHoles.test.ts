import {
	holesOf,
	parseJsonPathTemplate,
} from '../../nodes/UazapiAdvancedSend/parameters/jsonPathTemplate';

const holes = (expression: string, json: unknown) =>
	holesOf(parseJsonPathTemplate(expression)!, json);

describe('holes in texts that map $json values', () => {
	it.each([
		['Olá {{ $json.name }}!', {}, [{ expression: '{{ $json.name }}', kind: 'missing' }]],
		[
			'pedido {{ $json.order.id }}',
			{ order: null },
			[{ expression: '{{ $json.order.id }}', kind: 'missing' }],
		],
		[
			'{{ $json["first name"] }} e {{ $json.tags[1] }}',
			{ 'first name': '', tags: ['a'] },
			[
				{ expression: '{{ $json["first name"] }}', kind: 'empty' },
				{ expression: '{{ $json.tags[1] }}', kind: 'missing' },
			],
		],
		['Oi {{ $json.v }}', { v: null }, [{ expression: '{{ $json.v }}', kind: 'null' }]],
		['Oi {{ $json.v }}', { v: { a: 1 } }, [{ expression: '{{ $json.v }}', kind: 'object' }]],
		['Oi {{ $json.v }}', { v: [1] }, [{ expression: '{{ $json.v }}', kind: 'list' }]],
	])('%p with %j', (expression, json, expected) => {
		expect(holes(expression, json)).toEqual(expected);
	});

	it.each([
		['Oi {{ $json.v }}', { v: 0 }],
		['Oi {{ $json.v }}', { v: false }],
		['Oi {{ $json.v }}', { v: 'Ana' }],
		// The whole value is the field's value: an empty one is checked as that field.
		['{{ $json.v }}', {}],
		// A string has no properties the node reads: left to n8n, and not judged here.
		['Oi {{ $json.v.first }}', { v: 'Ana' }],
	])('no hole in %p with %j', (expression, json) => {
		expect(holes(expression, json)).toEqual([]);
	});
});
