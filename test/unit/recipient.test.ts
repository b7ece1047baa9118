import { isCountryCallingCode, normaliseRecipient } from '../../nodes/UazapiAdvancedSend/messages';

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
		['+1234567', 'does not have the length of a number of country code +1'],
		['1234567', 'has no country code'],
		['1234567890123456', 'has no country code'],
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
 * Numbers as Brazilian CRMs, spreadsheets and forms store them, against Default Country Code
 * none / 55 / 1 / 351: [shape, typed, sent with none, with 55, with 1, with 351]. "refused"
 * means the item is refused, naming the field, the number and how to fix it.
 */
const R = 'refused';
const SHAPES: Array<[string, unknown, string, string, string, string]> = [
	['BR mobile, national, DDD in brackets', '(11) 98765-4321', R, '5511987654321', R, R],
	['BR mobile, national, spaces', '11 98765 4321', R, '5511987654321', R, R],
	['BR mobile, national, digits only', '11987654321', R, '5511987654321', R, R],
	["BR mobile, the issue's example", '11 99999-0003', R, '5511999990003', R, R],
	['BR mobile, trunk 0', '011 98765-4321', R, '5511987654321', R, R],
	['BR mobile, trunk 0 and brackets', '(011) 98765-4321', R, '5511987654321', R, R],
	['BR mobile, 00 prefix', '0055 11 98765-4321', ...all('5511987654321')],
	['BR mobile, +55', '+55 (11) 98765-4321', ...all('5511987654321')],
	['BR mobile, 55 without +', '55 11 98765 4321', ...all('5511987654321')],
	['BR mobile as a number value', 5511987654321, ...all('5511987654321')],
	['BR mobile without 9th digit, national', '(11) 8765-4321', R, '551187654321', R, R],
	['BR mobile without 9th digit, 55', '55 11 8765-4321', ...all('551187654321')],
	['BR mobile without 9th digit, +55', '+55 11 8765 4321', ...all('551187654321')],
	['BR landline, national', '(11) 3456-7890', R, '551134567890', R, R],
	['BR landline, trunk 0', '0 11 3456 7890', R, '551134567890', R, R],
	['BR landline, +55', '+55 11 3456-7890', ...all('551134567890')],
	['BR mobile in DDD 55 (RS), national', '(55) 99876-5432', R, '5555998765432', R, R],
	['BR landline in DDD 55 (RS), national', '(55) 3222-1234', R, '555532221234', R, R],
	['BR mobile in DDD 55 (RS), +55', '+55 55 99876-5432', ...all('5555998765432')],
	[
		'BR mobile in DDD 51, national (also a Peruvian mobile)',
		'(51) 98765-4321',
		'51987654321',
		'5551987654321',
		'51987654321',
		'51987654321',
	],
	['BR mobile without DDD', '98765-4321', R, R, R, R],
	['US number, national', '(415) 555-0100', R, '554155550100', '14155550100', R],
	['US number, 1 without +', '1 415 555 0100', ...all('14155550100')],
	['US number, +1', '+1 (415) 555-0100', ...all('14155550100')],
	['US number, 001', '001 415 555 0100', ...all('14155550100')],
	['Portugal mobile, national', '912 345 678', R, R, R, '351912345678'],
	['Portugal, 351 without +', '351 912 345 678', ...all('351912345678')],
	['Portugal, +351', '+351 912 345 678', ...all('351912345678')],
	['Portugal, 00351', '00351912345678', ...all('351912345678')],
	['UK, +44', '+44 20 7946 0958', ...all('442079460958')],
	['Argentina mobile, +54 9', '+54 9 11 2345-6789', ...all('5491123456789')],
	['contact JID', '5511987654321@s.whatsapp.net', ...all('5511987654321@s.whatsapp.net')],
	['group', '120363012345678901@g.us', ...all('120363012345678901@g.us')],
	['legacy group', '5511987654321-1600000000@g.us', ...all('5511987654321-1600000000@g.us')],
	['LID', '123456789012345@lid', ...all('123456789012345@lid')],
	['too short', '4321', R, R, R, R],
	['+ and too short for its country', '+1234567', R, R, R, R],
	['letters', '(11) 9876-ABCD', R, R, R, R],
	['too long', '+55 11 98765 4321 000', R, R, R, R],
];

function all(sent: string): [string, string, string, string] {
	return [sent, sent, sent, sent];
}

describe('Default Country Code', () => {
	it.each(SHAPES)('%s: %p → none %s, 55 %s, 1 %s, 351 %s', (_name, typed, ...expected) => {
		['', '55', '1', '351'].forEach((countryCode, column) => {
			const read = () => normaliseRecipient(typed, 'Recipient', { countryCode });
			if (expected[column] === R) expect(read).toThrow(/^Recipient: "/);
			else expect(read()).toBe(expected[column]);
		});
	});

	it('names the setting when a number has no country code and none is set', () => {
		const rules = { setting: 'Options → Default Country Code' };
		expect(() => normaliseRecipient('11 99999-0003', 'Recipient', rules)).toThrow(
			expect.objectContaining({
				problem: '"11 99999-0003" has no country code, so its country is unknown',
				fix: expect.stringContaining('Set Options → Default Country Code (55 for Brazil)'),
			}),
		);
	});

	it('says which country code a number does not fit', () => {
		expect(() => normaliseRecipient('98765-4321', 'Recipient', { countryCode: '55' })).toThrow(
			expect.objectContaining({
				problem:
					'"98765-4321" is neither a valid number of country code +55 nor a valid number with its own country code',
				fix: expect.stringContaining('+55 11 99999-9999'),
			}),
		);
	});
});

describe('country calling codes', () => {
	it.each([
		['55', true],
		['1', true],
		['351', true],
		['44', true],
		['999', false],
		['0', false],
		['5', false],
	])('%s is a calling code in use: %p', (code, known) => {
		expect(isCountryCallingCode(code)).toBe(known);
	});
});
