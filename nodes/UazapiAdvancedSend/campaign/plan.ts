import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { DEFAULT_MAX_REQUEST_MB, DEFAULT_TIMEOUT_SECONDS } from '../../shared/contract';
import { settingsError } from '../../shared/inputErrors';
import { FieldProblem } from '../messages';
import { keyMarker, markedInfo } from './campaignKey';
import { checkBodySize, utf8Length, type ItemSize } from './size';
import type {
	CampaignBody,
	CampaignFields,
	CollectedCampaign,
	CollectedItem,
	PlannedCampaign,
} from './model';

/**
 * Turns a collected campaign into the requests to post: one, or the parts of a split one, each
 * checked for size and marked with the Campaign Key. Nothing here sends anything.
 */

/**
 * Consecutive slices of whole items of at most `maxMessages` messages (0: one slice), so that
 * each recipient's messages stay together and in order.
 */
function slices(
	context: IExecuteFunctions,
	items: CollectedItem[],
	maxMessages: number,
): CollectedItem[][] {
	const result: CollectedItem[][] = [[]];
	let messagesInSlice = 0;
	for (const item of items) {
		const count = item.messages.length;
		if (maxMessages > 0 && count > maxMessages) {
			throw settingsError(
				context.getNode(),
				new FieldProblem(
					'Max Messages per Campaign',
					`(${maxMessages}) is smaller than the ${count} messages of item ${item.itemIndex}`,
					"Raise it: an item's messages always go into the same campaign, so they arrive in order.",
				),
				item.itemIndex,
			);
		}
		if (maxMessages > 0 && messagesInSlice > 0 && messagesInSlice + count > maxMessages) {
			result.push([]);
			messagesInSlice = 0;
		}
		result[result.length - 1].push(item);
		messagesInSlice += count;
	}
	return result;
}

function bodyOf(fields: CampaignFields, items: CollectedItem[]): CampaignBody {
	const { delayMin, delayMax, info, scheduled_for } = fields;
	const messages: IDataObject[] = [];
	for (const item of items) for (const message of item.messages) messages.push(message);
	return {
		delayMin,
		delayMax,
		...(info === undefined ? {} : { info }),
		...(scheduled_for === undefined ? {} : { scheduled_for }),
		messages,
	};
}

/** The body's exact size in bytes: its campaign fields plus each item's measured messages. */
function bodyBytes(fields: CampaignFields, items: ItemSize[]): number {
	const empty = utf8Length(JSON.stringify(bodyOf(fields, [])));
	const messages = items.reduce((sum, item) => sum + item.bytes, 0);
	// Each item's size counts one comma per message; the last message of the body has none.
	return empty + messages - (messages > 0 ? 1 : 0);
}

/**
 * The campaigns to post for a collected group: one, or the parts of a split one, each checked for
 * size and marked with the Campaign Key. Throws the first problem; nothing is sent.
 */
export function planCampaigns(
	context: IExecuteFunctions,
	collected: CollectedCampaign,
): PlannedCampaign[] {
	const { fields, items, options, key } = collected;
	const parts = slices(context, items, options.maxMessagesPerCampaign ?? 0);
	return parts.map((partItems, index) => {
		const part = parts.length > 1 ? { index: index + 1, count: parts.length } : undefined;
		const marker = key === undefined ? undefined : keyMarker(key, part);
		const partFields = marker ? { ...fields, info: markedInfo(fields.info, marker) } : fields;
		const sizes: ItemSize[] = partItems.map((item) => ({
			itemIndex: item.itemIndex,
			messageCount: item.messages.length,
			bytes: item.bytes,
			binaries: item.binaries,
		}));
		try {
			checkBodySize(
				bodyBytes(partFields, sizes),
				options.maxRequestSizeMb ?? DEFAULT_MAX_REQUEST_MB,
				sizes,
				part,
			);
		} catch (error) {
			throw settingsError(context.getNode(), error, partItems[0].itemIndex);
		}
		const reported = index === 0 && (collected.leftOut.length > 0 || collected.replaced.length > 0);
		return {
			items: partItems.map((item) => item.itemIndex),
			messagesPerItem: partItems.map((item) => item.messages.length),
			body: bodyOf(partFields, partItems),
			binaries: partItems.flatMap((item) => item.binaries),
			part,
			key: key === undefined || marker === undefined ? undefined : { value: key, marker },
			dryRun: options.dryRun === true,
			perContact: options.output === 'contact',
			timeoutSeconds: options.timeout ?? DEFAULT_TIMEOUT_SECONDS,
			recipients: reported
				? { leftOut: collected.leftOut, replaced: collected.replaced }
				: undefined,
		};
	});
}
