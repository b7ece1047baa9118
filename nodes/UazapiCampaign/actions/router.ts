import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { asNodeError } from '../../shared/inputErrors';
import { campaignOperations } from './campaign/Campaign.resource';
import { messageOperations } from './message/Message.resource';
import type { Operation } from './operation';
import { queueOperations } from './queue/Queue.resource';

const operations: Record<string, Record<string, Operation>> = {
	campaign: campaignOperations,
	message: messageOperations,
	queue: queueOperations,
};

/** An own entry only: a saved value such as "toString" must not reach an object's prototype. */
function entry<T>(record: Record<string, T>, key: string): T | undefined {
	return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/**
 * The operation the workflow has saved. A value this version does not know comes from an editor
 * left without a choice or from a workflow made with a newer version of the package.
 */
function chosenOperation(context: IExecuteFunctions): Operation {
	const resource = context.getNodeParameter('resource', 0) as string;
	const operation = context.getNodeParameter('operation', 0) as string;
	const ofResource = entry(operations, resource);
	const chosen = ofResource && entry(ofResource, operation);
	if (chosen) return chosen;
	throw new NodeOperationError(
		context.getNode(),
		ofResource
			? `The operation "${operation}" is not known for resource "${resource}"`
			: `The resource "${resource}" is not known`,
		{
			description:
				'Pick a resource and an operation in the node editor. If they are picked already, the workflow was made with a newer version of n8n-nodes-uazapi-sender: update the package on this n8n.',
		},
	);
}

/** Runs the chosen operation once per input item; each result item is paired to its input. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const output: INodeExecutionData[] = [];
	const items = this.getInputData();
	const operation = chosenOperation(this);
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const results = await operation.execute.call(this, itemIndex);
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
