import { NodeApiError, NodeOperationError, type INode } from 'n8n-workflow';

import { FieldProblem } from './problem';
import { plural } from './text';

/**
 * The n8n form of an input problem: a FieldProblem from the pure model (problem.ts) becomes a
 * NodeOperationError that names the item, the message and the field, and says how to fix it.
 * Failed requests are worded in apiErrors.ts.
 */

/** Where in the input a problem sits; message positions are 1-based, as people count them. */
export interface Place {
	itemIndex: number;
	/** `name`: the uazapi Message node the message comes from, when it comes from one. */
	message?: { position: number; count: number; typeName: string; name?: string };
	json?: boolean;
}

function quoted(field: string): string {
	return field.startsWith('"') ? field : `"${field}"`;
}

/** Turns a model problem into the error the user sees: item, message, field, and how to fix it. */
export function inputError(node: INode, problem: FieldProblem, place: Place): NodeOperationError {
	const where = [`Item ${place.itemIndex}`];
	if (place.message) {
		const { position, count, typeName, name } = place.message;
		const source = place.json ? ' in the JSON' : name ? ` "${name}"` : '';
		where.push(`message ${position} of ${count}${source} (${typeName})`);
	}
	return new NodeOperationError(
		node,
		`${where.join(', ')}: ${quoted(problem.field)} ${problem.problem}`,
		{
			itemIndex: place.itemIndex,
			description: problem.fix,
		},
	);
}

export function settingsError(
	node: INode,
	problem: unknown,
	itemIndex: number,
): NodeOperationError | NodeApiError {
	if (!(problem instanceof FieldProblem)) return asNodeError(node, problem, { itemIndex });
	return new NodeOperationError(
		node,
		`Campaign settings: ${quoted(problem.field)} ${problem.problem}`,
		{
			itemIndex,
			description: problem.fix,
		},
	);
}

/**
 * Any error → what n8n shows: model problems with their place, n8n's own errors as they are,
 * anything else wrapped and tied to the input item.
 */
export function asNodeError(
	node: INode,
	error: unknown,
	place: Place,
): NodeOperationError | NodeApiError {
	if (error instanceof FieldProblem) return inputError(node, error, place);
	if (error instanceof NodeOperationError || error instanceof NodeApiError) return error;
	return new NodeOperationError(node, error as Error, { itemIndex: place.itemIndex });
}

/** At most this many problems are reported at once: enough to fix a list, short enough to read. */
const MAX_REPORTED_PROBLEMS = 20;

/**
 * Several input problems as one error, so one run shows what to fix: the first problem leads the
 * message and every problem (up to MAX_REPORTED_PROBLEMS) is a line of the description.
 */
export class InputProblems {
	private readonly problems: NodeOperationError[] = [];
	private more = 0;

	add(error: NodeOperationError): void {
		if (this.problems.length < MAX_REPORTED_PROBLEMS) this.problems.push(error);
		else this.more++;
	}

	get count(): number {
		return this.problems.length + this.more;
	}

	/** The error to throw: the single problem as it is, or all of them in one. */
	error(node: INode): NodeOperationError | undefined {
		if (this.problems.length <= 1 && this.more === 0) return this.problems[0];
		const [first] = this.problems;
		const lines = this.problems.map((problem) =>
			problem.description ? `${problem.message}. ${problem.description}` : problem.message,
		);
		if (this.more > 0) lines.push(`…and ${plural(this.more, 'more problem')}.`);
		return new NodeOperationError(
			node,
			`${plural(this.count, 'problem')} in the input, nothing was sent. ${first.message}`,
			{ itemIndex: first.context.itemIndex as number | undefined, description: lines.join('\n') },
		);
	}
}
