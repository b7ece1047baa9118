import { normaliseRecipient } from '../../nodes/UazapiAdvancedSend/messages';

describe('recipient numbers', () => {
	it.each([
		['5511999999999', '5511999999999'],
		['+55 (11) 99999-9999', '5511999999999'],
		['  55.11.99999.9999 ', '5511999999999'],
		[5511999999999, '5511999999999'],
		['5511999999999@s.whatsapp.net', '5511999999999@s.whatsapp.net'],
		['120363012345678901@g.us', '120363012345678901@g.us'],
		['5511999999999-1600000000@g.us', '5511999999999-1600000000@g.us'],
		['123456789012345@lid', '123456789012345@lid'],
	])('accepts %p as %p', (input, expected) => {
		expect(normaliseRecipient(input, 'Recipient')).toBe(expected);
	});

	it.each([
		['', 'is empty'],
		[undefined, 'is empty'],
		[null, 'is empty'],
		['55+11999999999', 'is not a phone number'],
		['5511 9999 abcd', 'is not a phone number'],
		['+1234567', 'has 7 digits'],
		['1234567', 'is written without a country code'],
		['1234567890123456', 'has 16 digits'],
		['5511999999999@c.us', 'is not a valid chat ID'],
		['abc@g.us', 'is not a valid chat ID'],
		[['5511999999999'], 'but it is a list'],
		[{ phone: '5511999999999' }, 'but it is an object'],
		[-5, 'but it is number -5'],
		[true, 'but it is boolean true'],
	])('refuses %p (%s)', (input, problem) => {
		expect(() => normaliseRecipient(input, 'Recipient')).toThrow(problem);
	});
});

/**
 * Numbers as Brazilian CRMs, spreadsheets and forms store them, with and without Options →
 * Default Country Code: [typed, with country code 55, without a country code].
 * "refused" means the item is refused, naming the field and pointing to the option.
 */
const SHAPES: Array<[string, unknown, string, string]> = [
	['BR mobile, national with DDD in brackets', '(11) 98765-4321', '5511987654321', '11987654321'],
	['BR mobile, national, spaces', '11 98765 4321', '5511987654321', '11987654321'],
	['BR mobile, national, digits only', '11987654321', '5511987654321', '11987654321'],
	['BR mobile, trunk 0', '011 98765-4321', '5511987654321', 'refused'],
	['BR mobile, trunk 0 and brackets', '(011) 98765-4321', '5511987654321', 'refused'],
	['BR mobile, international 00 prefix', '0055 11 98765-4321', '5511987654321', '5511987654321'],
	['BR mobile, +55', '+55 (11) 98765-4321', '5511987654321', '5511987654321'],
	['BR mobile, 55 without +', '55 11 98765 4321', '5511987654321', '5511987654321'],
	['BR mobile as a number value', 5511987654321, '5511987654321', '5511987654321'],
	['BR mobile without 9th digit, national', '(11) 8765-4321', '551187654321', '1187654321'],
	['BR mobile without 9th digit, international', '55 11 8765-4321', '551187654321', '551187654321'],
	['BR mobile without 9th digit, +55', '+55 11 8765 4321', '551187654321', '551187654321'],
	['BR landline, national', '(11) 3456-7890', '551134567890', '1134567890'],
	['BR landline, trunk 0', '0 11 3456 7890', '551134567890', 'refused'],
	['BR landline, +55', '+55 11 3456-7890', '551134567890', '551134567890'],
	['BR landline, dots', '11.3456.7890', '551134567890', '1134567890'],
	['BR mobile in DDD 55 (RS), national', '(55) 99876-5432', '5555998765432', '55998765432'],
	['BR landline in DDD 55 (RS), national', '(55) 3222-1234', '555532221234', '5532221234'],
	[
		'BR mobile in DDD 55 (RS), international',
		'+55 55 99876-5432',
		'5555998765432',
		'5555998765432',
	],
	['BR mobile without DDD', '98765-4321', '55987654321', 'refused'],
	['US number, +1', '+1 (415) 555-0100', '14155550100', '14155550100'],
	['US number, 001', '001 415 555 0100', '14155550100', '14155550100'],
	['Portugal, +351', '+351 912 345 678', '351912345678', '351912345678'],
	['Portugal, 00351', '00351912345678', '351912345678', '351912345678'],
	['UK, +44', '+44 20 7946 0958', '442079460958', '442079460958'],
	['Argentina mobile, +54 9', '+54 9 11 2345-6789', '5491123456789', '5491123456789'],
	[
		'contact JID',
		'5511987654321@s.whatsapp.net',
		'5511987654321@s.whatsapp.net',
		'5511987654321@s.whatsapp.net',
	],
	['group', '120363012345678901@g.us', '120363012345678901@g.us', '120363012345678901@g.us'],
	[
		'legacy group',
		'5511987654321-1600000000@g.us',
		'5511987654321-1600000000@g.us',
		'5511987654321-1600000000@g.us',
	],
	['LID', '123456789012345@lid', '123456789012345@lid', '123456789012345@lid'],
	['too short even with the code', '4321', 'refused', 'refused'],
	['letters', '(11) 9876-ABCD', 'refused', 'refused'],
	['too long', '+55 11 98765 4321 000', 'refused', 'refused'],
];

describe('Default Country Code', () => {
	it.each(SHAPES)('%s: %p → %s with 55, %s without', (_name, typed, withCode, without) => {
		const read = (rules?: { countryCode: string }) => () =>
			normaliseRecipient(typed, 'Recipient', rules);
		if (withCode === 'refused') expect(read({ countryCode: '55' })).toThrow(/^Recipient: /);
		else expect(read({ countryCode: '55' })()).toBe(withCode);
		if (without === 'refused') expect(read()).toThrow(/^Recipient: /);
		else expect(read()()).toBe(without);
	});

	it('points to the option when a number can only be national', () => {
		expect(() => normaliseRecipient('011 98765-4321', 'Recipient')).toThrow(
			expect.objectContaining({
				problem:
					'"011 98765-4321" is written without a country code (it starts with the national 0)',
				fix: expect.stringContaining('Options → Default Country Code'),
			}),
		);
	});
});
