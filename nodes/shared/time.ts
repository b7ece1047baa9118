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
