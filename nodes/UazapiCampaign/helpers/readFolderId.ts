import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

export function readFolderId(context: IExecuteFunctions, itemIndex: number): string {
	const value = context.getNodeParameter('folderId', itemIndex, '') as unknown;
	const folderId =
		typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	if (folderId === '') {
		throw new NodeOperationError(context.getNode(), `Item ${itemIndex}: "Campaign ID" is empty`, {
			itemIndex,
			description:
				'Map the folder_id of the campaign, e.g. {{ $json.folder_id }} after uazapi Advanced Send.',
		});
	}
	return folderId;
}
