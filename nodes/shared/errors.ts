import { NodeApiError, NodeOperationError, type INode } from 'n8n-workflow';

/** Keeps n8n's own errors as they are and wraps anything else, tied to the input item. */
export function asNodeError(
	node: INode,
	error: unknown,
	itemIndex: number,
): NodeOperationError | NodeApiError {
	if (error instanceof NodeOperationError || error instanceof NodeApiError) return error;
	return new NodeOperationError(node, error as Error, { itemIndex });
}
