/**
 * A problem with one field of one message, raised by the pure message model. The node adds the
 * input item and the message position before showing it, so the model stays free of n8n context.
 */
export class FieldProblem extends Error {
	constructor(
		readonly field: string,
		readonly problem: string,
		readonly fix: string,
	) {
		super(`${field}: ${problem}`);
		this.name = 'FieldProblem';
	}
}

/**
 * Joins the labels of nested fields the way the n8n editor shows them. Fixed parameters rather
 * than a rest list: this runs for every button of every message, and the list would be garbage.
 */
export function fieldPath(first?: string, second?: string, third?: string): string {
	return join(join(first, second), third);
}

function join(path: string | undefined, label: string | undefined): string {
	if (label === undefined || label === '') return path ?? '';
	return path === undefined || path === '' ? label : `${path} › ${label}`;
}
