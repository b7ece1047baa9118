import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { previewOf } from '../messages';
import type { PlannedCampaign } from './model';

/**
 * A dry run read per recipient (version 1.1): one output item per recipient, paired to its input
 * item, with each message as WhatsApp shows it in a column of its own, headed by its message
 * node's name or else its type ("message 2 (Promo image)", "message 2 (image)"), so
 * that n8n's Table view reads as a preview a person can check, and as they would be sent
 * (`messages`). A left-out recipient gets its row too, with the reason. The first row of each
 * campaign also carries the exact body.
 */
export function dryRunRows(
	campaign: PlannedCampaign,
	summary: IDataObject,
	/** The message nodes' names, one per message of an item, when the messages come from them. */
	names: string[],
): INodeExecutionData[] {
	// The campaign's summary without its body, which only the first row carries.
	const about = Object.fromEntries(Object.entries(summary).filter(([key]) => key !== 'body'));
	const rows: INodeExecutionData[] = [];
	let next = 0;
	campaign.items.forEach((item, position) => {
		const messages = campaign.body.messages.slice(next, next + campaign.messagesPerItem[position]);
		next += messages.length;
		rows.push({
			json: {
				dryRun: true,
				recipient: messages[0]?.number as string,
				...Object.fromEntries(
					messages.map((message, index) => [
						`message ${index + 1} (${names[index] ?? String(message.type)})`,
						previewOf(message),
					]),
				),
				messages,
				...(position === 0 ? { campaign: about, body: summary.body } : {}),
			},
			pairedItem: { item },
		});
	});
	for (const { item, number, reason, ...detail } of campaign.recipients?.leftOut ?? []) {
		rows.push({
			json: { dryRun: true, recipient: number, leftOut: reason, ...detail },
			pairedItem: { item },
		});
	}
	return rows;
}
