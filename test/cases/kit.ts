import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';

/**
 * The values the generic property tests generate messages from. Each message type's own shapes
 * are in its cases file (test/cases/<type>.cases.ts); these are what the shapes are made of.
 */

// --- Builds (test/unit/messageTypes.test.ts) ---------------------------------------------

/** The recipient every built message goes to. */
export const TO = '5511999999999';
/** The file a binary property holds in the builds: a small PDF. */
export const PDF = Buffer.from('%PDF-1.4 test document');

/** A button as the button builder saves it. */
export const button = (kind: string, label: string, value: IDataObject = {}) => ({
	kind,
	label,
	...value,
});

// --- Campaign property test (test/property/campaign.property.test.ts) ---------------------

/** Text people paste: accents, emoji, formatting, grammar characters, chat IDs. */
export const SAMPLES = [
	'Olá, João! Promoção de verão ☀️',
	'Ação ñ ü ç ß',
	'😀🎉🚀👍🏽',
	'+55 (11) 99999-9999',
	'55 11 99999 9999',
	'55-11-99999-9999',
	'120363012345678901@g.us',
	'5511999999999@s.whatsapp.net',
	'a|b',
	'[Seção]',
	'{https://x.com/a.jpg}',
	'linha 1\nlinha 2',
	'0',
	'-1',
	'1e3',
	'null',
	'true',
	'https://example.com/catalogo.pdf',
	'data:image/png;base64,iVBORw0KGgo=',
	'aGVsbG8gd29ybGQ=',
	'copy:PROMO',
	'call:+5511999999999',
];

/** Wrong types, empty and blank strings, huge strings, odd numbers. */
export const garbage: fc.Arbitrary<unknown> = fc.oneof(
	fc.constantFrom<unknown>('', '   ', '\n', null, true, false, 0, -1, 1.5, [], {}, ['x'], { a: 1 }),
	fc.constantFrom(...SAMPLES),
	fc.integer(),
	fc.double(),
	fc.string({ unit: 'grapheme', maxLength: 20 }),
	fc.string({ unit: 'binary', maxLength: 12 }),
	fc.string({ unit: 'grapheme-ascii', minLength: 4090, maxLength: 4200 }),
	fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }),
);

/** Usually the valid value, sometimes garbage; always the valid value in a clean campaign. */
export type ValuePicker = <T>(valid: fc.Arbitrary<T>) => fc.Arbitrary<T | unknown>;
export const picker =
	(clean: boolean): ValuePicker =>
	(valid) =>
		clean ? valid : fc.oneof({ arbitrary: valid, weight: 5 }, { arbitrary: garbage, weight: 1 });

export const words = fc.oneof(
	{ arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), weight: 3 },
	{ arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 40 }), weight: 3 },
	{ arbitrary: fc.constantFrom(...SAMPLES), weight: 2 },
);
/** Labels for the choices grammar: mostly plain, sometimes with grammar characters. */
export const label = fc.oneof(
	{ arbitrary: fc.stringMatching(/^[A-Za-zÀ-ú0-9][A-Za-zÀ-ú0-9 !?.,-]{0,18}$/), weight: 8 },
	{ arbitrary: fc.constantFrom('Olá 😀', 'a|b', '[x', '{y', 'x\ny', ' ', 'Promoção'), weight: 1 },
);
/** Valid numbers with their country code: Brazilian mobiles and landlines, the USA, Portugal. */
const digits = fc.oneof(
	fc.stringMatching(/^55(11|19|21|31|41|48|51|61|71|81|85|91)9[6-9]\d{7}$/),
	fc.stringMatching(/^55(11|19|21|31|41|48|51|61|71|81|85|91)[2-5]\d{7}$/),
	fc.stringMatching(/^1(212|305|312|415|646)[2-9]\d{6}$/),
	fc.stringMatching(/^3519[1236]\d{7}$/),
);
export const phone = fc
	.tuple(digits, fc.constantFrom('plain', 'plus', 'spaced', 'dashed', 'brackets', 'number'))
	.map(([number, style]): unknown => {
		if (style === 'plus') return `+${number}`;
		if (style === 'spaced') return `${number.slice(0, 2)} ${number.slice(2, 4)} ${number.slice(4)}`;
		if (style === 'dashed') return `${number.slice(0, 4)}-${number.slice(4)}`;
		if (style === 'brackets')
			return `+${number.slice(0, 2)} (${number.slice(2, 4)}) ${number.slice(4)}`;
		if (style === 'number') return Number(number);
		return number;
	});
export const recipient: fc.Arbitrary<unknown> = fc.oneof(
	{ arbitrary: phone, weight: 6 },
	{ arbitrary: fc.stringMatching(/^\d{18}@g\.us$/), weight: 1 },
	{ arbitrary: fc.stringMatching(/^\d{12}@s\.whatsapp\.net$/), weight: 1 },
	{ arbitrary: fc.stringMatching(/^\d{15}@lid$/), weight: 1 },
);
export const url = fc.oneof(
	fc.webUrl({ validSchemes: ['https', 'http'] }),
	fc.constantFrom('https://example.com/a.jpg', 'http://x.com/c.pdf?v=1'),
);
export const base64 = fc.base64String({ minLength: 4, maxLength: 40 });
export const fileRef = fc.oneof({ arbitrary: url, weight: 3 }, { arbitrary: base64, weight: 1 });
export const phoneList = fc
	.array(phone.map(String), { minLength: 1, maxLength: 3 })
	.map((numbers) => numbers.join(', '));
export const latitude = fc.double({ min: -90, max: 90, noNaN: true });
export const longitude = fc.double({ min: -180, max: 180, noNaN: true });

/** One button in the choices grammar: reply, URL, copy or call. */
export const buttonChoice = fc.oneof(
	label,
	fc.tuple(label, label).map(([text, id]) => `${text}|${id}`),
	fc.tuple(label, url).map(([text, link]) => `${text}|${link}`),
	fc.tuple(label, label).map(([text, code]) => `${text}|copy:${code}`),
	label.map((text) => `${text}|call:+5511999999999`),
);
/** Choices that ignore the grammar, for dirty campaigns. */
export const looseChoices = fc.array(
	fc.oneof(label, buttonChoice, fc.constantFrom('[S]', '{x}', '')),
	{
		maxLength: 14,
	},
);

/** A button as the editor's button builder saves it. */
const buttonEntry = (pick: ValuePicker) =>
	fc.record(
		{
			kind: pick(fc.constantFrom('reply', 'url', 'copy', 'call')),
			label: pick(label),
			id: pick(label),
			url: pick(url),
			code: pick(label),
			phone: pick(fc.constantFrom('+5511999999999', '55 (11) 98888-7777', '5511977776666')),
		},
		{ requiredKeys: ['label'] },
	);
export const buttons = (pick: ValuePicker, min: number) =>
	fc.array(buttonEntry(pick), { minLength: min, maxLength: 3 }).map((button) => ({ button }));

/** What a type's campaign shapes are given: the picker (valid value or garbage) and the values. */
export interface CampaignKit {
	pick: ValuePicker;
	/** Choices in the grammar, or in a dirty campaign sometimes choices that ignore it. */
	choices: (structured: fc.Arbitrary<string[]>) => fc.Arbitrary<unknown>;
}

export function campaignKit(pick: ValuePicker, clean: boolean): CampaignKit {
	return {
		pick,
		choices: (structured) => pick(clean ? structured : fc.oneof(structured, looseChoices)),
	};
}

// --- Parity property test (test/property/parity.property.test.ts) -------------------------
// Values of the right JSON type that often break a rule: empty, too long, wrong counts.

const long = (length: number) => 'x'.repeat(length);
const parityText = fc.oneof(
	{ arbitrary: fc.stringMatching(/^[A-Za-zÀ-ú0-9][A-Za-zÀ-ú0-9 !?.,-]{0,30}$/), weight: 6 },
	{ arbitrary: fc.constantFrom('', '   ', long(1025), long(4097), 'Olá 😀', 'a|b'), weight: 2 },
);
const optional = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: undefined, freq: 3 });
const parityUrl = fc.constantFrom('https://example.com/a.jpg', 'http://x.com/c.pdf?v=1');
const goodFile = fc.oneof(
	parityUrl,
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
const parityLabel = fc.constantFrom('Sim', 'Não', 'Ver', 'Comprar agora', '');
const parityChoices = fc.oneof(
	fc.array(
		fc.oneof(
			parityLabel,
			parityLabel.map((value) => `${value}|id-${value.length}`),
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

/** What a type's parity shape is made of. */
export const PARITY = {
	text: parityText,
	optional,
	file,
	optionalFile,
	choices: parityChoices,
	long,
};
export type ParityKit = typeof PARITY;
