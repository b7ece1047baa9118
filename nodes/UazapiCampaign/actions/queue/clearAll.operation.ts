import {
	NodeOperationError,
	updateDisplayOptions,
	type IDataObject,
	type INodeProperties,
} from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/contract';
import { uazapiRequest } from '../../../shared/transport';
import type { Operation } from '../operation';

const properties: INodeProperties[] = [
	{
		displayName:
			'This deletes every campaign message of this instance, pending and sent, and every campaign. It cannot be undone.',
		name: 'clearAllNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Confirm',
		name: 'confirm',
		type: 'boolean',
		default: false,
		description: 'Whether you really want to delete the whole sender queue of this instance',
	},
];

export const clearAll: Operation = {
	option: {
		name: 'Clear All',
		value: 'clearAll',
		action: 'Clear the whole sender queue',
		description: 'Delete every campaign and message, pending and sent (irreversible)',
	},
	description: updateDisplayOptions(
		{ show: { resource: ['queue'], operation: ['clearAll'] } },
		properties,
	),
	async execute(itemIndex) {
		if (this.getNodeParameter('confirm', itemIndex, false) !== true) {
			throw new NodeOperationError(
				this.getNode(),
				'Clear All was not confirmed, so nothing was deleted',
				{
					itemIndex,
					description:
						'Clear All deletes every campaign and message of this instance and cannot be undone. Turn on "Confirm" to run it.',
				},
			);
		}
		const answer = (await uazapiRequest.call(this, {
			method: 'DELETE',
			endpoint: ENDPOINTS.clearAll,
			itemIndex,
		})) as IDataObject | undefined;
		return [
			{
				status: answer?.status ?? null,
				messagesDeleted: answer?.messages_deleted ?? null,
				campaignsDeleted: answer?.folders_deleted ?? null,
				info: answer?.info ?? null,
			},
		];
	},
};
