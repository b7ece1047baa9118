import type { INodeProperties } from 'n8n-workflow';

/**
 * The campaign an operation works on. Version 1 takes its ID as text; version 1.1 picks it from
 * the instance's campaigns (by description, status and date), by ID or by expression, and still
 * starts from the folder_id of the input (e.g. uazapi Advanced Send's output).
 */
export const folderIdFields: INodeProperties[] = [
	{
		displayName: 'Campaign ID',
		name: 'folderId',
		type: 'string',
		default: '={{ $json.folder_id }}',
		required: true,
		placeholder: 'e.g. r7c731ffe5ff76b',
		description:
			'The folder_id uazapi gave the campaign, e.g. from the uazapi Advanced Send output',
		displayOptions: { show: { '@version': [1] } },
	},
	{
		displayName: 'Campaign',
		name: 'folderId',
		type: 'resourceLocator',
		default: { mode: 'id', value: '={{ $json.folder_id }}' },
		required: true,
		description: 'The campaign: pick it from the list, or give its folder_id',
		displayOptions: { show: { '@version': [{ _cnd: { gte: 1.1 } }] } },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a campaign...',
				typeOptions: { searchListMethod: 'searchCampaigns', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. r7c731ffe5ff76b',
			},
		],
	},
];

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
