import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { itemParameters } from './itemParameters';

/**
 * The Campaign ID of an item. Its default reads folder_id from the input, which a Dry Run of
 * uazapi Advanced Send does not output: that case is named, as "empty" would send the user looking
 * for a mapping mistake.
 */
export function readFolderId(context: IExecuteFunctions, itemIndex: number): string {
	// Version 1.1's campaign picker gives {mode, value} (a list pick or an ID, as it is).
	const saved = itemParameters(context).get('folderId', itemIndex, '') as unknown;
	const value =
		typeof saved === 'object' && saved !== null && 'value' in saved ? saved.value : saved;
	const folderId =
		typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	if (folderId !== '') return folderId;
	if (context.getInputData()[itemIndex]?.json.dryRun === true) {
		throw new NodeOperationError(
			context.getNode(),
			`Item ${itemIndex}: the input is a Dry Run of uazapi Advanced Send, so no campaign was created`,
			{
				itemIndex,
				description:
					'Turn off Options → Dry Run in uazapi Advanced Send to create the campaign, then run again.',
			},
		);
	}
	throw new NodeOperationError(context.getNode(), `Item ${itemIndex}: "Campaign ID" is empty`, {
		itemIndex,
		description:
			'Map the folder_id of the campaign, e.g. {{ $json.folder_id }} after uazapi Advanced Send.',
	});
}
