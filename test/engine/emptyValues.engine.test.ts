import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { savedEntry } from '../helpers/savedEntry';
import { runWorkflow } from './harness';
import { useImitation } from './imitation';
import { fieldsParameters, SEND_NODE, sendWorkflow } from './workflows';

/**
 * Options → When a Mapped Value Is Empty, through n8n-core: a text that maps a value the contact
 * lacks ("Olá {{ $json.v }}!" with v missing, empty, null, an object or a list) refuses the run
 * (default), leaves the contact out, or is sent anyway, in each text-bearing field, whether the
 * node or n8n evaluated the expression.
 */

const imitation = useImitation('empty-values-token');
const TEMPLATE = '=Olá {{ $json.v }}!';
const FULL = '5511999990001';
const GAPPED = '5511999990002';

const card = (body: string) => ({
	title: 'Caneca',
	body,
	image: 'https://x.com/c.jpg',
	buttons: { button: [{ kind: 'reply', label: 'Quero' }] },
});

/** Each text-bearing field: the message entry holding the template, and the field's label. */
const FIELDS: Array<[string, IDataObject, string, string]> = [
	['text', { type: 'text', text: TEMPLATE }, 'Text', 'Text'],
	[
		'caption',
		savedEntry({ type: 'image', mediaUrl: 'https://x.com/a.jpg', caption: TEMPLATE }),
		'Image',
		'Caption',
	],
	[
		'list text',
		{
			type: 'list',
			listText: TEMPLATE,
			listButton: 'Ver',
			listSections: { section: [{ title: 'A', rows: { row: [{ title: 'Um', id: 'um' }] } }] },
		},
		'List Menu',
		'Text',
	],
	[
		'list row',
		{
			type: 'list',
			listText: 'Escolha',
			listButton: 'Ver',
			listSections: { section: [{ title: 'A', rows: { row: [{ title: TEMPLATE, id: 'um' }] } }] },
		},
		'List Menu',
		'Sections › section 1 › row 1 › Row Title',
	],
	[
		'card body',
		{ type: 'carousel', carouselText: 'Produtos', cards: { card: [card(TEMPLATE)] } },
		'Carousel',
		'Cards › card 1 › Card Body',
	],
];

/** What the contact has instead of a value, and how the error says it. */
const HOLES: Array<[string, IDataObject, string]> = [
	['missing', {}, 'missing for this item'],
	['empty', { v: '' }, 'empty for this item'],
	['null', { v: null }, 'empty (null) for this item'],
	['an object', { v: { first: 'Ana' } }, 'an object for this item, shown as "[object Object]"'],
	['a list', { v: ['Ana', 'Bia'] }, 'a list for this item, not one value to show'],
];

/**
 * The node evaluates `{{ $json… }}` itself unless another expression in the same parameter needs
 * n8n: a second message with one makes n8n evaluate every message.
 */
const EVALUATORS: Array<[string, IDataObject[]]> = [
	['the node', []],
	['n8n', [{ type: 'text', text: '={{ "Até " + "logo" }}' }]],
];

const contacts = (hole: IDataObject): INodeExecutionData[] => [
	{ json: { phone: FULL, v: 'Ana' } },
	{ json: { phone: GAPPED, ...hole } },
];
const posts = () =>
	imitation.server.requests.filter((request) => request.path === '/sender/advanced');
const sentTo = () =>
	posts().flatMap((request) =>
		(request.body as { messages: Array<{ number: string }> }).messages.map((m) => m.number),
	);

async function send(entries: IDataObject[], hole: IDataObject, whenValueEmpty?: string) {
	const options = whenValueEmpty ? { whenValueEmpty } : {};
	return await runWorkflow(
		sendWorkflow(fieldsParameters(entries, { options }), contacts(hole)),
		imitation.credentials(),
	);
}

describe.each(EVALUATORS)('evaluated by %s', (_evaluator, others) => {
	describe.each(FIELDS)('in a %s', (_field, entry, typeName, label) => {
		const entries = [entry, ...others];
		const where = `Item 1, message 1 of ${entries.length} (${typeName}): "${label}"`;

		it.each(HOLES)(
			'a value %s: refused by default, naming item, message and field',
			async (_hole, hole, is) => {
				const result = await send(entries, hole);
				expect(result.error?.message).toBe(`${where} maps {{ $json.v }}, which is ${is}`);
				expect(result.error?.description).toContain('When a Mapped Value Is Empty');
				expect(imitation.server.requests).toHaveLength(0);
			},
		);

		it.each(HOLES)('a value %s: the contact left out, the other sent', async (_hole, hole, is) => {
			const result = await send(entries, hole, 'leaveOut');
			expect(result.error).toBeUndefined();
			expect(new Set(sentTo())).toEqual(new Set([FULL]));
			expect(result.output(SEND_NODE)[0].json.leftOut).toEqual([
				{
					item: 1,
					number: GAPPED,
					reason: 'empty value',
					field: `message 1 (${typeName}) › ${label}`,
					problem: `maps {{ $json.v }}, which is ${is}`,
				},
			]);
		});

		it.each(HOLES)('a value %s: sent anyway when chosen', async (hole, json) => {
			const result = await send(entries, json, 'send');
			if (label.endsWith('Card Body') && hole === 'an object') {
				// uazapi's card grammar cannot carry "[object Object]": refused, never sent garbled.
				expect(result.error?.message).toBe(
					`${where} contains a square bracket, which would end the card text early`,
				);
				expect(imitation.server.requests).toHaveLength(0);
				return;
			}
			expect(result.error).toBeUndefined();
			expect(new Set(sentTo())).toEqual(new Set([FULL, GAPPED]));
		});
	});
});

describe('texts n8n evaluates from other expressions', () => {
	it('an object shows as "[object Object]" and is refused, quoting the text', async () => {
		const result = await send([{ type: 'text', text: '=Olá {{ ($json.v) }}!' }], {
			v: { first: 'Ana' },
		});
		expect(result.error?.message).toBe(
			'Item 1, message 1 of 1 (Text): "Text" reads "Olá [object Object]!": an object was put into the text',
		);
		expect(imitation.server.requests).toHaveLength(0);
	});

	it('"undefined" from a concatenation in JSON mode is refused, naming the JSON field', async () => {
		const result = await runWorkflow(
			sendWorkflow(
				{
					defineMessages: 'json',
					messagesJson:
						'={{ [{ "number": $json.phone, "type": "text", "text": "Olá " + $json.v + "!" }] }}',
					delayMin: 3,
					delayMax: 6,
				},
				contacts({}),
			),
			imitation.credentials(),
		);
		expect(result.error?.message).toBe(
			'Item 1, message 1 of 1 in the JSON (text): "text" reads "Olá undefined!": a value that does not exist was put into the text',
		);
		expect(imitation.server.requests).toHaveLength(0);
	});

	it('the dry run refuses and leaves out the same contacts as the real run', async () => {
		const entries = [{ type: 'text', text: TEMPLATE }];
		const refused = await runWorkflow(
			sendWorkflow(fieldsParameters(entries, { options: { dryRun: true } }), contacts({})),
			imitation.credentials(),
		);
		expect(refused.error?.message).toBe(
			'Item 1, message 1 of 1 (Text): "Text" maps {{ $json.v }}, which is missing for this item',
		);
		const leftOut = await runWorkflow(
			sendWorkflow(
				fieldsParameters(entries, { options: { dryRun: true, whenValueEmpty: 'leaveOut' } }),
				contacts({}),
			),
			imitation.credentials(),
		);
		const [output] = leftOut.output(SEND_NODE);
		expect(output.json.recipientCount).toBe(1);
		expect((output.json.leftOut as IDataObject[]).map((entry) => entry.item)).toEqual([1]);
		expect(imitation.server.requests).toHaveLength(0);
	});

	it('every contact with a hole is named in one error (up to 20)', async () => {
		const items = Array.from({ length: 25 }, (_, index) => ({
			json: { phone: `55119999900${String(index).padStart(2, '0')}` },
		}));
		const result = await runWorkflow(
			sendWorkflow(fieldsParameters([{ type: 'text', text: TEMPLATE }]), items),
			imitation.credentials(),
		);
		expect(result.error?.message).toMatch(/^25 problems in the input, nothing was sent\. Item 0,/);
		const lines = String(result.error?.description).split('\n');
		expect(lines).toHaveLength(21);
		expect(lines[20]).toBe('…and 5 more problems.');
	});
});

describe('Send Anyway', () => {
	it('sends the text as n8n writes it, gap included', async () => {
		const result = await send([{ type: 'text', text: TEMPLATE }], {}, 'send');
		expect(result.error).toBeUndefined();
		const [body] = posts().map((request) => request.body as { messages: IDataObject[] });
		expect(body.messages.map((message) => message.text)).toEqual(['Olá Ana!', 'Olá !']);
	});
});
