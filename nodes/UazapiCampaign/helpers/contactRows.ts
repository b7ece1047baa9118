import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	contactOutcome,
	outcomesByRecipient,
	recipientKey,
	type ContactOutcome,
} from '../../shared/contactOutcomes';
import { findCampaign } from './findCampaign';
import { itemParameters } from './itemParameters';
import { listCampaignMessages } from './listMessages';
import { oncePerCampaign } from './oncePerCampaign';

/**
 * One outcome row per contact (README "After the campaign"): from uazapi Advanced Send's
 * per-contact output each input item gets its own row, so that the row stays paired to the
 * contact's item (and through it to the CRM's); from a bare folder_id, one row per contact of the
 * campaign.
 */

export const LEFT_OUT = 'Left Out';

export const contactField: INodeProperties = {
	displayName: 'Contact',
	name: 'contact',
	type: 'string',
	default: '={{ $json.recipient }}',
	placeholder: 'e.g. 5511999999999',
	description:
		"The number the messages went to, as uazapi Advanced Send outputs it per contact (recipient): the item gets that contact's outcome. Empty: one item for each contact of the campaign.",
};

interface CampaignReport {
	outcomes: Map<string, ContactOutcome>;
	/** Set when uazapi listed fewer messages than the campaign holds. */
	incomplete?: { listed: number; holds: number };
}

/** A campaign's contacts and their outcomes: read once per run, however many contacts ask. */
const campaignReport = oncePerCampaign(async function readReport(
	context: IExecuteFunctions,
	itemIndex: number,
	folderId: string,
): Promise<CampaignReport> {
	const campaign = await findCampaign(context, itemIndex, folderId);
	const { messages, total } = await listCampaignMessages(context, itemIndex, folderId);
	const holds = Math.max(Number(campaign?.total ?? 0), total ?? 0);
	const report: CampaignReport = { outcomes: outcomesByRecipient(messages) };
	if (messages.length < holds) {
		report.incomplete = { listed: messages.length, holds };
		context.addExecutionHints?.({
			message: `uazapi listed ${messages.length} of the ${holds} messages of campaign ${folderId}: contacts whose messages are missing show "Not Listed"`,
			location: 'outputPane',
		});
	}
	return report;
});

/** The outcome rows of one input item. */
export async function contactRows(
	context: IExecuteFunctions,
	itemIndex: number,
	folderId: string,
): Promise<IDataObject[]> {
	const report = await campaignReport(context, itemIndex, folderId);
	const row = (outcome: ContactOutcome): IDataObject => ({
		folder_id: folderId,
		...outcome,
		...(report.incomplete ? { listing: { ...report.incomplete } } : {}),
	});
	const contact = itemParameters(context).get('contact', itemIndex, '') as unknown;
	const wanted =
		typeof contact === 'string' || typeof contact === 'number' ? String(contact).trim() : '';
	if (wanted === '') return [...report.outcomes.values()].map(row);
	const key = recipientKey(wanted);
	return [row(report.outcomes.get(key) ?? contactOutcome(key, []))];
}

/** The row of a contact uazapi Advanced Send left out: no campaign to ask. */
export function leftOutRow(input: IDataObject): IDataObject[] | undefined {
	if (typeof input.leftOut !== 'string') return undefined;
	const { recipient, leftOut, field, problem } = input;
	return [
		{
			number: recipient ?? null,
			status: LEFT_OUT,
			leftOut,
			...(field !== undefined ? { field, problem } : {}),
			messages: [],
		},
	];
}
