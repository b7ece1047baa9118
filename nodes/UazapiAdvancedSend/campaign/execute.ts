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

/** Builds and checks one campaign from a group of input items; nothing is sent here. */
export async function prepareCampaign(
	context: IExecuteFunctions,
	group: number[],
): Promise<CampaignBody> {
	const now = Date.now();
	const settings = readSettings(context, group[0], now);
	const fromJson: Partial<CampaignFields> = {};
	const setBy = new Map<string, number>();
	const messages: IDataObject[] = [];
	for (const itemIndex of group) {
		const collected = collectItemMessages(context, itemIndex, now);
		const item = collected instanceof Promise ? await collected : collected;
		for (const message of item.messages) messages.push(message);
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
	const { delayMin, delayMax, info, scheduled_for } = fields;
	return {
		delayMin,
		delayMax,
		...(info === undefined ? {} : { info }),
		...(scheduled_for === undefined ? {} : { scheduled_for }),
		messages,
	};
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

/** One campaign for all items, or one per item; one output item per campaign, paired to its items. */
export async function sendAdvancedCampaigns(
	this: IExecuteFunctions,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	if (items.length === 0) return [[]];
	const perItem = this.getNodeParameter('campaignMode', 0, 'all') === 'perItem';
	const groups = perItem ? items.map((_, index) => [index]) : [items.map((_, index) => index)];
	const output: INodeExecutionData[] = [];
	for (const group of groups) {
		const pairedItem = group.length === 1 ? { item: group[0] } : group.map((item) => ({ item }));
		try {
			const body = await prepareCampaign(this, group);
			output.push({ json: await deliver(this, body, group[0]), pairedItem });
		} catch (error) {
			const failure = asNodeError(this.getNode(), error, { itemIndex: group[0] });
			if (!this.continueOnFail()) throw failure;
			output.push({
				json: { error: failure.message, description: failure.description ?? null },
				pairedItem,
			});
		}
	}
	return [output];
}
