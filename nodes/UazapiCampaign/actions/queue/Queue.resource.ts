import type { INodeProperties } from 'n8n-workflow';

import { resourceProperties, type Operation } from '../operation';
import { clearAll } from './clearAll.operation';
import { clearSent } from './clearSent.operation';

export const queueOperations: Record<string, Operation> = { clearSent, clearAll };

export const queueDescription: INodeProperties[] = resourceProperties(
	'queue',
	queueOperations,
	'clearSent',
);
