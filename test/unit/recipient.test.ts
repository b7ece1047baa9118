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
		['1234567', 'has 7 digits'],
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
