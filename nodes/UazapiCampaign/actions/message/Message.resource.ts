import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../operation';
import { listMessages } from './list.operation';

export const messageOperations: Record<string, Operation> = { list: listMessages };

export const messageDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: [
			{
				name: 'Get Many',
				value: 'list',
				action: 'Get many messages of a campaign',
				description: "List a campaign's messages with their status",
			},
		],
		default: 'list',
	},
	...listMessages.description,
];
