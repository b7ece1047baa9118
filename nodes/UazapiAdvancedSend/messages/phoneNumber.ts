import { FieldProblem } from '../../shared/problem';
import { describeValue } from '../../shared/text';
import {
	getCountries,
	getCountryCallingCode,
	parsePhoneNumberFromString,
	type PhoneNumber,
} from './phoneLibrary';

/**
 * Phone numbers are sent as digits only, country code first (e.g. 5511999999999). People paste
 * them from CRMs as "+55 (11) 99999-9999" or as national numbers, "11 99999-9999". The rule: a
 * number is sent only when it is certain which country it belongs to (README "Phone numbers"):
 *
 * 1. Written with + or 00: international as written, if its length fits its country.
 * 2. Otherwise, with a Default Country Code: a valid national number of that country (a trunk 0
 *    allowed) is national. Our users' CRMs store national numbers, so this reading comes first.
 * 3. Otherwise, digits that form a valid number with their own country code are international.
 * 4. Anything else is refused, naming the number and how to write it.
 *
 * "Valid" is libphonenumber's per-country metadata, plus the form WhatsApp keeps for Brazilian
 * mobiles registered before the 9th digit (55 + area + 8 digits), which its chat check returns.
 */
const FORMATTING = /[\s().-]/g;
const PHONE_DIGITS = /^\d{8,15}$/;
/** Chat IDs uazapi's sender documents: users, groups (new and legacy form) and LIDs. */
const CHAT_ID = /^(\d{8,15}@s\.whatsapp\.net|\d{8,20}(-\d{6,12})?@g\.us|\d{6,20}@lid)$/;

/** How numbers written without a country code are completed. */
export interface NumberRules {
	countryCode?: string;
	/** Where the user sets the country code, as the fix names it. */
	setting?: string;
}

const NO_RULES: NumberRules = {};

let callingCodes: Set<string> | undefined;

/** Whether the digits are a country calling code in use (55, 1, 351…). */
export function isCountryCallingCode(code: string): boolean {
	callingCodes ??= new Set(getCountries().map((country) => getCountryCallingCode(country)));
	return callingCodes.has(code);
}
const DEFAULT_SETTING = 'Default Country Code';

/** A Brazilian mobile without its 9th digit: WhatsApp's own form for numbers from before 2016. */
function isBrazilianMobileWithout9(phone: PhoneNumber): boolean {
	const national = phone.nationalNumber as string;
	if (phone.countryCallingCode !== '55' || !/^\d\d[6-9]\d{7}$/.test(national)) return false;
	const with9 = `+55${national.slice(0, 2)}9${national.slice(2)}`;
	return parsePhoneNumberFromString(with9)?.isValid() === true;
}

function isValid(phone: PhoneNumber | undefined): phone is PhoneNumber {
	return phone !== undefined && (phone.isValid() || isBrazilianMobileWithout9(phone));
}

/** The number written with + or 00: its country is given, so only its length is checked. */
function explicitlyInternational(digits: string, field: string, shown: string): string {
	const phone = parsePhoneNumberFromString(`+${digits}`);
	if (phone?.isPossible()) return digits;
	throw new FieldProblem(
		field,
		phone
			? `"${shown}" does not have the length of a number of country code +${phone.countryCallingCode}`
			: `"${shown}" does not start with a country code`,
		'Check the number: after the + (or 00) come the country code, the area code and the number, e.g. +55 11 99999-9999.',
	);
}

/** Digits as typed → digits with a country code, by the rules above. */
function international(
	typed: string,
	digits: string,
	rules: NumberRules,
	field: string,
	shown: string,
): string {
	if (typed.startsWith('+')) return explicitlyInternational(digits, field, shown);
	if (digits.startsWith('00')) return explicitlyInternational(digits.slice(2), field, shown);
	const { countryCode } = rules;
	if (countryCode) {
		const national = parsePhoneNumberFromString(digits, { defaultCallingCode: countryCode });
		if (isValid(national)) return (national.number as string).slice(1);
	}
	if (!digits.startsWith('0') && isValid(parsePhoneNumberFromString(`+${digits}`))) return digits;
	const setting = rules.setting ?? DEFAULT_SETTING;
	throw new FieldProblem(
		field,
		countryCode
			? `"${shown}" is neither a valid number of country code +${countryCode} nor a valid number with its own country code`
			: `"${shown}" has no country code, so its country is unknown`,
		countryCode
			? `Check the number's digits, or write it with its country code, e.g. +${countryCode === '55' ? '55 11 99999-9999' : `${countryCode} …`}.`
			: `Set ${setting} (55 for Brazil) to complete national numbers, or write the number with its country code, e.g. +55 11 99999-9999.`,
	);
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
		`"${trimmed}" has ${number.length} digits; a WhatsApp number has 8 to 15`,
		'Include the country code and area code, e.g. 5511999999999 for a São Paulo mobile.',
	);
}
