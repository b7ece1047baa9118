import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../operation';
import { clearAll } from './clearAll.operation';
import { clearSent } from './clearSent.operation';

export const queueOperations: Record<string, Operation> = { clearSent, clearAll };

export const queueDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['queue'] } },
		options: [
			{
				name: 'Clear All',
				value: 'clearAll',
				action: 'Clear the whole sender queue',
				description: 'Delete every campaign and message, pending and sent (irreversible)',
			},
			{
				name: 'Clear Sent',
				value: 'clearSent',
				action: 'Clear sent messages',
				description: 'Remove sent campaign messages older than a number of hours',
			},
		],
		default: 'clearSent',
	},
	...clearSent.description,
	...clearAll.description,
];
