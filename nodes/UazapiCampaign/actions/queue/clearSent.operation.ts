import { updateDisplayOptions, type IDataObject, type INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/contract';
import { uazapiRequest } from '../../../shared/transport';
import type { Operation } from '../operation';

const properties: INodeProperties[] = [
	{
		displayName: 'Older Than (Hours)',
		name: 'hours',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 168,
		description: 'Remove sent campaign messages older than this; 168 hours is 7 days',
	},
];

export const clearSent: Operation = {
	option: {
		name: 'Clear Sent',
		value: 'clearSent',
		action: 'Clear sent messages',
		description: 'Remove sent campaign messages older than a number of hours',
	},
	description: updateDisplayOptions(
		{ show: { resource: ['queue'], operation: ['clearSent'] } },
		properties,
	),
	async execute(itemIndex) {
		const hours = this.getNodeParameter('hours', itemIndex, 168) as number;
		const answer = (await uazapiRequest.call(this, {
			method: 'POST',
			endpoint: ENDPOINTS.clearDone,
			body: { hours },
			itemIndex,
		})) as IDataObject | undefined;
		return [{ hours, status: answer?.status ?? null }];
	},
};
