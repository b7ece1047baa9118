import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { startUazapiServer, type UazapiServer } from '../helpers/uazapiServer.cjs';
import { runWorkflow } from './harness';
import { contacts, CREDENTIAL_ID, fieldsParameters, sendWorkflow } from './workflows';

let server: UazapiServer;
beforeAll(async () => {
	server = await startUazapiServer({ token: 'bad-input-token' });
});
beforeEach(() => {
	server.requests.length = 0;
});
afterAll(async () => server.close());

const text = (value: string): IDataObject => ({ type: 'text', text: value });
const buttons = (...list: IDataObject[]) => ({
	type: 'button',
	buttonsText: 'Escolha',
	buttons: { button: list },
});
const card = (overrides: IDataObject = {}) => ({
	title: 'Caneca',
	image: 'https://x.com/c.jpg',
	buttons: { button: [{ kind: 'reply', label: 'Quero' }] },
	...overrides,
});
const carousel = (cards: IDataObject[]) => ({
	type: 'carousel',
	carouselText: 'Produtos',
	cards: { card: cards },
});
const section = (title: string, rows: IDataObject[]) => ({ title, rows: { row: rows } });
const list = (sections: IDataObject[], extra: IDataObject = {}) => ({
	type: 'list',
	listText: 'Escolha',
	listButton: 'Ver',
	listSections: { section: sections },
	...extra,
});
const poll = (options: string[], extra: IDataObject = {}) => ({
	type: 'poll',
	pollQuestion: 'Qual?',
	pollOptions: { option: options.map((option) => ({ text: option })) },
	...extra,
});
const json = (value: unknown): IDataObject => ({
	defineMessages: 'json',
	messagesJson: typeof value === 'string' ? value : JSON.stringify(value),
	delayMin: 3,
	delayMax: 6,
});
const pdf: INodeExecutionData = {
	json: { phone: '5511999999999' },
	binary: {
		data: {
			data: Buffer.from('%PDF').toString('base64'),
			mimeType: 'application/pdf',
			fileName: 'a.pdf',
		},
	},
};

interface BadCase {
	name: string;
	parameters: IDataObject;
	items?: INodeExecutionData[];
	message: string | RegExp;
	fix: RegExp;
}

const CASES: BadCase[] = [
	// Recipient
	{
		name: 'recipient missing on the item',
		parameters: fieldsParameters([text('Oi')]),
		items: [{ json: {} }],
		message: 'Item 0: "Recipient" is empty',
		fix: /country code/,
	},
	{
		name: 'recipient with letters',
		parameters: fieldsParameters([text('Oi')]),
		items: [{ json: { phone: '11 abc 9999' } }],
		message: 'Item 0: "Recipient" "11 abc 9999" is not a phone number',
		fix: /digits only/,
	},
	{
		name: 'recipient too short',
		parameters: fieldsParameters([text('Oi')]),
		items: [{ json: { phone: '+55 11' } }],
		message:
			'Item 0: "Recipient" "+55 11" does not have the length of a number of country code +55',
		fix: /country code, the area code and the number/,
	},
	{
		name: 'malformed group id',
		parameters: fieldsParameters([text('Oi')]),
		items: [{ json: { phone: '12-34@g.us' } }],
		message: 'Item 0: "Recipient" "12-34@g.us" is not a valid chat ID',
		fix: /@g\.us/,
	},
	{
		name: 'recipient given an object by an expression',
		parameters: fieldsParameters([text('Oi')], { number: '={{ $json }}' }),
		items: [{ json: { phone: '5511999999999' } }],
		message: 'Item 0: "Recipient" must be a phone number or chat ID, but it is an object',
		fix: /\$json\.phone/,
	},
	{
		name: 'bad recipient override',
		parameters: fieldsParameters([
			text('Oi'),
			{ ...text('Oi'), textMessageOptions: { number: 'grupo' } },
		]),
		message: 'Item 0, message 2 of 2 (Text): "Recipient Override" "grupo" is not a phone number',
		fix: /digits only/,
	},
	// Text
	{
		name: 'empty text',
		parameters: fieldsParameters([text('   ')]),
		message: 'Item 0, message 1 of 1 (Text): "Text" is empty',
		fix: /Enter the text/,
	},
	{
		name: 'text over 4096 characters',
		parameters: fieldsParameters([text('a'.repeat(4097))]),
		message: 'Item 0, message 1 of 1 (Text): "Text" is longer than 4096 characters',
		fix: /4096 characters or fewer/,
	},
	{
		name: 'text given an object by an expression',
		parameters: fieldsParameters([text('={{ $json }}')]),
		message:
			'Item 0, message 1 of 1 (Text): "Text" must be text, but the expression gave an object',
		fix: /single text value/,
	},
	{
		name: 'preview image that is no URL',
		parameters: fieldsParameters([
			{
				...text('Oi'),
				textMessageOptions: { linkPreview: true, linkPreviewImage: 'not an image' },
			},
		]),
		message:
			'Item 0, message 1 of 1 (Text): "Preview Image" is neither an http(s) URL nor base64 content',
		fix: /public image URL/,
	},
	// Buttons
	{
		name: 'button label with |',
		parameters: fieldsParameters([buttons({ kind: 'reply', label: 'Sim|Não' })]),
		message: /^Item 0, message 1 of 1 \(Buttons\): "Buttons › button 1 › Label" contains "\|"/,
		fix: /Remove the "\|"/,
	},
	{
		name: 'button label with a line break',
		parameters: fieldsParameters([buttons({ kind: 'reply', label: 'Sim\nNão' })]),
		message: /"Buttons › button 1 › Label" contains a line break/,
		fix: /one line/,
	},
	{
		name: 'URL button without http',
		parameters: fieldsParameters([
			buttons({ kind: 'reply', label: 'A' }, { kind: 'url', label: 'Site', url: 'loja.com' }),
		]),
		message:
			'Item 0, message 1 of 1 (Buttons): "Buttons › button 2 › URL" "loja.com" is not an http(s) URL',
		fix: /https:\/\//,
	},
	{
		name: 'copy button without code',
		parameters: fieldsParameters([buttons({ kind: 'copy', label: 'Cupom' })]),
		message: 'Item 0, message 1 of 1 (Buttons): "Buttons › button 1 › Code" is empty',
		fix: /code the button copies/,
	},
	{
		name: 'call button with a bad number',
		parameters: fieldsParameters([buttons({ kind: 'call', label: 'Ligar', phone: 'ramal 12' })]),
		message: /"Buttons › button 1 › Phone Number" "ramal12" is not a phone number/,
		fix: /country code/,
	},
	{
		name: 'reply id that reads as a link',
		parameters: fieldsParameters([buttons({ kind: 'reply', label: 'Site', id: 'https://x.com' })]),
		message: /"Buttons › button 1 › Button ID" "https:\/\/x.com" would turn the reply into a link/,
		fix: /change the button's Action/,
	},
	{
		name: 'buttons message without buttons',
		parameters: fieldsParameters([buttons()]),
		message: 'Item 0, message 1 of 1 (Buttons): "Buttons" is empty',
		fix: /at least one button/,
	},
	{
		name: 'button label starting with a bracket',
		parameters: fieldsParameters([buttons({ kind: 'reply', label: '[Promo]' })]),
		message: /"Buttons › button 1 › Label" starts with "\["/,
		fix: /remove the bracket/,
	},
	// List
	{
		name: 'list without sections',
		parameters: fieldsParameters([list([])]),
		message: 'Item 0, message 1 of 1 (List Menu): "Sections" is empty',
		fix: /at least one section/,
	},
	{
		name: 'list section without rows',
		parameters: fieldsParameters([list([section('Frutas', [])])]),
		message: 'Item 0, message 1 of 1 (List Menu): "Sections › section 1 › Rows" is empty',
		fix: /at least one row/,
	},
	{
		name: 'list section title with a bracket',
		parameters: fieldsParameters([list([section('Frutas]', [{ title: 'Maçã' }])])]),
		message: /"Sections › section 1 › Section Title" contains a square bracket/,
		fix: /Remove "\[" and "\]"/,
	},
	{
		name: 'list row title opening a section',
		parameters: fieldsParameters([
			list([section('Frutas', [{ title: 'Maçã' }, { title: '[Uva]' }])]),
		]),
		message: /"Sections › section 1 › row 2 › Row Title" starts with "\["/,
		fix: /bracket/,
	},
	{
		name: 'list row id with |',
		parameters: fieldsParameters([list([section('Frutas', [{ title: 'Maçã', id: 'a|b' }])])]),
		message: /"Sections › section 1 › row 1 › Row ID" contains "\|"/,
		fix: /Remove the "\|"/,
	},
	{
		name: 'list without menu button label',
		parameters: fieldsParameters([
			list([section('Frutas', [{ title: 'Maçã' }])], { listButton: '={{ $json.missing }}' }),
		]),
		message: 'Item 0, message 1 of 1 (List Menu): "Menu Button Label" is empty',
		fix: /button that opens the list/,
	},
	// Carousel
	{
		name: 'carousel card without image',
		parameters: fieldsParameters([carousel([card({ image: '' })])]),
		message:
			'Item 0, message 1 of 1 (Carousel): "Cards › card 1 › Card Image" is empty: every carousel card needs an image',
		fix: /public image URL/,
	},
	{
		name: 'carousel image with a brace',
		parameters: fieldsParameters([carousel([card(), card({ image: 'https://x.com/a}.jpg' })])]),
		message: /"Cards › card 2 › Card Image" is neither an http\(s\) URL nor base64 content/,
		fix: /public image URL/,
	},
	{
		name: 'carousel title with a bracket',
		parameters: fieldsParameters([carousel([card({ title: 'Caneca [nova]' })])]),
		message: /"Cards › card 1 › Card Title" contains a square bracket/,
		fix: /round brackets/,
	},
	{
		name: 'carousel card without buttons',
		parameters: fieldsParameters([carousel([card({ buttons: {} })])]),
		message: /"Cards" card \[Caneca\] has no button: every carousel card needs at least one/,
		fix: /at least one button/,
	},
	{
		name: 'carousel with 11 cards',
		parameters: fieldsParameters([carousel(Array.from({ length: 11 }, () => card()))]),
		message: 'Item 0, message 1 of 1 (Carousel): "Cards" has 11 cards; WhatsApp shows at most 10',
		fix: /1 to 10 cards/,
	},
	{
		name: 'carousel card button label with |',
		parameters: fieldsParameters([
			carousel([card({ buttons: { button: [{ kind: 'copy', label: 'A|B', code: 'X' }] } })]),
		]),
		message: /"Cards › card 1 › Buttons › button 1 › Label" contains "\|"/,
		fix: /Remove the "\|"/,
	},
	// Poll
	{
		name: 'poll with one option',
		parameters: fieldsParameters([poll(['Sim'])]),
		message:
			'Item 0, message 1 of 1 (Poll): "Poll Options" has 1 option(s); a poll needs at least 2',
		fix: /2 to 12 different options/,
	},
	{
		name: 'poll with a repeated option',
		parameters: fieldsParameters([poll(['Sim', 'Sim'])]),
		message:
			'Item 0, message 1 of 1 (Poll): "Poll Options" has "Sim" twice; WhatsApp needs every option to differ',
		fix: /different options/,
	},
	{
		name: 'poll allowing more choices than options',
		parameters: fieldsParameters([
			poll(['A', 'B'], { pollMessageOptions: { selectableCount: 3 } }),
		]),
		message: 'Item 0, message 1 of 1 (Poll): "Selectable Count" is 3, more than the 2 options',
		fix: /Lower it/,
	},
	// Location and contact
	{
		name: 'location mapped to 0, 0',
		parameters: fieldsParameters([
			{ type: 'location', latitude: '={{ $json.lat ?? 0 }}', longitude: '={{ 0 }}' },
		]),
		message: /"Latitude" and the longitude are both 0, which is a point in the Atlantic Ocean/,
		fix: /coordinates/,
	},
	{
		name: 'latitude out of range',
		parameters: fieldsParameters([{ type: 'location', latitude: 123, longitude: -46 }]),
		message: 'Item 0, message 1 of 1 (Location): "Latitude" must be between -90 and 90',
		fix: /decimal degrees/,
	},
	{
		name: 'latitude that is not a number',
		parameters: fieldsParameters([
			{ type: 'location', latitude: '={{ "norte" }}', longitude: -46 },
		]),
		message: /"Latitude" must be a number, but it is the text "norte"/,
		fix: /-23\.5505/,
	},
	{
		name: 'contact without phone',
		parameters: fieldsParameters([
			{ type: 'contact', contactName: 'Maria', contactPhones: '={{ $json.missing }}' },
		]),
		message: 'Item 0, message 1 of 1 (Contact Card): "Phone Numbers" is empty',
		fix: /at least one phone number/,
	},
	{
		name: 'contact with a bad e-mail',
		parameters: fieldsParameters([
			{
				type: 'contact',
				contactName: 'Maria',
				contactPhones: '5511999999999',
				contactMessageOptions: { contactEmail: 'maria@' },
			},
		]),
		message: 'Item 0, message 1 of 1 (Contact Card): "Email" "maria@" is not an e-mail address',
		fix: /name@example\.com/,
	},
	// Media
	{
		name: 'media URL empty',
		parameters: fieldsParameters([{ type: 'image', mediaUrl: '={{ $json.missing }}' }]),
		message: 'Item 0, message 1 of 1 (Image): "Media URL" is empty',
		fix: /public http\(s\) URL/,
	},
	{
		name: 'base64 that is not base64',
		parameters: fieldsParameters([
			{ type: 'audio', mediaSource: 'base64', mediaBase64: 'não é base64!' },
		]),
		message:
			'Item 0, message 1 of 1 (Audio): "Base64 Content" is neither an http(s) URL nor base64 content',
		fix: /base64 content/,
	},
	{
		name: 'binary property missing',
		parameters: fieldsParameters([
			{ type: 'document', mediaSource: 'binary', binaryProperty: 'boleto' },
		]),
		items: [pdf],
		message:
			'Item 0, message 1 of 1 (Document): "Binary Property" "boleto" is not on this input item (it has: data)',
		fix: /often "data"/,
	},
	{
		name: 'binary of the wrong kind',
		parameters: fieldsParameters([{ type: 'image', mediaSource: 'binary' }]),
		items: [pdf],
		message:
			'Item 0, message 1 of 1 (Image): "Binary Property" is an application/pdf file, which is not an image',
		fix: /Document/,
	},
	// Raw choices and JSON mode
	{
		name: 'raw choices that are not JSON',
		parameters: fieldsParameters([
			{ type: 'poll', pollQuestion: 'Q', choicesInput: 'raw', rawChoices: '[A, B]' },
		]),
		message: /^Item 0, message 1 of 1 \(Poll\): "Raw Choices \(JSON\)" is not valid JSON/,
		fix: /double quotes/,
	},
	{
		name: 'raw carousel choices without image',
		parameters: fieldsParameters([
			{
				type: 'carousel',
				carouselText: 'P',
				choicesInput: 'raw',
				rawChoices: '["[Card]", "Buy|buy"]',
			},
		]),
		message: /"Raw Choices \(JSON\)" card \[Card\] has no image/,
		fix: /1 to 10 cards/,
	},
	{
		name: 'JSON mode garbage',
		parameters: json('not json at all'),
		// Said once: Node's own parser message, which repeats "is not valid JSON", is shortened.
		message: `Item 0: "Messages (JSON)" is not valid JSON (Unexpected token 'o')`,
		fix: /"type": "text"/,
	},
	{
		name: 'JSON mode unknown type',
		parameters: json([{ number: '5511999999999', type: 'ptv', file: 'https://x.com/v.mp4' }]),
		message:
			'Item 0, message 1 of 1 in the JSON (ptv): "Type" the text "ptv" is not a uazapi message type',
		fix: /text, image|Audio|audio/,
	},
	{
		name: 'JSON mode field the sender does not take',
		parameters: json([{ number: '5511999999999', type: 'text', text: 'Oi', trackId: 'x' }]),
		message:
			'Item 0, message 1 of 1 in the JSON (text): "trackId" is not a field of a uazapi "text" message',
		fix: /Remove it/,
	},
	{
		name: 'JSON mode message without number',
		parameters: json({ messages: [{ type: 'text', text: 'Oi' }] }),
		message: 'Item 0, message 1 of 1 in the JSON (text): "number" is empty',
		fix: /country code/,
	},
	{
		name: 'JSON mode scheduled_for in seconds',
		parameters: json({
			scheduled_for: 1767225600,
			messages: [{ number: '5511999999999', type: 'text', text: 'Oi' }],
		}),
		message: /^Item 0: "scheduled_for" number 1767225600 is neither minutes from now/,
		fix: /never seconds/,
	},
	{
		name: 'JSON mode list of numbers',
		parameters: json([1, 2]),
		message:
			'Item 0, message 1 of 2 in the JSON (no type): "message" must be a JSON object, but it is number 1',
		fix: /"type": "text"/,
	},
	// Campaign settings
	{
		name: 'delay min above delay max',
		parameters: fieldsParameters([text('Oi')], { delayMin: 30, delayMax: 10 }),
		message: 'Campaign settings: "Delay Min (Seconds)" (30) is greater than Delay Max (10)',
		fix: /smaller than or equal/,
	},
	{
		name: 'fractional delay',
		parameters: fieldsParameters([text('Oi')], { delayMin: 1.5 }),
		message:
			'Campaign settings: "Delay Min (Seconds)" must be a whole number of seconds (0 or more), but it is number 1.5',
		fix: /whole number/,
	},
	{
		name: 'schedule in the past',
		parameters: fieldsParameters([text('Oi')], {
			schedule: 'at',
			scheduledAt: '2020-01-01T10:00:00',
		}),
		message:
			/^Campaign settings: "Send At" is \d+ minutes in the past \(2020-01-01T15:00:00\.000Z\)/,
		fix: /future date/,
	},
	{
		name: 'schedule 0 minutes from now',
		parameters: fieldsParameters([text('Oi')], { schedule: 'inMinutes', scheduleInMinutes: 0 }),
		message: /^Campaign settings: "Minutes From Now" must be a whole number from 1 to 43200/,
		fix: /At a Date and Time/,
	},
	{
		name: 'no messages',
		parameters: fieldsParameters([]),
		message: 'Item 0: "Messages" is empty',
		fix: /Add Message/,
	},
	{
		name: 'one bad item among many stops the whole campaign',
		parameters: fieldsParameters([text('=Oi {{ $json.name }}')], {
			number: '={{ $itemIndex === 3 ? "" : $json.phone }}',
		}),
		items: contacts(5),
		message: 'Item 3: "Recipient" is empty',
		fix: /country code/,
	},
	{
		name: 'an expression that fails names its item',
		parameters: fieldsParameters([text("=Oi {{ $('Nowhere').item.json.name }}")]),
		items: contacts(3),
		// n8n's own error, once per item, with the message and field it came from.
		message:
			'3 problems in the input, nothing was sent. Item 0, message 1 of 1 (Text): "Text" could not be evaluated: Referenced node doesn\'t exist',
		fix: /^Item 0, message 1 of 1 \(Text\): "Text" could not be evaluated: Referenced node doesn't exist\. Check the expression.*\nItem 1, .*\nItem 2, /,
	},
	{
		name: 'a $json value that is no phone number names its item',
		parameters: fieldsParameters([text('=Oi {{ $json.name }}')]),
		items: [...contacts(2), { json: { phone: { ddd: 11 }, name: 'Carla' } }],
		message: 'Item 2: "Recipient" must be a phone number or chat ID, but it is an object',
		fix: /Map the contact's phone number/,
	},
	{
		name: 'a $json value that is no text names its item, message and field',
		parameters: fieldsParameters([text('=Oi {{ $json.name }}'), text('={{ $json.name }}')]),
		items: [...contacts(2), { json: { phone: '5511977777777', name: ['Carla'] } }],
		message: 'Item 2, message 2 of 2 (Text): "Text" must be text, but the expression gave a list',
		fix: /Map a single text value/,
	},
	{
		name: 'an expression n8n cannot evaluate in a message names the message and field',
		parameters: fieldsParameters([text('Oi'), text("={{ $('Nowhere').item.json.name }}")]),
		message:
			'Item 0, message 2 of 2 (Text): "Text" could not be evaluated: Referenced node doesn\'t exist',
		fix: /a node it names must exist in this workflow/,
	},
	{
		name: 'an expression n8n cannot evaluate in a list row names the row',
		parameters: fieldsParameters([
			list([section('A', [{ title: "={{ $('Nowhere').item.json.name }}", id: 'a' }])]),
		]),
		message:
			'Item 0, message 1 of 1 (List Menu): "Sections › section 1 › row 1 › Row Title" could not be evaluated: Referenced node doesn\'t exist',
		fix: /a node it names must exist/,
	},
	{
		name: 'an expression n8n cannot evaluate in the Recipient names it',
		parameters: fieldsParameters([text('Oi')], { number: "={{ $('Nowhere').item.json.phone }}" }),
		message: 'Item 0: "Recipient" could not be evaluated: Referenced node doesn\'t exist',
		fix: /a node it names must exist/,
	},
	{
		name: 'an expression n8n cannot evaluate in an option names the option',
		parameters: fieldsParameters([text('Oi')], {
			options: { campaignKey: "={{ $('Nowhere').item.json.batch }}" },
		}),
		message:
			'Campaign settings: "Options → Campaign Key" could not be evaluated: Referenced node doesn\'t exist',
		fix: /a node it names must exist/,
	},
	{
		name: 'an expression with a syntax error names its field',
		parameters: fieldsParameters([text('={{ $json.name. }}')]),
		message: 'Item 0, message 1 of 1 (Text): "Text" could not be evaluated: invalid syntax',
		fix: /Check the expression/,
	},
];

describe('invalid input is refused before any request', () => {
	it(`has at least 40 cases (${CASES.length})`, () => {
		expect(CASES.length).toBeGreaterThanOrEqual(40);
	});

	it.each(CASES)('$name', async ({ parameters, items, message, fix }) => {
		const result = await runWorkflow(sendWorkflow(parameters, items), {
			[CREDENTIAL_ID]: { serverUrl: server.url, token: 'bad-input-token' },
		});
		expect(result.error).toBeDefined();
		expect(result.error?.name).toBe('NodeOperationError');
		if (typeof message === 'string') expect(result.error?.message).toBe(message);
		else expect(result.error?.message).toMatch(message);
		expect(result.error?.description).toMatch(fix);
		expect(server.requests).toHaveLength(0);
	});
});

it('leaves a required field typed empty to n8n, which refuses to start the node', async () => {
	const run = runWorkflow(
		sendWorkflow(fieldsParameters([{ type: 'contact', contactName: 'Maria' }])),
		{
			[CREDENTIAL_ID]: { serverUrl: server.url, token: 'bad-input-token' },
		},
	);
	await expect(run).rejects.toThrow('Parameter "Phone Numbers" is required');
	expect(server.requests).toHaveLength(0);
});
