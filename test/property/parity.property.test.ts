import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';

import { SENDER_MESSAGE_TYPES } from '../../nodes/shared/contract';
import {
	buildMessage,
	checkJsonMessage,
	FieldProblem,
	type BuildContext,
} from '../../nodes/UazapiAdvancedSend/messages';
import { savedEntry } from '../helpers/savedEntry';

/**
 * The schema is the only gate: a message written as JSON and the same message built in the
 * editor are accepted or refused alike, for all 15 types. Messages are generated with values of
 * the right JSON type but often breaking a rule (empty, too long, not an e-mail, 0/0, wrong
 * counts, broken choices, wrong MIME type, too big), then turned into the editor entry that
 * builds them. A rule kept in a builder but not in the schema makes the two disagree.
 */

const NUMBER = '5511999999999';
const noBinary: BuildContext = {
	readBinary: () => Promise.reject(new Error('not used: files come as URL or base64 here')),
};

const long = (length: number) => 'x'.repeat(length);
const text = fc.oneof(
	{ arbitrary: fc.stringMatching(/^[A-Za-zÀ-ú0-9][A-Za-zÀ-ú0-9 !?.,-]{0,30}$/), weight: 6 },
	{ arbitrary: fc.constantFrom('', '   ', long(1025), long(4097), 'Olá 😀', 'a|b'), weight: 2 },
);
const optional = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: undefined, freq: 3 });
const url = fc.constantFrom('https://example.com/a.jpg', 'http://x.com/c.pdf?v=1');
const goodFile = fc.oneof(
	url,
	fc.constantFrom('aGVsbG8gd29ybGQ=', 'data:image/png;base64,iVBORw0KGgo='),
);
const file = fc.oneof(
	{ arbitrary: goodFile, weight: 6 },
	{ arbitrary: fc.constantFrom('', 'nope', 'ftp://x.com/a', 'not base64!'), weight: 3 },
	// 17 MB as base64: above WhatsApp's limit for every type but documents.
	{ arbitrary: fc.constant('A'.repeat(Math.ceil((17 * 1024 * 1024) / 3) * 4)), weight: 1 },
);
/**
 * An optional file: never blank, because the editor leaves a blank field out while JSON would
 * send it; that is a difference in what is sent, not in the rules.
 */
const optionalFile = optional(fc.oneof(goodFile, fc.constantFrom('nope', 'ftp://x.com/a')));
const label = fc.constantFrom('Sim', 'Não', 'Ver', 'Comprar agora', '');
const choices = fc.oneof(
	fc.array(
		fc.oneof(
			label,
			label.map((value) => `${value}|id-${value.length}`),
			fc.constantFrom('Site|https://loja.com', 'Cupom|copy:PROMO', 'Ligar|call:+5511999999999'),
			fc.constantFrom('[Seção]', '[Card\nTexto]', '{https://x.com/c.jpg}', '|sem rótulo'),
		),
		{ maxLength: 14 },
	),
	fc.constant(['[Caneca]', '{https://x.com/c.jpg}', 'Quero|caneca']),
	fc.constant(['[Frutas]', 'Maçã|apple|Vermelha']),
	fc.constant(['Ver|https://loja.com', 'Sim|sim']),
	fc.constant(['Segunda', 'Terça']),
);
const extras = fc.record(
	{
		track_id: fc.oneof(fc.constant('crm-1'), fc.constant('')),
		delay: fc.constantFrom(0, 3000, -1, 1.5),
		forward: fc.boolean(),
		buttonText: text,
	},
	{ requiredKeys: [] },
);

/** A message of a type, the key → editor parameter map that builds it, and its extras. */
function messageOfType(type: string): fc.Arbitrary<IDataObject> {
	const base = { number: fc.constant(NUMBER), type: fc.constant(type) };
	const CAPTIONED = ['image', 'video', 'videoplay', 'document'];
	const shapes: Record<string, Record<string, fc.Arbitrary<unknown>>> = {
		text: {
			text,
			linkPreview: fc.constant(true),
			linkPreviewTitle: optional(text),
			linkPreviewImage: optionalFile,
		},
		contact: {
			fullName: text,
			phoneNumber: fc.constantFrom('5511999999999', '5511999999999, 5511888888888', 'abc', ''),
			email: optional(fc.constantFrom('maria@example.com', 'nope', 'maria@')),
			url: optional(fc.constantFrom('https://example.com', long(3000))),
		},
		location: {
			latitude: fc.constantFrom(0, -23.5505, 91, -90),
			longitude: fc.constantFrom(0, -46.6333, 181),
			name: optional(text),
		},
		poll: {
			text,
			choices,
			selectableCount: fc.constantFrom(1, 2, 0, 1.5, 20),
			footerText: optional(text),
		},
		list: { text, listButton: text, footerText: optional(text), choices },
		button: { text, footerText: optional(text), imageButton: optionalFile, choices },
		carousel: { text, footerText: optional(text), choices },
	};
	const media = {
		file,
		...(CAPTIONED.includes(type) ? { text: optional(text) } : {}),
		...(type === 'document' ? { docName: optional(text) } : {}),
	};
	const shape = shapes[type] ?? media;
	const required = Object.keys(shape).filter(
		(key) => !['linkPreviewTitle', 'linkPreviewImage', 'email', 'url', 'name'].includes(key),
	);
	return fc
		.tuple(
			fc.record(
				{ ...base, ...shape },
				{ requiredKeys: [...required, 'number', 'type'] as never[] },
			),
			extras,
		)
		.map(([message, extra]) => {
			const withExtras: IDataObject = { ...message };
			for (const [key, value] of Object.entries(extra)) {
				if (key !== 'buttonText' || ['poll', 'list', 'button', 'carousel'].includes(type))
					withExtras[key] = value;
			}
			for (const key of Object.keys(withExtras))
				if (withExtras[key] === undefined) delete withExtras[key];
			return withExtras;
		});
}

/** uazapi key → editor parameter, per type; choices go through Raw Choices. */
const EDITOR_NAMES: Record<string, Record<string, string>> = {
	text: {
		text: 'text',
		linkPreview: 'linkPreview',
		linkPreviewTitle: 'linkPreviewTitle',
		linkPreviewImage: 'linkPreviewImage',
	},
	contact: {
		fullName: 'contactName',
		phoneNumber: 'contactPhones',
		email: 'contactEmail',
		url: 'contactUrl',
	},
	location: { latitude: 'latitude', longitude: 'longitude', name: 'locationName' },
	poll: { text: 'pollQuestion', selectableCount: 'selectableCount', footerText: 'footerText' },
	list: { text: 'listText', listButton: 'listButton', footerText: 'footerText' },
	button: { text: 'buttonsText', footerText: 'footerText', imageButton: 'buttonsImage' },
	carousel: { text: 'carouselText', footerText: 'footerText' },
};
const MEDIA_NAMES = { text: 'caption', docName: 'docName' };
const EXTRAS = ['track_id', 'delay', 'forward', 'buttonText'];

/** The editor entry that builds this message. */
function editorEntry(message: IDataObject): IDataObject {
	const type = message.type as string;
	const names: Record<string, string> = EDITOR_NAMES[type] ?? MEDIA_NAMES;
	const entry: IDataObject = { type };
	const extra: IDataObject = {};
	for (const [key, value] of Object.entries(message)) {
		if (key === 'number' || key === 'type') continue;
		if (EXTRAS.includes(key)) extra[key] = value;
		else if (key === 'choices') {
			entry.choicesInput = 'raw';
			entry.rawChoices = JSON.stringify(value);
		} else if (key === 'file') {
			const isUrl = /^https?:|^ftp:|^nope$|^$/.test(value as string);
			entry.mediaSource = isUrl ? 'url' : 'base64';
			entry[isUrl ? 'mediaUrl' : 'mediaBase64'] = value;
		} else entry[names[key]] = value;
	}
	const options = Object.keys(extra).length > 0 ? { extraFields: JSON.stringify(extra) } : {};
	return savedEntry(entry, options);
}

async function verdict(run: () => IDataObject | Promise<IDataObject>): Promise<string> {
	try {
		await run();
		return 'accepted';
	} catch (error) {
		expect(error).toBeInstanceOf(FieldProblem);
		return 'refused';
	}
}

describe('one gate: editor and JSON accept the same messages', () => {
	it.each(SENDER_MESSAGE_TYPES.map((type) => [type]))('%s', async (type) => {
		const seen = { accepted: 0, refused: 0 };
		await fc.assert(
			fc.asyncProperty(messageOfType(type), async (message) => {
				const fromJson = await verdict(() => checkJsonMessage(message));
				const fromEditor = await verdict(() =>
					buildMessage(editorEntry(message), NUMBER, noBinary),
				);
				seen[fromJson as keyof typeof seen]++;
				if (fromJson !== fromEditor) {
					throw new Error(
						`JSON ${fromJson}, editor ${fromEditor}: ${JSON.stringify(message).slice(0, 300)}`,
					);
				}
			}),
			{ numRuns: 300 },
		);
		// The generator must exercise both verdicts, or the property says little.
		expect(seen.accepted).toBeGreaterThan(10);
		expect(seen.refused).toBeGreaterThan(10);
	});
});
