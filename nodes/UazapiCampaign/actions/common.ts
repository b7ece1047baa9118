import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestMethods,
	type INodeProperties,
} from 'n8n-workflow';

import { CAMPAIGN_DONE_STATUSES, DEFAULT_TIMEOUT_SECONDS, ENDPOINTS } from '../../shared/contract';
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

function count(value: unknown): number {
	const number = Number(value);
	return Number.isFinite(number) ? number : 0;
}

/** uazapi documents the folder's delays in milliseconds (they are given in seconds). */
function seconds(milliseconds: unknown): number | null {
	const number = Number(milliseconds);
	return Number.isFinite(number) ? number / 1000 : null;
}

/** scheduled_for is a "unix timestamp"; values below 10^12 are read as seconds. */
function isoTime(unix: unknown): string | null {
	const number = Number(unix);
	if (!Number.isFinite(number) || number <= 0) return null;
	return new Date(number < 1e12 ? number * 1000 : number).toISOString();
}

/** The folder id, wherever this server version puts it. */
export function folderIdOf(folder: IDataObject): string {
	return String(folder.id ?? folder.folder_id ?? folder.folderId ?? '');
}

export function isDone(campaign: IDataObject): boolean {
	const status = String(campaign.status ?? '').toLowerCase();
	if (CAMPAIGN_DONE_STATUSES.includes(status)) return true;
	const total = campaign.total as number;
	return (
		status !== 'paused' &&
		total > 0 &&
		(campaign.sent as number) + (campaign.failed as number) >= total
	);
}

/**
 * A folder record as users want it: one id field, plain counter names and delays in seconds.
 * `log_sucess` is uazapi's spelling; `log_success` is accepted too.
 */
export function toCampaign(folder: IDataObject): IDataObject {
	const campaign: IDataObject = {
		folder_id: folderIdOf(folder),
		info: folder.info ?? '',
		status: folder.status ?? null,
		scheduledFor: isoTime(folder.scheduled_for),
		delayMin: seconds(folder.delayMin),
		delayMax: seconds(folder.delayMax),
		total: count(folder.log_total),
		sent: count(folder.log_sucess ?? folder.log_success),
		failed: count(folder.log_failed),
		delivered: count(folder.log_delivered),
		read: count(folder.log_read),
		played: count(folder.log_played),
		created: folder.created ?? null,
		updated: folder.updated ?? null,
	};
	campaign.done = isDone(campaign);
	return campaign;
}

export async function listFolders(
	context: IExecuteFunctions,
	itemIndex: number,
	status?: string,
): Promise<IDataObject[]> {
	const answer = await request<unknown>(context, itemIndex, 'GET', ENDPOINTS.listFolders, {
		qs: status ? { status } : undefined,
	});
	const folders = Array.isArray(answer) ? answer : ((answer as IDataObject | null)?.folders ?? []);
	return (folders as IDataObject[]).filter(
		(folder) => typeof folder === 'object' && folder !== null,
	);
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
