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

/**
 * Lengths of national numbers (without the country code) in countries Brazilian businesses
 * message most; elsewhere 7 to 12 digits. A number that starts with the default country code and
 * has such a length after it is taken as already international.
 */
const NATIONAL_LENGTHS: Record<string, number[]> = {
	'55': [10, 11],
	'1': [10],
	'351': [9],
	'54': [10, 11],
	'595': [9],
	'598': [8],
	'56': [9],
	'57': [10],
	'51': [9],
	'52': [10],
	'34': [9],
	'44': [10],
	'39': [9, 10],
	'49': [10, 11],
};
const OTHER_NATIONAL_LENGTHS = [7, 8, 9, 10, 11, 12];
/** Without a country code, fewer digits than this cannot be an international number. */
const SHORTEST_WITHOUT_COUNTRY_CODE = 10;

/** How numbers written without a country code are completed (Options → Default Country Code). */
export interface NumberRules {
	countryCode?: string;
}

const NO_RULES: NumberRules = {};

function isInternational(digits: string, countryCode: string): boolean {
	if (!digits.startsWith(countryCode)) return false;
	const lengths = NATIONAL_LENGTHS[countryCode] ?? OTHER_NATIONAL_LENGTHS;
	return lengths.includes(digits.length - countryCode.length);
}

/** Digits as typed → digits with a country code, by the rules in README "Phone numbers". */
function international(
	typed: string,
	digits: string,
	rules: NumberRules,
	field: string,
	shown: string,
): string {
	const { countryCode } = rules;
	if (typed.startsWith('+')) return digits;
	if (digits.startsWith('00')) return digits.slice(2);
	const trunk = digits.startsWith('0');
	if (countryCode) {
		if (trunk) return countryCode + digits.slice(1);
		return isInternational(digits, countryCode) ? digits : countryCode + digits;
	}
	if (trunk || digits.length < SHORTEST_WITHOUT_COUNTRY_CODE) {
		throw new FieldProblem(
			field,
			`"${shown}" is written without a country code${trunk ? ' (it starts with the national 0)' : ''}`,
			'Set Options → Default Country Code (e.g. 55 for Brazil) to complete such numbers, or write them in full, e.g. 5511999999999.',
		);
	}
	return digits;
}

export function normaliseRecipient(
	value: unknown,
	field: string,
	rules: NumberRules = NO_RULES,
): string {
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
	const typed = trimmed.replace(FORMATTING, '');
	const digits = typed.replace(/^\+/, '');
	if (!/^\d+$/.test(digits)) {
		throw new FieldProblem(
			field,
			`"${trimmed}" is not a phone number`,
			'Use digits only, with country code (e.g. 5511999999999); spaces, dashes, dots, brackets and a leading + are removed for you.',
		);
	}
	const number = international(typed, digits, rules, field, trimmed);
	if (PHONE_DIGITS.test(number)) return number;
	throw new FieldProblem(
		field,
		`"${trimmed}" has ${number.length} digits${number === digits ? '' : ` with its country code (${number})`}; a WhatsApp number has 8 to 15`,
		'Include the country code and area code, e.g. 5511999999999 for a São Paulo mobile.',
	);
}
