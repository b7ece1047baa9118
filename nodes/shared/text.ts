/** "1 second", "2 seconds": counts as people write them in messages. */
export function plural(count: number, unit: string): string {
	return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/** "a" or "an" before a word, by its first letter: "an image/png file", "a video". */
export function article(word: string): string {
	return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

/** A value as an error message names it: "the text "abc"", "a list", "number 42". */
export function describeValue(value: unknown): string {
	if (value === undefined) return 'missing';
	if (value === null) return 'empty (null)';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'an object';
	if (typeof value === 'string')
		return `the text "${value.length > 40 ? value.slice(0, 40) + '…' : value}"`;
	return `${typeof value} ${String(value)}`;
}
