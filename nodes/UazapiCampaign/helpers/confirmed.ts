import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

/**
 * An operation that cannot be undone runs only once the user has turned on its Confirm switch in
 * the editor, as n8n's own destructive operations ask.
 */
export function confirmProperties(
	noticeName: string,
	notice: string,
	what: string,
): INodeProperties[] {
	return [
		{ displayName: notice, name: noticeName, type: 'notice', default: '' },
		{
			displayName: 'Confirm',
			name: 'confirm',
			type: 'boolean',
			default: false,
			description: `Whether you really want to ${what}`,
		},
	];
}

/** Throws, naming what was not done, unless Confirm is on. */
export function requireConfirmation(
	context: IExecuteFunctions,
	itemIndex: number,
	operation: string,
	consequence: string,
): void {
	if (context.getNodeParameter('confirm', itemIndex, false) === true) return;
	throw new NodeOperationError(
		context.getNode(),
		`${operation} was not confirmed, so nothing was deleted`,
		{
			itemIndex,
			description: `${consequence} Turn on "Confirm" to run it.`,
		},
	);
}
