import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { DEFAULT_TIMEOUT_SECONDS, ENDPOINTS, MAX_SCHEDULE_MINUTES } from '../../shared/contract';
import { uazapiRequest } from '../../shared/transport';
import { FieldProblem } from '../messages';
import { collectItemMessages } from './collect';
import { asNodeError, inputError, settingsError } from './problems';
import {
	campaignFields,
	type CampaignFields,
	type CampaignParameters,
	type ScheduleMode,
} from './settings';

export interface CampaignBody extends CampaignFields {
	messages: IDataObject[];
}

interface DeliveryOptions {
	dryRun?: boolean;
	timeout?: number;
	maxMessagesPerCampaign?: number;
}

function readSettings(context: IExecuteFunctions, itemIndex: number, now: number): CampaignFields {
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
		return campaignFields(parameters, now, context.getTimezone());
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

/** A group's campaign fields and each item's messages, all checked; nothing is sent yet. */
export interface PreparedCampaign {
	fields: CampaignFields;
	parts: Array<{ itemIndex: number; messages: IDataObject[] }>;
}

/** Builds and checks one campaign from a group of input items; nothing is sent here. */
export async function prepareCampaign(
	context: IExecuteFunctions,
	group: number[],
): Promise<PreparedCampaign> {
	const now = Date.now();
	const settings = readSettings(context, group[0], now);
	const fromJson: Partial<CampaignFields> = {};
	const setBy = new Map<string, number>();
	const parts: PreparedCampaign['parts'] = [];
	for (const itemIndex of group) {
		const collected = collectItemMessages(context, itemIndex, now);
		const item = collected instanceof Promise ? await collected : collected;
		parts.push({ itemIndex, messages: item.messages });
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
			group[0],
		);
	}
	return { fields, parts };
}

function bodyOf(fields: CampaignFields, messages: IDataObject[]): CampaignBody {
	const { delayMin, delayMax, info, scheduled_for } = fields;
	return {
		delayMin,
		delayMax,
		...(info === undefined ? {} : { info }),
		...(scheduled_for === undefined ? {} : { scheduled_for }),
		messages,
	};
}

/**
 * The campaigns to post for a prepared group: one, or with a maximum size, consecutive slices of
 * whole items, so that each recipient's messages stay together and in order.
 */
export function splitCampaign(
	context: IExecuteFunctions,
	prepared: PreparedCampaign,
	maxMessages: number,
): Array<{ items: number[]; body: CampaignBody }> {
	const slices: Array<{ items: number[]; messages: IDataObject[] }> = [{ items: [], messages: [] }];
	for (const { itemIndex, messages } of prepared.parts) {
		if (maxMessages > 0 && messages.length > maxMessages) {
			throw settingsError(
				context.getNode(),
				new FieldProblem(
					'Max Messages per Campaign',
					`(${maxMessages}) is smaller than the ${messages.length} messages of item ${itemIndex}`,
					"Raise it: an item's messages always go into the same campaign, so they arrive in order.",
				),
				itemIndex,
			);
		}
		let slice = slices[slices.length - 1];
		if (
			maxMessages > 0 &&
			slice.items.length > 0 &&
			slice.messages.length + messages.length > maxMessages
		) {
			slice = { items: [], messages: [] };
			slices.push(slice);
		}
		slice.items.push(itemIndex);
		for (const message of messages) slice.messages.push(message);
	}
	return slices.map(({ items, messages }) => ({ items, body: bodyOf(prepared.fields, messages) }));
}

/** What a campaign holds, for the output item. */
export function summarise(body: CampaignBody): IDataObject {
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
					? `in ${scheduled} minute(s)`
					: new Date(scheduled).toISOString(),
	};
}

async function deliver(
	context: IExecuteFunctions,
	body: CampaignBody,
	itemIndex: number,
): Promise<IDataObject> {
	const options = context.getNodeParameter('options', itemIndex, {}) as DeliveryOptions;
	const summary = summarise(body);
	if (options.dryRun) return { dryRun: true, ...summary, body: body as unknown as IDataObject };
	const response: unknown = await uazapiRequest.call(context, {
		method: 'POST',
		endpoint: ENDPOINTS.senderAdvanced,
		body: body as unknown as IDataObject,
		itemIndex,
		timeoutSeconds: options.timeout ?? DEFAULT_TIMEOUT_SECONDS,
	});
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
		...summary,
	};
}

function pairedTo(items: number[]) {
	return items.length === 1 ? { item: items[0] } : items.map((item) => ({ item }));
}

/**
 * One campaign for all items, or one per item, optionally split by size; one output item per
 * campaign, paired to its items. Every campaign of a group is checked before the first is sent.
 */
export async function sendAdvancedCampaigns(
	this: IExecuteFunctions,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	if (items.length === 0) return [[]];
	const perItem = this.getNodeParameter('campaignMode', 0, 'all') === 'perItem';
	const { maxMessagesPerCampaign = 0 } = this.getNodeParameter('options', 0, {}) as DeliveryOptions;
	const groups = perItem ? items.map((_, index) => [index]) : [items.map((_, index) => index)];
	const output: INodeExecutionData[] = [];
	const fail = (error: unknown, group: number[]) => {
		const failure = asNodeError(this.getNode(), error, { itemIndex: group[0] });
		if (!this.continueOnFail()) return failure;
		output.push({
			json: { error: failure.message, description: failure.description ?? null },
			pairedItem: pairedTo(group),
		});
		return undefined;
	};
	for (const group of groups) {
		let campaigns: ReturnType<typeof splitCampaign>;
		try {
			campaigns = splitCampaign(this, await prepareCampaign(this, group), maxMessagesPerCampaign);
		} catch (error) {
			const failure = fail(error, group);
			if (failure) throw failure;
			continue;
		}
		const created: string[] = [];
		for (const [index, campaign] of campaigns.entries()) {
			try {
				const json = await deliver(this, campaign.body, campaign.items[0]);
				if (campaigns.length > 1) Object.assign(json, { part: index + 1, parts: campaigns.length });
				if (typeof json.folder_id === 'string') created.push(json.folder_id);
				output.push({ json, pairedItem: pairedTo(campaign.items) });
			} catch (error) {
				const failure = fail(error, campaign.items);
				if (!failure) continue;
				if (created.length > 0) {
					failure.description =
						`${failure.description ?? ''} Campaigns this run already created: ${created.join(', ')}; do not send them again.`.trim();
				}
				throw failure;
			}
		}
	}
	return [output];
}
