import type { INodeProperties } from 'n8n-workflow';

export const folderIdField: INodeProperties = {
	displayName: 'Campaign ID',
	name: 'folderId',
	type: 'string',
	default: '={{ $json.folder_id }}',
	required: true,
	placeholder: 'e.g. r7c731ffe5ff76b',
	description: 'The folder_id uazapi gave the campaign, e.g. from the uazapi Advanced Send output',
};

/** n8n's usual pair for list operations. */
export const returnAllOrLimit: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];
