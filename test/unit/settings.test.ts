import {
	campaignFields,
	jsonCampaignFields,
	scheduledAt,
	toEpochMs,
	type CampaignParameters,
} from '../../nodes/UazapiAdvancedSend/campaign/campaignFields';

const NOW = Date.UTC(2026, 10, 27, 12, 0, 0);
const base: CampaignParameters = { delayMin: 3, delayMax: 6, info: '', schedule: 'now' };
const fields = (overrides: Partial<CampaignParameters>, zone = 'America/Sao_Paulo') =>
	campaignFields({ ...base, ...overrides }, NOW, zone);

describe('campaign settings', () => {
	it('sends delays and no schedule for "Immediately", and omits an empty description', () => {
		expect(fields({})).toEqual({ delayMin: 3, delayMax: 6 });
	});

	it('keeps a description and accepts delays typed as text by an expression', () => {
		expect(fields({ info: ' Natal ', delayMin: '0', delayMax: '0' })).toEqual({
			delayMin: 0,
			delayMax: 0,
			info: 'Natal',
		});
	});

	it('sends "in N minutes" as the minute count uazapi documents', () => {
		expect(fields({ schedule: 'inMinutes', scheduleInMinutes: 1 })).toMatchObject({
			scheduled_for: 1,
		});
		expect(fields({ schedule: 'inMinutes', scheduleInMinutes: '43200' })).toMatchObject({
			scheduled_for: 43200,
		});
		expect(() => fields({ schedule: 'inMinutes', scheduleInMinutes: 43201 })).toThrow(
			'must be a whole number from 1 to 43200',
		);
		expect(() => fields({ schedule: 'inMinutes', scheduleInMinutes: 2.5 })).toThrow(
			'Minutes From Now',
		);
	});

	it.each([
		[
			'picker value in the workflow zone',
			'2026-12-01T09:00:00',
			'America/Sao_Paulo',
			Date.UTC(2026, 11, 1, 12, 0, 0),
		],
		[
			'picker value in a zone with summer time',
			'2027-07-01T09:00:00',
			'Europe/Lisbon',
			Date.UTC(2027, 6, 1, 8, 0, 0),
		],
		[
			'ISO text with an offset',
			'2026-12-01T09:00:00-03:00',
			'Europe/Lisbon',
			Date.UTC(2026, 11, 1, 12, 0, 0),
		],
		['UTC text', '2026-12-01T12:00:00.000Z', 'Asia/Tokyo', Date.UTC(2026, 11, 1, 12, 0, 0)],
		['a date without time', '2026-12-01', 'UTC', Date.UTC(2026, 11, 1)],
		['unix milliseconds', Date.UTC(2026, 11, 1, 12), 'UTC', Date.UTC(2026, 11, 1, 12)],
		['a JS Date', new Date(Date.UTC(2026, 11, 1, 12)), 'UTC', Date.UTC(2026, 11, 1, 12)],
		[
			'a luxon-like DateTime',
			{ toMillis: () => Date.UTC(2026, 11, 1, 12) },
			'UTC',
			Date.UTC(2026, 11, 1, 12),
		],
	])('reads a date-time given as %s', (_name, value, zone, expected) => {
		expect(toEpochMs(value, zone)).toBe(expected);
		expect(fields({ schedule: 'at', scheduledAt: value }, zone)).toMatchObject({
			scheduled_for: expected,
		});
	});

	it('treats a time less than a minute ago as "now" and refuses anything older', () => {
		expect(fields({ schedule: 'at', scheduledAt: new Date(NOW - 30_000) })).toEqual({
			delayMin: 3,
			delayMax: 6,
		});
		expect(() => fields({ schedule: 'at', scheduledAt: new Date(NOW - 5 * 60_000) })).toThrow(
			'is 5 minutes in the past (2026-11-27T11:55:00.000Z)',
		);
	});

	it.each([
		['exactly now', 0, undefined],
		['59 seconds ahead', 59_000, undefined],
		['59 seconds ago', -59_000, undefined],
		['a minute ahead', 60_000, NOW + 60_000],
		['an hour ahead', 3600_000, NOW + 3600_000],
	])('sends a date-time %s as %s', (_name, offset, expected) => {
		const scheduled = fields({ schedule: 'at', scheduledAt: NOW + offset }).scheduled_for;
		expect(scheduled).toBe(expected);
		expect(scheduledAt(NOW + offset, NOW)).toBe(expected);
	});

	it('refuses a number with more digits than a millisecond timestamp', () => {
		expect(() => fields({ schedule: 'at', scheduledAt: NOW * 1000 })).toThrow(
			'which is not a date in milliseconds (too many digits)',
		);
	});

	it('refuses what is not a date', () => {
		expect(() => fields({ schedule: 'at', scheduledAt: 'amanhã' })).toThrow(
			'is not a date and time: the text "amanhã"',
		);
		expect(() => fields({ schedule: 'at', scheduledAt: '' })).toThrow('Send At');
	});

	it('checks the delays', () => {
		expect(() => fields({ delayMin: -1 })).toThrow('Delay Min (Seconds)');
		expect(() => fields({ delayMax: 'ten' })).toThrow('but it is the text "ten"');
		expect(() => fields({ delayMin: 7, delayMax: 6 })).toThrow('(7) is greater than Delay Max (6)');
	});
});

describe('campaign fields of a whole JSON body', () => {
	it('takes the documented fields', () => {
		expect(
			jsonCampaignFields(
				{ delayMin: 1, delayMax: 2, info: 'x', scheduled_for: 5, messages: [] },
				NOW,
			),
		).toEqual({
			delayMin: 1,
			delayMax: 2,
			info: 'x',
			scheduled_for: 5,
		});
		expect(jsonCampaignFields({ scheduled_for: NOW + 3600_000, messages: [] }, NOW)).toEqual({
			scheduled_for: NOW + 3600_000,
		});
	});

	it('sends a timestamp within a minute of now as "immediately"', () => {
		expect(jsonCampaignFields({ scheduled_for: NOW + 5_000, messages: [] }, NOW)).toEqual({});
	});

	it.each([
		[{ scheduled_for: NOW * 1000 }, 'is neither minutes from now'],
		[{ scheduled_for: 8640000000000001 }, 'is neither minutes from now'],
		[{ scheduled_for: Math.floor(NOW / 1000) }, 'is neither minutes from now'],
		[{ scheduled_for: NOW - 3600_000 }, 'is neither minutes from now'],
		[{ scheduled_for: '5' }, 'is neither minutes from now'],
		[{ delayMin: -3 }, '"delayMin"'],
		[{ info: 42 }, 'must be text, but it is number 42'],
		[{ folder: 'x' }, '"folder": is not a field of a /sender/advanced body'],
	])('refuses %j', (body, problem) => {
		expect(() => jsonCampaignFields({ ...body, messages: [] }, NOW)).toThrow(problem);
	});
});
