/** "1 second", "2 seconds": counts as people write them in messages. */
export function plural(count: number, unit: string): string {
	return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/** "a" or "an" before a word, by its first letter: "an image/png file", "a video". */
export function article(word: string): string {
	return /^[aeiou]/i.test(word) ? 'an' : 'a';
}
