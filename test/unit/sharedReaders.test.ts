import { isoTime, localTime } from '../../nodes/shared/time';
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

describe('localTime: a moment as the workflow time zone reads it, the zone named', () => {
	test.each([
		[
			Date.parse('2027-03-10T12:30:00Z'),
			'America/Sao_Paulo',
			'2027-03-10 09:30:00 America/Sao_Paulo (UTC-03:00)',
		],
		// New York on both sides of its daylight-saving change.
		[
			Date.parse('2027-01-15T14:00:00Z'),
			'America/New_York',
			'2027-01-15 09:00:00 America/New_York (UTC-05:00)',
		],
		[
			Date.parse('2027-07-15T13:00:00Z'),
			'America/New_York',
			'2027-07-15 09:00:00 America/New_York (UTC-04:00)',
		],
		[Date.parse('2027-07-15T13:00:00Z'), 'UTC', '2027-07-15 13:00:00 UTC (UTC+00:00)'],
	])('%p in %s → %s', (epochMs, zone, shown) => {
		expect(localTime(epochMs, zone)).toBe(shown);
	});
});
