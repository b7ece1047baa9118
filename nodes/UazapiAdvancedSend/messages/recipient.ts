import { FieldProblem } from '../../shared/problem';
import { describeValue } from '../../shared/text';

/**
 * Phone numbers are sent as digits only (country code first, e.g. 5511999999999). People paste
 * them from CRMs as "+55 (11) 99999-9999", so formatting characters are removed; anything else
 * that is not a digit is refused rather than guessed at.
 */
const FORMATTING = /[\s().-]/g;
const PHONE_DIGITS = /^\d{8,15}$/;
/** Chat IDs uazapi's sender documents: users, groups (new and legacy form) and LIDs. */
const CHAT_ID = /^(\d{8,15}@s\.whatsapp\.net|\d{8,20}(-\d{6,12})?@g\.us|\d{6,20}@lid)$/;

export function normaliseRecipient(value: unknown, field: string): string {
	if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) {
		value = String(value);
	}
	if (value === undefined || value === null) value = '';
	if (typeof value !== 'string') {
		throw new FieldProblem(
			field,
			`must be a phone number or chat ID, but it is ${describeValue(value)}`,
			"Map the contact's phone number, e.g. {{ $json.phone }}, or type it as 5511999999999.",
		);
	}
	const trimmed = value.trim();
	if (trimmed === '') {
		throw new FieldProblem(
			field,
			'is empty',
			"Enter the recipient's number with country code (e.g. 5511999999999), or check that the mapped field has a value for this item.",
		);
	}
	if (trimmed.includes('@')) {
		if (CHAT_ID.test(trimmed)) return trimmed;
		throw new FieldProblem(
			field,
			`"${trimmed}" is not a valid chat ID`,
			'Use digits followed by @s.whatsapp.net (a contact), @g.us (a group) or @lid, e.g. 120363012345678901@g.us.',
		);
	}
	const digits = trimmed.replace(/^\+/, '').replace(FORMATTING, '');
	if (PHONE_DIGITS.test(digits)) return digits;
	if (/^\d+$/.test(digits)) {
		throw new FieldProblem(
			field,
			`"${trimmed}" has ${digits.length} digits; a WhatsApp number has 8 to 15`,
			'Include the country code and area code, e.g. 5511999999999 for a São Paulo mobile.',
		);
	}
	throw new FieldProblem(
		field,
		`"${trimmed}" is not a phone number`,
		'Use digits only, with country code (e.g. 5511999999999); spaces, dashes, dots, brackets and a leading + are removed for you.',
	);
}
