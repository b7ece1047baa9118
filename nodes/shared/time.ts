/**
 * A unix time as ISO 8601. uazapi writes some times in milliseconds and some in seconds: with
 * unit 's', a number too small to be milliseconds is read as seconds.
 */
export function isoTime(value: unknown, unit: 'ms' | 's'): string | null {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isFinite(number) || number <= 0) return null;
	const date = new Date(unit === 's' && number < 1e12 ? number * 1000 : number);
	return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The wall clock of a time zone at an instant: its year, month, day, hours… and UTC offset. */
export function wallClock(
	epochMs: number,
	timeZone: string,
): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'timeZoneName', string> {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
		timeZoneName: 'longOffset',
	}).formatToParts(new Date(epochMs));
	const part = (type: Intl.DateTimeFormatPartTypes) =>
		parts.find((candidate) => candidate.type === type)?.value ?? '';
	return {
		year: part('year'),
		month: part('month'),
		day: part('day'),
		hour: part('hour'),
		minute: part('minute'),
		second: part('second'),
		timeZoneName: part('timeZoneName'),
	};
}

/**
 * A moment as people in the workflow's time zone read it, the zone named:
 * "2026-12-08 09:00:00 America/Sao_Paulo (UTC-03:00)". Shown beside the unix time that is sent.
 */
export function localTime(epochMs: number, timeZone: string): string {
	const { year, month, day, hour, minute, second, timeZoneName } = wallClock(epochMs, timeZone);
	// "GMT-03:00", or "GMT" alone for UTC itself.
	const offset =
		timeZoneName === 'GMT' || timeZoneName === ''
			? 'UTC+00:00'
			: timeZoneName.replace('GMT', 'UTC');
	return `${year}-${month}-${day} ${hour}:${minute}:${second} ${timeZone} (${offset})`;
}
