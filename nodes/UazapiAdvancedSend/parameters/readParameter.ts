import type { ItemParameters } from './itemParameters';
import { FieldProblem } from '../messages';

/**
 * A sender parameter's value for an item. When n8n fails to evaluate one of its expressions
 * ($('Nowhere'), a syntax error…), n8n's error names no field: the problem names it, and for a
 * message field says where it is inside the parameter.
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

export function evaluated(
	read: ItemParameters,
	name: string,
	itemIndex: number,
	label: string | ((path: Array<string | number>) => string),
	fallback?: unknown,
): unknown {
	let failure: unknown;
	try {
		return read.get(name, itemIndex, fallback);
	} catch (error) {
		failure = error;
	}
	const failing = read.failingExpression(name, itemIndex);
	const cause = (failing?.error ?? failure) as { message?: unknown; description?: unknown };
	const path = failing?.path ?? [];
	throw new ExpressionProblem(
		typeof label === 'string' ? label : label(path),
		`could not be evaluated: ${text(cause.message) ?? 'the expression failed'}`,
		text(cause.description) ?? FIX,
		path,
	);
}
