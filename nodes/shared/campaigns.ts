import type { IDataObject } from 'n8n-workflow';

import { CAMPAIGN_DONE_STATUSES, ENDPOINTS } from './contract';
import { isoTime, localTime } from './time';
import { uazapiRequest, type UazapiContext } from './transport';

/**
 * uazapi's campaign records from /sender/listfolders, read the same way by both nodes: the
 * Campaign node shows them, Advanced Send's Campaign Key looks for one it may already have
 * created. uazapi calls a campaign a "folder" (folder_id, listfolders): this code says campaign,
 * and keeps "folder" for uazapi's own names.
 */

function count(value: unknown): number {
	const number = Number(value);
	return Number.isFinite(number) ? number : 0;
}

/** uazapi documents the folder's delays in milliseconds (they are given in seconds). */
function seconds(milliseconds: unknown): number | null {
	const number = Number(milliseconds);
	return Number.isFinite(number) ? number / 1000 : null;
}

/** The folder id, wherever this server version puts it. */
export function campaignIdOf(folder: IDataObject): string {
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
export function toCampaign(folder: IDataObject, timeZone?: string): IDataObject {
	const scheduledFor = isoTime(folder.scheduled_for, 's');
	const campaign: IDataObject = {
		folder_id: campaignIdOf(folder),
		info: folder.info ?? '',
		status: folder.status ?? null,
		// scheduled_for is a "unix timestamp": below 10^12 it is read as seconds.
		scheduledFor,
		// The same moment as people in the workflow's time zone read it.
		...(scheduledFor && timeZone
			? { scheduledForLocal: localTime(Date.parse(scheduledFor), timeZone) }
			: {}),
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

export async function listCampaigns(
	context: UazapiContext,
	itemIndex: number,
	status?: string,
): Promise<IDataObject[]> {
	const answer: unknown = await uazapiRequest.call(context, {
		method: 'GET',
		endpoint: ENDPOINTS.listCampaigns,
		qs: status ? { status } : undefined,
		itemIndex,
	});
	const folders = Array.isArray(answer) ? answer : ((answer as IDataObject | null)?.folders ?? []);
	return (folders as IDataObject[]).filter(
		(folder) => typeof folder === 'object' && folder !== null,
	);
}
