import {
	NodeOperationError,
	sleep,
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { CAMPAIGN_DELETED_STATUSES } from '../../../shared/contract';
import { contactField, contactRows, leftOutRow } from '../../helpers/contactRows';
import { campaignNotFound, findCampaign } from '../../helpers/findCampaign';
import { oncePerCampaign } from '../../helpers/oncePerCampaign';
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
	{
		displayName: 'Output',
		name: 'outputPer',
		type: 'options',
		options: [
			{
				name: 'One Item per Campaign',
				value: 'campaign',
				description: "The campaign's counters",
			},
			{
				name: 'One Item per Contact',
				value: 'contact',
				description:
					"Each contact's outcome, as Get Contact Outcomes gives it (after uazapi Advanced Send's per-contact output, paired to each contact)",
			},
		],
		default: 'campaign',
	},
	{ ...contactField, displayOptions: { show: { outputPer: ['contact'] } } },
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
		const perContact = this.getNodeParameter('outputPer', itemIndex, 'campaign') === 'contact';
		const leftOut = perContact ? leftOutRow(this.getInputData()[itemIndex].json) : undefined;
		if (leftOut) return leftOut;
		const folderId = readFolderId(this, itemIndex);
		const campaign = await waitOnce(this, itemIndex, folderId);
		if (!perContact) return [campaign];
		const done = { done: campaign.done, timedOut: campaign.timedOut };
		return (await contactRows(this, itemIndex, folderId)).map((row) => ({
			...row,
			campaign: done,
		}));
	},
};

/** Each run waits for a campaign once, however many of its contacts' items ask. */
const waitOnce = oncePerCampaign(waitFor);

async function waitFor(
	context: IExecuteFunctions,
	itemIndex: number,
	folderId: string,
): Promise<IDataObject> {
	const intervalMs = (context.getNodeParameter('pollInterval', itemIndex, 30) as number) * 1000;
	const maxWaitMs = (context.getNodeParameter('maxWait', itemIndex, 60) as number) * 60_000;
	const started = Date.now();
	for (let polls = 1; ; polls++) {
		const campaign = await findCampaign(context, itemIndex, folderId);
		if (!campaign) throw campaignNotFound(context, itemIndex, folderId);
		if (CAMPAIGN_DELETED_STATUSES.includes(String(campaign.status).toLowerCase())) {
			throw new NodeOperationError(context.getNode(), `Campaign "${folderId}" is being deleted`, {
				itemIndex,
				description: 'Someone deleted the campaign while the workflow was waiting for it.',
			});
		}
		const waitedSeconds = Math.round((Date.now() - started) / 1000);
		if (campaign.done) return { ...campaign, polls, waitedSeconds, timedOut: false };
		if (Date.now() - started + intervalMs > maxWaitMs)
			return { ...campaign, polls, waitedSeconds, timedOut: true };
		await sleep(intervalMs);
		if (context.getExecutionCancelSignal()?.aborted)
			return { ...campaign, polls, waitedSeconds, timedOut: false };
	}
}
