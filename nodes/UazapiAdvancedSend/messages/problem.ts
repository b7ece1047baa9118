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

/** Joins the labels of nested fields the way the n8n editor shows them. */
export function fieldPath(...labels: Array<string | undefined>): string {
	return labels.filter((label) => label !== undefined && label !== '').join(' › ');
}
