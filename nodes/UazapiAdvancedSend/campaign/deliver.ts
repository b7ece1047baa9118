import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INode,
} from 'n8n-workflow';

import { ENDPOINTS, MAX_SCHEDULE_MINUTES } from '../../shared/contract';
import { campaignIdOf, toCampaign } from '../../shared/campaigns';
import { plural } from '../../shared/text';
import { localTime } from '../../shared/time';
import { uazapiRequest } from '../../shared/transport';
import { loadBinaries, unloadBinaries } from './binaries';
import { scheduledAt } from './campaignFields';
import type { CampaignBody, PlannedCampaign } from './model';

/** What a campaign holds, for the output item; a scheduled time also in the workflow's zone. */
export function summarise(body: CampaignBody, timeZone: string): IDataObject {
	const types: Record<string, number> = {};
	const recipients = new Set<unknown>();
	for (const message of body.messages) {
		types[message.type as string] = (types[message.type as string] ?? 0) + 1;
		recipients.add(message.number);
	}
	const scheduled = body.scheduled_for;
	return {
		messageCount: body.messages.length,
		recipientCount: recipients.size,
		messageTypes: types,
		delayMin: body.delayMin,
		delayMax: body.delayMax,
		info: body.info ?? null,
		scheduledFor:
			scheduled === undefined
				? 'immediately'
				: scheduled <= MAX_SCHEDULE_MINUTES
					? `in ${plural(scheduled, 'minute')}`
					: new Date(scheduled).toISOString(),
		...(scheduled !== undefined && scheduled > MAX_SCHEDULE_MINUTES
			? { scheduledForLocal: localTime(scheduled, timeZone) }
			: {}),
	};
}

function about(campaign: PlannedCampaign): IDataObject {
	const { recipients } = campaign;
	return {
		...(campaign.part ? { part: campaign.part.index, parts: campaign.part.count } : {}),
		...(campaign.key ? { campaignKey: campaign.key.value } : {}),
		...(recipients
			? {
					leftOut: recipients.leftOut as unknown as IDataObject[],
					replaced: recipients.replaced as unknown as IDataObject[],
				}
			: {}),
	};
}

/**
 * A date-time that has come while earlier campaigns were checked or posted is sent as
 * "immediately", by the same rule that was applied when it was checked.
 */
function scheduleNow(body: CampaignBody): void {
	const scheduled = body.scheduled_for;
	if (scheduled === undefined || scheduled <= MAX_SCHEDULE_MINUTES) return;
	const at = scheduledAt(scheduled, Date.now());
	if (at === undefined) delete body.scheduled_for;
}

/**
 * Posts one checked campaign (or outputs its body in a dry run), once: a retry could queue every
 * message twice. Its files are read just before and dropped after. Undefined when `mayPost`, asked
 * right before the POST, says no (the Campaign Key found the campaign already created).
 */
export async function postCampaign(
	context: IExecuteFunctions,
	campaign: PlannedCampaign,
	mayPost: () => Promise<boolean>,
): Promise<IDataObject | undefined> {
	const { body } = campaign;
	const itemIndex = campaign.items[0];
	if (campaign.dryRun) {
		await loadBinaries(context, campaign.binaries);
		return {
			dryRun: true,
			...summarise(body, context.getTimezone()),
			...about(campaign),
			body: body as unknown as IDataObject,
		};
	}
	let response: unknown;
	try {
		await loadBinaries(context, campaign.binaries);
		// The last check before the POST, so that nothing else stands between them.
		if (!(await mayPost())) return undefined;
		scheduleNow(body);
		response = await uazapiRequest.call(context, {
			method: 'POST',
			endpoint: ENDPOINTS.senderAdvanced,
			body: body as unknown as IDataObject,
			itemIndex,
			timeoutSeconds: campaign.timeoutSeconds,
		});
	} finally {
		unloadBinaries(campaign.binaries);
	}
	const answer = (typeof response === 'object' && response !== null ? response : {}) as IDataObject;
	const folderId = answer.folder_id;
	if ((typeof folderId !== 'string' || folderId === '') && typeof folderId !== 'number') {
		const said =
			typeof response === 'string'
				? response || '(an empty body)'
				: JSON.stringify(response ?? null);
		throw new NodeOperationError(
			context.getNode(),
			'uazapi answered without a campaign ID (folder_id)',
			{
				itemIndex,
				description: `The campaign may have been created anyway: check the campaigns in uazapi before running the workflow again, or every message could be queued twice. uazapi answered: ${said.slice(0, 300)}`,
			},
		);
	}
	return {
		folder_id: String(folderId),
		count: answer.count ?? null,
		status: answer.status ?? null,
		...summarise(body, context.getTimezone()),
		...about(campaign),
		...(campaign.key ? { alreadyCreated: false } : {}),
	};
}

/**
 * uazapi's `count` is how many messages it queued. 0 means the campaign exists but will send
 * nothing (reported for messages it could not read); fewer than posted means some were dropped.
 */
export function checkAccepted(
	node: INode,
	json: IDataObject,
	itemIndex: number,
): string | undefined {
	const {
		count,
		messageCount,
		folder_id: folderId,
	} = json as {
		count: unknown;
		messageCount: number;
		folder_id: string;
	};
	if (typeof count !== 'number' || count >= messageCount) return undefined;
	if (count === 0) {
		throw new NodeOperationError(
			node,
			`uazapi created campaign ${folderId} but accepted none of its ${plural(messageCount, 'message')} (count 0): nothing will be sent`,
			{
				itemIndex,
				description: `uazapi gave no reason. Check the messages' types and numbers (Options → Dry Run shows the exact body), then delete the empty campaign ${folderId} (uazapi Campaign node → Delete, or the uazapi panel) before sending again.`,
			},
		);
	}
	const warning = `uazapi accepted ${count} of the ${plural(messageCount, 'message')} of campaign ${folderId}; the other ${messageCount - count} will not be sent. uazapi gives no reason: check them with the uazapi Campaign node (Campaign Message → Get Many).`;
	json.accepted = count;
	json.warning = warning;
	return warning;
}

/** The output for a campaign the duplicate guard found already created. */
export function alreadyCreated(
	campaign: PlannedCampaign,
	folder: IDataObject,
	timeZone: string,
): IDataObject {
	const record = toCampaign(folder, timeZone);
	return {
		folder_id: campaignIdOf(folder),
		count: record.total,
		status: record.status,
		...summarise(campaign.body, timeZone),
		...about(campaign),
		alreadyCreated: true,
	};
}
