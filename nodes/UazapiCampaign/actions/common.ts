import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestMethods,
	type INodeProperties,
} from 'n8n-workflow';

import { DEFAULT_TIMEOUT_SECONDS } from '../../shared/contract';
import { folderIdOf, listFolders, toCampaign } from '../../shared/folders';
import { uazapiRequest } from '../../shared/transport';

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

export async function request<T = unknown>(
	context: IExecuteFunctions,
	itemIndex: number,
	method: IHttpRequestMethods,
	endpoint: string,
	options: { body?: IDataObject; qs?: IDataObject } = {},
): Promise<T> {
	return (await uazapiRequest.call(context, {
		method,
		endpoint,
		itemIndex,
		timeoutSeconds: DEFAULT_TIMEOUT_SECONDS,
		...options,
	})) as T;
}

/** The campaign with this id, or undefined; uazapi may change the id's letter case. */
export async function findCampaign(
	context: IExecuteFunctions,
	itemIndex: number,
	folderId: string,
): Promise<IDataObject | undefined> {
	const wanted = folderId.toLowerCase();
	const folder = (await listFolders(context, itemIndex)).find(
		(candidate) => folderIdOf(candidate).toLowerCase() === wanted,
	);
	return folder && toCampaign(folder);
}

export function campaignNotFound(
	context: IExecuteFunctions,
	itemIndex: number,
	folderId: string,
): NodeOperationError {
	return new NodeOperationError(
		context.getNode(),
		`No campaign "${folderId}" on this uazapi instance`,
		{
			itemIndex,
			description:
				'It was deleted, or the ID is wrong. Check the folder_id, and that the credential is the instance that created the campaign.',
		},
	);
}
