import type { IDataObject } from 'n8n-workflow';

import { SEND_EXTRA_FIELDS, SENDER_MESSAGE_TYPES } from '../../nodes/shared/contract';
import {
	buildMessage,
	checkJsonMessage,
	MESSAGE_TYPES,
	messageEntryProperties,
	type BuildContext,
} from '../../nodes/UazapiAdvancedSend/messages';

const PDF = Buffer.from('%PDF-1.4 test document');
const context: BuildContext = {
	readBinary: async (property) => ({
		file: PDF.toString('base64'),
		fileName: `${property}.pdf`,
		mimeType: 'application/pdf',
		size: PDF.length,
	}),
};
const to = '5511999999999';

const button = (kind: string, label: string, value: IDataObject = {}) => ({
	kind,
	label,
	...value,
});

/** Each message type: editor values → the exact uazapi message. */
const BUILDS: Array<[string, IDataObject, IDataObject]> = [
	[
		'text',
		{ type: 'text', text: 'Olá, Maria!' },
		{ number: to, type: 'text', text: 'Olá, Maria!' },
	],
	[
		'text with link preview',
		{
			type: 'text',
			text: 'Veja https://loja.com',
			textMessageOptions: {
				linkPreview: true,
				linkPreviewTitle: 'Loja',
				linkPreviewDescription: 'Ofertas',
				linkPreviewImage: 'https://loja.com/capa.jpg',
				linkPreviewLarge: true,
			},
		},
		{
			number: to,
			type: 'text',
			text: 'Veja https://loja.com',
			linkPreview: true,
			linkPreviewTitle: 'Loja',
			linkPreviewDescription: 'Ofertas',
			linkPreviewImage: 'https://loja.com/capa.jpg',
			linkPreviewLarge: true,
		},
	],
	[
		'text ignores preview fields while preview is off',
		{
			type: 'text',
			text: 'Oi',
			textMessageOptions: { linkPreview: false, linkPreviewTitle: 'hidden' },
		},
		{ number: to, type: 'text', text: 'Oi' },
	],
	[
		'image from URL with caption',
		{ type: 'image', mediaSource: 'url', mediaUrl: 'https://x.com/a.jpg', caption: 'Nova coleção' },
		{ number: to, type: 'image', file: 'https://x.com/a.jpg', text: 'Nova coleção' },
	],
	[
		'video from base64',
		{ type: 'video', mediaSource: 'base64', mediaBase64: 'AAAAGGZ0eXBtcDQy' },
		{ number: to, type: 'video', file: 'AAAAGGZ0eXBtcDQy' },
	],
	[
		'videoplay',
		{ type: 'videoplay', mediaUrl: 'https://x.com/loop.mp4', caption: 'Loop' },
		{ number: to, type: 'videoplay', file: 'https://x.com/loop.mp4', text: 'Loop' },
	],
	[
		'audio (no caption field)',
		{ type: 'audio', mediaUrl: 'https://x.com/a.mp3', caption: 'dropped' },
		{ number: to, type: 'audio', file: 'https://x.com/a.mp3' },
	],
	[
		'ptt',
		{ type: 'ptt', mediaUrl: 'https://x.com/voz.ogg' },
		{ number: to, type: 'ptt', file: 'https://x.com/voz.ogg' },
	],
	[
		'myaudio',
		{ type: 'myaudio', mediaUrl: 'https://x.com/voz.ogg' },
		{ number: to, type: 'myaudio', file: 'https://x.com/voz.ogg' },
	],
	[
		'sticker',
		{ type: 'sticker', mediaUrl: 'https://x.com/s.webp' },
		{ number: to, type: 'sticker', file: 'https://x.com/s.webp' },
	],
	[
		'document from URL',
		{
			type: 'document',
			mediaUrl: 'https://example.com/doc.pdf',
			docName: 'Documento.pdf',
			caption: 'Seu boleto',
		},
		{
			number: to,
			type: 'document',
			file: 'https://example.com/doc.pdf',
			text: 'Seu boleto',
			docName: 'Documento.pdf',
		},
	],
	[
		'document from a binary property takes its file name and MIME type',
		{ type: 'document', mediaSource: 'binary', binaryProperty: 'boleto' },
		{
			number: to,
			type: 'document',
			file: PDF.toString('base64'),
			docName: 'boleto.pdf',
			mimetype: 'application/pdf',
		},
	],
	[
		'document from binary keeps an explicit file name',
		{ type: 'document', mediaSource: 'binary', docName: 'Fatura.pdf' },
		{
			number: to,
			type: 'document',
			file: PDF.toString('base64'),
			docName: 'Fatura.pdf',
			mimetype: 'application/pdf',
		},
	],
	[
		'contact',
		{
			type: 'contact',
			contactName: 'Maria Souza',
			contactPhones: '5511999999999, 5511888888888',
			contactMessageOptions: {
				contactOrganization: 'Loja',
				contactEmail: 'maria@loja.com',
				contactUrl: 'https://loja.com',
			},
		},
		{
			number: to,
			type: 'contact',
			fullName: 'Maria Souza',
			phoneNumber: '5511999999999, 5511888888888',
			organization: 'Loja',
			email: 'maria@loja.com',
			url: 'https://loja.com',
		},
	],
	[
		'location (numeric text from an expression)',
		{
			type: 'location',
			latitude: '-23.5505',
			longitude: -46.6333,
			locationMessageOptions: {
				locationName: 'Loja Paulista',
				locationAddress: 'Av. Paulista, 1000',
			},
		},
		{
			number: to,
			type: 'location',
			latitude: -23.5505,
			longitude: -46.6333,
			name: 'Loja Paulista',
			address: 'Av. Paulista, 1000',
		},
	],
	[
		'poll',
		{
			type: 'poll',
			pollQuestion: 'Qual dia?',
			pollOptions: { option: [{ text: 'Segunda' }, { text: 'Terça' }] },
			pollMessageOptions: { selectableCount: 2 },
		},
		{
			number: to,
			type: 'poll',
			text: 'Qual dia?',
			choices: ['Segunda', 'Terça'],
			selectableCount: 2,
		},
	],
	[
		'list with ids, descriptions and a row without id',
		{
			type: 'list',
			listText: 'Escolha',
			listButton: 'Ver',
			listMessageOptions: { footerText: 'Rodapé' },
			listSections: {
				section: [
					{
						title: 'Frutas',
						rows: {
							row: [
								{ title: 'Maçã', id: 'apple', description: 'Vermelha' },
								{ title: 'Banana' },
								{ title: 'Uva', description: 'Roxa' },
							],
						},
					},
				],
			},
		},
		{
			number: to,
			type: 'list',
			text: 'Escolha',
			listButton: 'Ver',
			footerText: 'Rodapé',
			choices: ['[Frutas]', 'Maçã|apple|Vermelha', 'Banana', 'Uva|Uva|Roxa'],
		},
	],
	[
		'buttons of every action',
		{
			type: 'button',
			buttonsText: 'Escolha',
			buttons: {
				button: [
					button('reply', 'Sim', { id: 'yes' }),
					button('reply', 'Talvez'),
					button('url', 'Site', { url: 'https://loja.com' }),
					button('copy', 'Cupom', { code: 'PROMO10' }),
					button('call', 'Ligar', { phone: '+55 (11) 99999-9999' }),
				],
			},
		},
		{
			number: to,
			type: 'button',
			text: 'Escolha',
			choices: [
				'Sim|yes',
				'Talvez',
				'Site|https://loja.com',
				'Cupom|copy:PROMO10',
				'Ligar|call:+5511999999999',
			],
		},
	],
	[
		'carousel card without body',
		{
			type: 'carousel',
			carouselText: 'Produtos',
			cards: {
				card: [
					{
						title: 'Caneca',
						image: 'https://x.com/c.jpg',
						buttons: { button: [button('reply', 'Quero', { id: 'caneca' })] },
					},
				],
			},
		},
		{
			number: to,
			type: 'carousel',
			text: 'Produtos',
			choices: ['[Caneca]', '{https://x.com/c.jpg}', 'Quero|caneca'],
		},
	],
	[
		'raw choices (expert mode) pass through',
		{
			type: 'button',
			buttonsText: 'Escolha',
			choicesInput: 'raw',
			rawChoices: '["A|a", "B|https://b.com"]',
		},
		{ number: to, type: 'button', text: 'Escolha', choices: ['A|a', 'B|https://b.com'] },
	],
	[
		'a message can go to another recipient',
		{
			type: 'text',
			text: 'Aviso ao grupo',
			textMessageOptions: { number: '120363012345678901@g.us' },
		},
		{ number: '120363012345678901@g.us', type: 'text', text: 'Aviso ao grupo' },
	],
];

describe('message builders', () => {
	it.each(BUILDS)('%s', async (_name, entry, expected) => {
		const message = await buildMessage(entry, to, context);
		expect(message).toEqual(expected);
		// What Fields mode builds is also valid uazapi JSON for JSON mode.
		expect(checkJsonMessage(message)).toEqual(expected);
	});

	it('asks for the coordinates of a location left empty, as the editor starts it', async () => {
		await expect(
			buildMessage({ type: 'location', latitude: '', longitude: '' }, to, context),
		).rejects.toMatchObject({
			field: 'Latitude',
			problem: 'is missing',
			fix: 'Enter the latitude.',
		});
	});

	it('cover all 15 sender types', () => {
		const built = new Set(BUILDS.map(([, entry]) => entry.type));
		expect([...built].sort()).toEqual([...SENDER_MESSAGE_TYPES].sort());
		expect(MESSAGE_TYPES.map((definition) => definition.type).sort()).toEqual(
			[...SENDER_MESSAGE_TYPES].sort(),
		);
	});
});

describe('message editor fields', () => {
	it('lists the types alphabetically with Text as default', () => {
		const typeField = messageEntryProperties[0];
		const names = (typeField.options as Array<{ name: string }>).map((option) => option.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		expect(typeField.default).toBe('text');
	});

	it('never shows two fields with the same name for one type', () => {
		for (const type of SENDER_MESSAGE_TYPES) {
			const visible = messageEntryProperties.filter((property) => {
				const types = property.displayOptions?.show?.type as string[] | undefined;
				return types === undefined || types.includes(type);
			});
			const names = visible.map((property) => property.name);
			expect({
				type,
				duplicates: names.filter((name, index) => names.indexOf(name) !== index),
			}).toEqual({ type, duplicates: [] });
		}
	});

	it('gives every type-specific field a type condition', () => {
		const unconditioned = messageEntryProperties
			.filter((property) => !property.displayOptions?.show?.type)
			.map((p) => p.name);
		expect(unconditioned).toEqual(['type']);
	});

	it.each([
		[
			'text',
			[
				'Extra Fields (JSON)',
				'Large Preview',
				'Link Preview',
				'Preview Description',
				'Preview Image',
				'Preview Title',
				'Recipient Override',
			],
		],
		['image', ['Extra Fields (JSON)', 'Recipient Override']],
		['document', ['Extra Fields (JSON)', 'Recipient Override']],
		['contact', ['Email', 'Extra Fields (JSON)', 'Organization', 'Recipient Override', 'Website']],
		['location', ['Address', 'Extra Fields (JSON)', 'Place Name', 'Recipient Override']],
		['poll', ['Extra Fields (JSON)', 'Footer', 'Recipient Override', 'Selectable Count']],
		['list', ['Extra Fields (JSON)', 'Footer', 'Recipient Override']],
		['button', ['Extra Fields (JSON)', 'Footer', 'Image', 'Recipient Override']],
		['carousel', ['Extra Fields (JSON)', 'Footer', 'Recipient Override']],
	])("keeps a %s message's optional fields behind Message Options: %j", (type, expected) => {
		const collections = messageEntryProperties.filter(
			(property) =>
				property.displayName === 'Message Options' &&
				(property.displayOptions?.show?.type as string[]).includes(type),
		);
		expect(collections).toHaveLength(1);
		expect(collections[0].type).toBe('collection');
		const options = collections[0].options as Array<{ displayName: string }>;
		expect(options.map((option) => option.displayName)).toEqual(expected);
	});

	it('shows the link preview details only once Link Preview is on', () => {
		const [textOptions] = messageEntryProperties.filter(
			(property) =>
				property.displayName === 'Message Options' &&
				(property.displayOptions?.show?.type as string[]).includes('text'),
		);
		const conditions = Object.fromEntries(
			(textOptions.options as Array<{ name: string; displayOptions?: object }>).map((option) => [
				option.name,
				option.displayOptions,
			]),
		);
		const previewOn = { show: { linkPreview: [true] } };
		expect(conditions).toEqual({
			extraFields: undefined,
			linkPreview: undefined,
			linkPreviewDescription: previewOn,
			linkPreviewImage: previewOn,
			linkPreviewLarge: previewOn,
			linkPreviewTitle: previewOn,
			number: undefined,
		});
	});

	/** The keys of a type's zod object, through refinements such as the location's 0/0 rule. */
	function schemaKeys(schema: unknown): string[] {
		let inner = schema as { shape?: Record<string, unknown>; _def: { schema?: unknown } };
		while (!inner.shape && inner._def.schema) inner = inner._def.schema as typeof inner;
		return Object.keys(inner.shape ?? {});
	}

	/** Entries that switch a label: a file from each media source, raw or built choices. */
	const VARIANTS: IDataObject[] = [
		{},
		{ mediaSource: 'base64' },
		{ mediaSource: 'binary' },
		{ choicesInput: 'raw' },
	];

	it.each(MESSAGE_TYPES.map((definition) => [definition.type, definition] as const))(
		'%s: every key of the schema has a label that is an editor field shown for the type',
		(type, definition) => {
			const shown = new Set(
				messageEntryProperties
					.filter((property) => {
						const types = property.displayOptions?.show?.type as string[] | undefined;
						return types === undefined || types.includes(type);
					})
					// A collection's options are fields too, e.g. Message Options › Extra Fields (JSON).
					.flatMap((property) => [
						property.displayName,
						...(property.type === 'collection'
							? (property.options as Array<{ displayName: string }>).map((o) => o.displayName)
							: []),
					]),
			);
			const missing: string[] = [];
			for (const key of schemaKeys(definition.schema)) {
				if (key === 'number' || key === 'type' || SEND_EXTRA_FIELDS.includes(key as never))
					continue;
				const label = definition.labels[key];
				for (const entry of VARIANTS) {
					const named = typeof label === 'function' ? label(entry) : label;
					// A label may name a part of a field after "›", e.g. Extra Fields (JSON) › "buttonText".
					if (named === undefined || !shown.has(named.split(' › ')[0])) {
						missing.push(`${key}: ${String(named)}`);
					}
				}
			}
			expect(missing).toEqual([]);
		},
	);
});
