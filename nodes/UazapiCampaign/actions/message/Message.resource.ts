import type { INodeProperties } from 'n8n-workflow';

import { resourceProperties, type Operation } from '../operation';
import { listMessages } from './list.operation';

export const messageOperations: Record<string, Operation> = { list: listMessages };

export const messageDescription: INodeProperties[] = resourceProperties(
	'message',
	messageOperations,
	'list',
);
