import { NodeOperationError, type NodeApiError, type INode } from 'n8n-workflow';

import { asNodeError as asSharedNodeError } from '../../shared/errors';

import { FieldProblem } from '../messages';

/** Where in the input a problem sits; message positions are 1-based, as people count them. */
export interface Place {
	itemIndex: number;
	message?: { position: number; count: number; typeName: string };
	json?: boolean;
}

function quoted(field: string): string {
	return field.startsWith('"') ? field : `"${field}"`;
}

/** Turns a model problem into the error the user sees: item, message, field, and how to fix it. */
export function inputError(node: INode, problem: FieldProblem, place: Place): NodeOperationError {
	const where = [`Item ${place.itemIndex}`];
	if (place.message) {
		const { position, count, typeName } = place.message;
		where.push(`message ${position} of ${count}${place.json ? ' in the JSON' : ''} (${typeName})`);
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

/** Any error met while building a campaign → what n8n shows; model problems get their place. */
export function asNodeError(
	node: INode,
	error: unknown,
	place: Place,
): NodeOperationError | NodeApiError {
	if (error instanceof FieldProblem) return inputError(node, error, place);
	return asSharedNodeError(node, error, place.itemIndex);
}
