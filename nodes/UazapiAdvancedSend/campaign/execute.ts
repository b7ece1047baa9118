import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { checkDistinctKeys } from './campaignKey';
import { CampaignKeyGuard, isGuarded } from './guard';
import { CreatedCampaigns } from './created';
import { alreadyCreated, checkAccepted, postCampaign } from './deliver';
import { contactRows, dryRunRows } from './recipientRows';
import { riskHints } from './riskHints';
import { checkNumbers } from './checkNumbers';
import { collectCampaign } from './readCampaign';
import { planCampaigns } from './plan';
import { asNodeError, InputProblems } from '../../shared/inputErrors';
import type { ItemParameters } from '../parameters/itemParameters';
import { PARAMETERS } from '../parameters/names';
import type { CollectedCampaign, PlannedCampaign } from './model';

function pairedTo(items: number[]) {
	return items.length === 1 ? { item: items[0] } : items.map((item) => ({ item }));
}

/** A campaign's items, and the items left out of it: they are paired to its output too. */
function itemsOf(campaign: PlannedCampaign): number[] {
	const leftOut = campaign.recipients?.leftOut.map(({ item }) => item) ?? [];
	return [...new Set([...campaign.items, ...leftOut])].sort((a, b) => a - b);
}

/** The output of a campaign whose every recipient was left out: no campaign is created. */
function nobodyLeft(campaign: CollectedCampaign): IDataObject {
	return {
		created: false,
		reason: 'Every recipient was left out, so no campaign was created',
		recipientCount: 0,
		leftOut: campaign.leftOut as unknown as IDataObject[],
	};
}

/**
 * One campaign for all items, or one per item, optionally split by size; one output item per
 * campaign, paired to its items. Every campaign of the run is built and checked before the
 * first is posted, and each is posted at most once.
 */
export async function sendAdvancedCampaigns(
	this: IExecuteFunctions,
	parameters: ItemParameters,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	if (items.length === 0) return [[]];
	const perItem = this.getNodeParameter(PARAMETERS.campaignMode.name, 0, 'all') === 'perItem';
	const groups = perItem ? items.map((_, index) => [index]) : [items.map((_, index) => index)];
	const output: INodeExecutionData[] = [];
	const created = new CreatedCampaigns();
	/** With Continue On Fail the failure becomes an output item; otherwise it is returned to throw. */
	const fail = (error: unknown, campaignItems: number[]) => {
		const failure = asNodeError(this.getNode(), error, { itemIndex: campaignItems[0] });
		created.mention(failure);
		if (!this.continueOnFail()) return failure;
		output.push({
			json: { error: failure.message, description: failure.description ?? null },
			pairedItem: pairedTo(campaignItems),
		});
		return undefined;
	};

	const collected: CollectedCampaign[] = [];
	// Without Continue On Fail, the problems of every campaign are reported together.
	const problems = new InputProblems();
	for (const group of groups) {
		try {
			collected.push(await collectCampaign(this, parameters, group));
		} catch (error) {
			const failure = fail(error, group);
			if (failure instanceof NodeOperationError) problems.add(failure);
			else if (failure) throw failure;
		}
	}
	const problem = problems.error(this.getNode());
	if (problem) throw problem;
	const planned: PlannedCampaign[] = [];
	for (const campaign of await checkNumbers(this, collected, fail)) {
		if (campaign.items.length === 0) {
			output.push({ json: nobodyLeft(campaign), pairedItem: pairedTo(campaign.group) });
			continue;
		}
		try {
			planned.push(...planCampaigns(this, campaign));
		} catch (error) {
			const failure = fail(error, campaign.group);
			if (failure) throw failure;
		}
	}
	checkDistinctKeys(this, planned);

	const guard = new CampaignKeyGuard(this);
	let toPost = planned;
	try {
		await guard.open(planned);
	} catch (error) {
		// Nothing is posted yet. With Continue On Fail the campaigns with a key fail, the others go out.
		const guarded = planned.filter(isGuarded);
		for (const campaign of guarded) {
			const failure = fail(error, campaign.items);
			if (failure) throw failure;
		}
		toPost = planned.filter((campaign) => !guarded.includes(campaign));
	}
	guard.checkSplits(toPost);

	const warnings = riskHints(
		toPost.filter((campaign) => !guard.existing(campaign)),
		this.getTimezone(),
		Date.now(),
	);
	for (const campaign of toPost) {
		try {
			// Found at the last listing: neither posted again nor its files loaded.
			const json = guard.existing(campaign)
				? undefined
				: await postCampaign(this, campaign, async () => await guard.mayPost(campaign));
			if (json === undefined) {
				const existing = alreadyCreated(campaign, guard.existing(campaign)!, this.getTimezone());
				if (campaign.perContact) output.push(...contactRows(campaign, existing));
				else output.push({ json: existing, pairedItem: pairedTo(itemsOf(campaign)) });
				continue;
			}
			if (campaign.dryRun && this.getNode().typeVersion >= 1.1) {
				output.push(...dryRunRows(campaign, json, messageNames(this, parameters)));
				continue;
			}
			// A campaign uazapi accepted no message of queues nothing a re-run could send twice.
			if (!campaign.dryRun && json.count !== 0)
				created.add(json.folder_id as string, campaign.items);
			const warning = checkAccepted(this.getNode(), json, campaign.items[0]);
			if (warning) warnings.push(warning);
			if (campaign.perContact && !campaign.dryRun) output.push(...contactRows(campaign, json));
			else output.push({ json, pairedItem: pairedTo(itemsOf(campaign)) });
		} catch (error) {
			const failure = fail(error, campaign.items);
			if (failure) throw failure;
		}
	}
	if (warnings.length > 0) {
		this.addExecutionHints?.(
			...warnings.map((message) => ({
				message,
				type: 'warning' as const,
				location: 'outputPane' as const,
			})),
		);
	}
	// Campaigns failed while checking were reported first; people read the output in item order.
	const firstItem = (entry: INodeExecutionData) => {
		const paired = entry.pairedItem as { item: number } | Array<{ item: number }>;
		return Array.isArray(paired) ? paired[0].item : paired.item;
	};
	return [output.sort((a, b) => firstItem(a) - firstItem(b))];
}

/** The message nodes' names, which head the dry run's columns in Message Nodes mode. */
function messageNames(context: IExecuteFunctions, parameters: ItemParameters): string[] {
	const mode = context.getNodeParameter(PARAMETERS.defineMessages.name, 0, 'fields');
	return mode === 'nodes' ? parameters.messageNodes.nodes.map(({ name }) => name) : [];
}
