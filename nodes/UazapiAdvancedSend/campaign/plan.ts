import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { DEFAULT_MAX_REQUEST_MB, DEFAULT_TIMEOUT_SECONDS } from '../../shared/contract';
import { plural } from '../../shared/text';
import { FieldProblem } from '../messages';
import type { PendingBinary } from './binaries';
import { keyMarker, markedInfo, readCampaignKey } from './campaignKey';
import { bytesOf, collectItemMessages, type ItemMessages } from './collect';
import {
	applyChecks,
	readCountryCode,
	readExcluded,
	screenRecipients,
	type CheckNumbers,
	type LeftOut,
	type NumberCheck,
	type RecipientOptions,
	type Replaced,
} from './recipients';
import { inputError, settingsError } from '../../shared/errors';
import {
	campaignFields,
	type CampaignFields,
	type CampaignParameters,
	type ScheduleMode,
} from './settings';
import { checkBodySize, utf8Length, type ItemSize } from './size';

/**
 * Turns groups of input items into the campaigns to post, each built and checked completely
 * (messages, settings, size, key). Nothing here sends anything.
 */

export interface CampaignBody extends CampaignFields {
	messages: IDataObject[];
}

/** The Options collection, read at the first item of each campaign. */
export interface CampaignOptions {
	dryRun?: boolean;
	timeout?: number;
	maxMessagesPerCampaign?: number;
	maxRequestSizeMb?: number;
	campaignKey?: unknown;
	defaultCountryCode?: unknown;
	checkNumbers?: CheckNumbers;
	skipDuplicates?: boolean;
	excludeNumbers?: unknown;
}

/** One campaign ready to post. */
export interface PlannedCampaign {
	/** The input items it was built from, in order. */
	items: number[];
	body: CampaignBody;
	/** Files its messages carry, read just before it is posted. */
	binaries: PendingBinary[];
	/** Set when a large campaign was split. */
	part?: { index: number; count: number };
	/** The Campaign Key and the marker it puts at the end of `info`. */
	key?: { value: string; marker: string };
	dryRun: boolean;
	timeoutSeconds: number;
	/** Recipients left out or replaced, reported with the first part of the campaign. */
	recipients?: { leftOut: LeftOut[]; replaced: Replaced[] };
}

function readSettings(context: IExecuteFunctions, itemIndex: number): CampaignFields {
	const schedule = context.getNodeParameter('schedule', itemIndex, 'now') as ScheduleMode;
	const parameters: CampaignParameters = {
		delayMin: context.getNodeParameter('delayMin', itemIndex),
		delayMax: context.getNodeParameter('delayMax', itemIndex),
		info: context.getNodeParameter('info', itemIndex, ''),
		schedule,
		scheduledAt: schedule === 'at' ? context.getNodeParameter('scheduledAt', itemIndex) : undefined,
		scheduleInMinutes:
			schedule === 'inMinutes'
				? context.getNodeParameter('scheduleInMinutes', itemIndex)
				: undefined,
	};
	try {
		// The clock is read after the expressions ran: {{ $now }} is then never ahead of "now".
		return campaignFields(parameters, Date.now(), context.getTimezone());
	} catch (error) {
		throw settingsError(context.getNode(), error, itemIndex);
	}
}

/** Campaign fields set by whole JSON bodies; the items of one campaign must agree on them. */
function mergeJsonFields(
	context: IExecuteFunctions,
	merged: Partial<CampaignFields>,
	setBy: Map<string, number>,
	fields: Partial<CampaignFields>,
	itemIndex: number,
): void {
	for (const [key, value] of Object.entries(fields) as Array<[keyof CampaignFields, never]>) {
		const earlier = setBy.get(key);
		if (earlier !== undefined && merged[key] !== value) {
			throw inputError(
				context.getNode(),
				new FieldProblem(
					`"${key}"`,
					`is ${JSON.stringify(value)} here but ${JSON.stringify(merged[key])} in item ${earlier}; one campaign has one value`,
					'Give every item the same campaign fields, or set Campaign Mode to "One Campaign per Item".',
				),
				{ itemIndex },
			);
		}
		merged[key] = value;
		if (earlier === undefined) setBy.set(key, itemIndex);
	}
}

interface CollectedItem extends ItemMessages {
	itemIndex: number;
}

/** A group of input items turned into checked messages, before the recipients are checked. */
export interface CollectedCampaign {
	group: number[];
	fields: CampaignFields;
	items: CollectedItem[];
	options: CampaignOptions;
	key?: string;
	recipients: RecipientOptions;
	leftOut: LeftOut[];
	replaced: Replaced[];
}

function readRecipientOptions(context: IExecuteFunctions, options: CampaignOptions, first: number) {
	try {
		const rules = { countryCode: readCountryCode(options.defaultCountryCode) };
		return {
			rules,
			skipDuplicates: options.skipDuplicates !== false,
			exclude: readExcluded(options.excludeNumbers, rules),
			checkNumbers: options.checkNumbers ?? 'off',
		};
	} catch (error) {
		throw settingsError(context.getNode(), error, first);
	}
}

/**
 * Builds and checks one group of input items (all items, or one per item) and leaves out excluded
 * and repeated recipients. Throws the first problem; nothing is sent.
 */
export async function collectCampaign(
	context: IExecuteFunctions,
	group: number[],
): Promise<CollectedCampaign> {
	const first = group[0];
	const options = context.getNodeParameter('options', first, {}) as CampaignOptions;
	const recipients = readRecipientOptions(context, options, first);
	const settings = readSettings(context, first);
	const fromJson: Partial<CampaignFields> = {};
	const setBy = new Map<string, number>();
	const items: CollectedItem[] = [];
	for (const itemIndex of group) {
		const item = await collectItemMessages(context, itemIndex, recipients.rules);
		items.push({ itemIndex, ...item });
		if (item.campaign) mergeJsonFields(context, fromJson, setBy, item.campaign, itemIndex);
	}
	const fields = { ...settings, ...fromJson };
	if (fields.delayMin > fields.delayMax) {
		throw settingsError(
			context.getNode(),
			new FieldProblem(
				'delayMin',
				`(${fields.delayMin}) is greater than delayMax (${fields.delayMax})`,
				'Make delayMin smaller than or equal to delayMax.',
			),
			first,
		);
	}
	let key: string | undefined;
	try {
		key = readCampaignKey(options as IDataObject);
	} catch (error) {
		throw settingsError(context.getNode(), error, first);
	}
	const { kept, leftOut } = screenRecipients(items, recipients);
	return { group, fields, items: kept, options, key, recipients, leftOut, replaced: [] };
}

/**
 * Applies uazapi's WhatsApp check to a collected campaign: with "fail", a number not on WhatsApp
 * stops the run naming its item; otherwise its messages are left out.
 */
export function applyNumberChecks(
	context: IExecuteFunctions,
	campaign: CollectedCampaign,
	checks: Map<string, NumberCheck>,
): void {
	const { kept, leftOut, replaced } = applyChecks(campaign.items, checks);
	if (campaign.recipients.checkNumbers === 'fail' && leftOut.length > 0) {
		const [first] = leftOut;
		throw inputError(
			context.getNode(),
			new FieldProblem(
				first.number === campaign.items.find((item) => item.itemIndex === first.item)?.recipient
					? 'Recipient'
					: 'Recipient Override',
				`"${first.number}" is not on WhatsApp${leftOut.length > 1 ? `, nor ${plural(leftOut.length - 1, 'other number')} of this campaign` : ''}`,
				'Correct or remove the number, or set Check Numbers on WhatsApp to "Leave Them Out".',
			),
			{ itemIndex: first.item },
		);
	}
	for (const item of kept) {
		// Dropped messages take their files with them; replaced numbers change the size.
		item.binaries = item.binaries.filter((binary) => item.messages.includes(binary.message!));
		item.bytes = bytesOf(item.messages, item.binaries);
	}
	campaign.items = kept;
	campaign.leftOut.push(...leftOut);
	campaign.replaced.push(...replaced);
}

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
			body: bodyOf(partFields, partItems),
			binaries: partItems.flatMap((item) => item.binaries),
			part,
			key: key === undefined || marker === undefined ? undefined : { value: key, marker },
			dryRun: options.dryRun === true,
			timeoutSeconds: options.timeout ?? DEFAULT_TIMEOUT_SECONDS,
			recipients: reported
				? { leftOut: collected.leftOut, replaced: collected.replaced }
				: undefined,
		};
	});
}
