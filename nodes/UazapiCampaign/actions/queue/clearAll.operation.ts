import { updateDisplayOptions, type IDataObject } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/contract';
import { uazapiRequest } from '../../../shared/transport';
import { confirmProperties, requireConfirmation } from '../../helpers/confirmed';
import type { Operation } from '../operation';

const properties = confirmProperties(
	'clearAllNotice',
	'This deletes every campaign message of this instance, pending and sent, and every campaign. It cannot be undone.',
	'delete the whole sender queue of this instance',
);

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
		requireConfirmation(
			this,
			itemIndex,
			'Clear All',
			'Clear All deletes every campaign and message of this instance and cannot be undone.',
		);
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
