import {
	NodeOperationError,
	sleep,
	updateDisplayOptions,
	type INodeProperties,
} from 'n8n-workflow';

import { CAMPAIGN_DELETED_STATUSES } from '../../../shared/contract';
import { campaignNotFound, findCampaign } from '../../helpers/findCampaign';
import { readFolderId } from '../../helpers/readFolderId';
import { folderIdFields } from '../common.descriptions';
import type { Operation } from '../operation';

const properties: INodeProperties[] = [
	...folderIdFields,
	{
		displayName: 'Poll Interval (Seconds)',
		name: 'pollInterval',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 30,
		description: "How often to ask uazapi for the campaign's progress",
	},
	{
		displayName: 'Max Wait (Minutes)',
		name: 'maxWait',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 60,
		description:
			'Stop waiting after this long and output the counters so far, with done set to false',
	},
];

/**
 * Polls the folder list until the campaign is done. The execution stays busy meanwhile; for
 * campaigns that run for hours a Wait node followed by "Get" in a loop is lighter.
 */
export const waitUntilDone: Operation = {
	option: {
		name: 'Wait Until Done',
		value: 'waitUntilDone',
		action: 'Wait until a campaign is done',
		description: 'Poll the campaign until every message is sent, then output its counters',
	},
	description: updateDisplayOptions(
		{ show: { resource: ['campaign'], operation: ['waitUntilDone'] } },
		properties,
	),
	async execute(itemIndex) {
		const folderId = readFolderId(this, itemIndex);
		const intervalMs = (this.getNodeParameter('pollInterval', itemIndex, 30) as number) * 1000;
		const maxWaitMs = (this.getNodeParameter('maxWait', itemIndex, 60) as number) * 60_000;
		const started = Date.now();
		for (let polls = 1; ; polls++) {
			const campaign = await findCampaign(this, itemIndex, folderId);
			if (!campaign) throw campaignNotFound(this, itemIndex, folderId);
			if (CAMPAIGN_DELETED_STATUSES.includes(String(campaign.status).toLowerCase())) {
				throw new NodeOperationError(this.getNode(), `Campaign "${folderId}" is being deleted`, {
					itemIndex,
					description: 'Someone deleted the campaign while the workflow was waiting for it.',
				});
			}
			const waitedSeconds = Math.round((Date.now() - started) / 1000);
			if (campaign.done) return [{ ...campaign, polls, waitedSeconds, timedOut: false }];
			if (Date.now() - started + intervalMs > maxWaitMs)
				return [{ ...campaign, polls, waitedSeconds, timedOut: true }];
			await sleep(intervalMs);
			if (this.getExecutionCancelSignal()?.aborted)
				return [{ ...campaign, polls, waitedSeconds, timedOut: false }];
		}
	},
};
