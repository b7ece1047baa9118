import { FieldProblem } from '../messages';

/**
 * An expression n8n could not evaluate ($('Nowhere'), a syntax error…), as the problem of the
 * field it sits in: n8n's own error names no field. The sender's parameters and the uazapi
 * Message nodes' parameters are worded alike.
 */
export class ExpressionProblem extends FieldProblem {
	constructor(
		field: string,
		problem: string,
		fix: string,
		/** Where the failing expression is inside the parameter's value. */
		readonly path: Array<string | number>,
	) {
		super(field, problem, fix);
	}
}

const FIX =
	'Check the expression: a node it names must exist in this workflow and have run before this one, and what it reads must exist.';

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The problem for n8n's error `cause`, in the field labelled `field`, at `path` inside it. */
export function unevaluated(
	field: string,
	cause: unknown,
	path: Array<string | number>,
): ExpressionProblem {
	const { message, description } = (cause ?? {}) as { message?: unknown; description?: unknown };
	return new ExpressionProblem(
		field,
		`could not be evaluated: ${text(message) ?? 'the expression failed'}`,
		text(description) ?? FIX,
		path,
	);
}
