import { unevaluated } from './expressionProblem';
import type { ItemParameters } from './itemParameters';

/**
 * A sender parameter's value for an item. When n8n fails to evaluate one of its expressions, the
 * problem names the field, and for a message field says where it is inside the parameter.
 */
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
	const path = failing?.path ?? [];
	throw unevaluated(
		typeof label === 'string' ? label : label(path),
		failing?.error ?? failure,
		path,
	);
}
