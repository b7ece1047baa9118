import { isoTime } from '../../nodes/shared/time';
import { phoneOf } from '../../nodes/shared/whatsappIds';

describe('phoneOf: the one reading of a WhatsApp id as a phone number', () => {
	test.each([
		['5511900000002@s.whatsapp.net', '5511900000002'],
		['5511900000002:3@s.whatsapp.net', '5511900000002'],
		['5511900000002@c.us', '5511900000002'],
		['5511900000002', '5511900000002'],
		['+5511900000002', '5511900000002'],
		[' 5511900000002 ', '5511900000002'],
		['100000000000002@lid', null],
		['120363000000000001@g.us', null],
		['5511900000002-1600000000@g.us', null],
		['', null],
		[undefined, null],
		[5511900000002, null],
	])('%p → %p', (id, phone) => {
		expect(phoneOf(id)).toBe(phone);
	});
});

describe('isoTime', () => {
	test.each([
		[1767225604000, 'ms', '2026-01-01T00:00:04.000Z'],
		[1767225604, 's', '2026-01-01T00:00:04.000Z'],
		[1767225604000, 's', '2026-01-01T00:00:04.000Z'],
		['1767225604', 's', '2026-01-01T00:00:04.000Z'],
		[0, 's', null],
		['', 'ms', null],
		[undefined, 'ms', null],
		['soon', 's', null],
	] as const)('%p in %s → %p', (value, unit, iso) => {
		expect(isoTime(value, unit)).toBe(iso);
	});
});
