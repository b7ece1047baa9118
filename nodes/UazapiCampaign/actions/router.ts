import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { asNodeError } from '../../shared/errors';
import { campaignOperations } from './campaign/Campaign.resource';
import { messageOperations } from './message/Message.resource';
import type { Operation } from './operation';
import { queueOperations } from './queue/Queue.resource';

const operations: Record<string, Record<string, Operation>> = {
	campaign: campaignOperations,
	message: messageOperations,
	queue: queueOperations,
};

/** Runs the chosen operation once per input item; each result item is paired to its input. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const output: INodeExecutionData[] = [];
	const items = this.getInputData();
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const resource = this.getNodeParameter('resource', itemIndex) as string;
		const operation = this.getNodeParameter('operation', itemIndex) as string;
		try {
			const results = await operations[resource][operation].execute.call(this, itemIndex);
			for (const json of results) output.push({ json, pairedItem: { item: itemIndex } });
		} catch (error) {
			const failure = asNodeError(this.getNode(), error, { itemIndex });
			if (!this.continueOnFail()) throw failure;
			output.push({
				json: { error: failure.message, description: failure.description ?? null },
				pairedItem: { item: itemIndex },
			});
		}
	}
	return [output];
}
