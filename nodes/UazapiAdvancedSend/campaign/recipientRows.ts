import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { previewOf } from '../messages';
import type { PlannedCampaign } from './model';

/** Each recipient's messages in a campaign, in the order of its items. */
export function sequences(campaign: PlannedCampaign): IDataObject[][] {
	let next = 0;
	return campaign.messagesPerItem.map((count) => {
		const messages = campaign.body.messages.slice(next, next + count);
		next += count;
		return messages;
	});
}

/**
 * One output item per recipient of a campaign, paired to its input item, a left-out recipient
 * included with its reason: the dry run's preview (version 1.1), and Options → Output: One Item
 * per Contact, which the Campaign node turns into each contact's outcome (README "After the
 * campaign").
 */
function recipientRows(
	campaign: PlannedCampaign,
	/** What every row of this output has, e.g. dryRun: true. */
	base: IDataObject,
	row: (messages: IDataObject[]) => IDataObject,
	/** What the campaign's first row also carries. */
	first: IDataObject,
): INodeExecutionData[] {
	const rows: INodeExecutionData[] = [];
	const messagesOf = sequences(campaign);
	campaign.items.forEach((item, position) => {
		const messages = messagesOf[position];
		rows.push({
			json: {
				...base,
				recipient: messages[0]?.number as string,
				...row(messages),
				...(position === 0 ? first : {}),
			},
			pairedItem: { item },
		});
	});
	for (const { item, number, reason, ...detail } of campaign.recipients?.leftOut ?? []) {
		rows.push({
			json: { ...base, recipient: number, leftOut: reason, ...detail },
			pairedItem: { item },
		});
	}
	return rows;
}

/**
 * The dry run, per recipient: each message as WhatsApp shows it in a column of its own, headed
 * by its message node's name or else its type ("message 2 (Promo image)", "message 2 (image)"),
 * so that n8n's Table view reads as a preview a person can check, and as they would be sent
 * (`messages`). The first row of each campaign also carries the exact body.
 */
export function dryRunRows(
	campaign: PlannedCampaign,
	summary: IDataObject,
	/** The message nodes' names, one per message of an item, when the messages come from them. */
	names: string[],
): INodeExecutionData[] {
	const { body, ...about } = summary;
	return recipientRows(
		campaign,
		{ dryRun: true },
		(messages) => ({
			...Object.fromEntries(
				messages.map((message, index) => [
					`message ${index + 1} (${names[index] ?? String(message.type)})`,
					previewOf(message),
				]),
			),
			messages,
		}),
		{ campaign: about, body },
	);
}

/**
 * A created (or already created) campaign, per contact: the folder_id and how many messages the
 * contact was sent, for the Campaign node's Get Contact Outcomes; the first row also carries the
 * campaign's own output.
 */
export function contactRows(campaign: PlannedCampaign, summary: IDataObject): INodeExecutionData[] {
	return recipientRows(
		campaign,
		{},
		(messages) => ({ folder_id: summary.folder_id, messageCount: messages.length }),
		{ campaign: summary },
	);
}
