import type { IDataObject, INodeProperties } from 'n8n-workflow';

/**
 * Message variants (README "Protecting your number"): other wordings of a message's text, so that
 * thousands of identical messages do not go out. Each recipient gets one wording, chosen from
 * the recipient's number and the wordings themselves: the same on every run (a re-run under a
 * Campaign Key, the dry run), whatever the order or number of the other contacts, and spread
 * evenly. Written as a list of alternatives (in JSON mode, "variants": [...] beside "text"), never
 * as a syntax inside the text that a CRM value could trigger.
 */

export const textVariantsField: INodeProperties = {
	displayName: 'Text Variants',
	name: 'textVariants',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true, sortable: true },
	placeholder: 'Add Variant',
	default: {},
	description:
		"Other wordings of the message's text: each recipient gets the text or one of these, the same one on every run. Map contact values in them as in the text.",
	options: [
		{
			displayName: 'Variant',
			name: 'variant',
			values: [
				{
					displayName: 'Text',
					name: 'text',
					type: 'string',
					typeOptions: { rows: 3 },
					default: '',
					placeholder: 'e.g. Olá {{ $json.name }}, tudo bem?',
				},
			],
		},
	],
};

/** FNV-1a, 32 bits: fast, and even enough over phone numbers for a choice among a few. */
function hash(text: string): number {
	let value = 0x811c9dc5;
	for (let index = 0; index < text.length; index++) {
		value ^= text.charCodeAt(index);
		value = Math.imul(value, 0x01000193);
	}
	return value >>> 0;
}

/** Which of the wordings a recipient gets: 0 is the message's own text. */
export function variantIndex(recipient: string, wordings: string[]): number {
	return hash(`${recipient}\u0000${wordings.join('\u0001')}`) % wordings.length;
}

/** The wordings, without empty ones: the editor's Text Variants, or JSON mode's list. */
function variantsOf(option: unknown): string[] {
	const entries = Array.isArray(option)
		? option
		: (option as { variant?: IDataObject[] } | undefined)?.variant?.map((entry) => entry?.text);
	if (!Array.isArray(entries)) return [];
	return entries.filter((text): text is string => typeof text === 'string' && text.trim() !== '');
}

/** The built message's text replaced by the recipient's wording, when the message has variants. */
export function withVariant(fields: IDataObject, option: unknown, recipient: string): IDataObject {
	const variants = variantsOf(option);
	if (variants.length === 0 || typeof fields.text !== 'string') return fields;
	const wordings = [fields.text, ...variants];
	return { ...fields, text: wordings[variantIndex(recipient, wordings)] };
}
