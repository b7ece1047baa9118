import { FieldProblem } from '../../../shared/problem';

/**
 * uazapi's `choices` grammar (shared by buttons, lists, polls and carousels) is a flat list of
 * strings with no escaping: "|" and line breaks separate parts, "[...]" opens a list section or a
 * carousel card, "{...}" is a card image. Text that would change that structure is refused here
 * rather than sent garbled.
 */

/** Refuses a value that contains a separator of the grammar. */
export function guardPart(value: string, field: string, what: string): string {
	if (value.includes('|')) {
		throw new FieldProblem(
			field,
			`contains "|", which uazapi reads as the separator between a ${what}'s parts`,
			'Remove the "|" or replace it, e.g. with "-" or "/".',
		);
	}
	if (/[\r\n]/.test(value)) {
		throw new FieldProblem(
			field,
			`contains a line break, which uazapi reads as the separator between a ${what}'s parts`,
			'Put the text on one line.',
		);
	}
	return value;
}

/** Refuses a value that would open a list section, a carousel card or a card image. */
export function guardOpening(value: string, field: string): string {
	if (/^[[{]/.test(value)) {
		throw new FieldProblem(
			field,
			`starts with "${value[0]}", which uazapi reads as the start of a section, card or image`,
			'Start the text with another character, e.g. remove the bracket.',
		);
	}
	return value;
}
