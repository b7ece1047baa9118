import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { listCampaignMessages } from '../../helpers/listMessages';
import { readFolderId } from '../../helpers/readFolderId';
import { folderIdFields, returnAllOrLimit } from '../common.descriptions';
import type { Operation } from '../operation';

const properties: INodeProperties[] = [
	...folderIdFields,
	{
		displayName: 'Status',
		name: 'messageStatus',
		type: 'options',
		options: [
			{ name: 'All', value: '' },
			{ name: 'Failed', value: 'Failed' },
			{ name: 'Scheduled', value: 'Scheduled' },
			{ name: 'Sent', value: 'Sent' },
		],
		default: '',
	},
	...returnAllOrLimit,
];

/** A campaign's messages with their status, all pages or up to a limit. */
export const listMessages: Operation = {
	option: {
		name: 'Get Many',
		value: 'list',
		action: 'Get many messages of a campaign',
		description: "List a campaign's messages with their status",
	},
	description: updateDisplayOptions(
		{ show: { resource: ['message'], operation: ['list'] } },
		properties,
	),
	async execute(itemIndex) {
		const folderId = readFolderId(this, itemIndex);
		const messageStatus = this.getNodeParameter('messageStatus', itemIndex, '') as string;
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const wanted = returnAll ? Infinity : (this.getNodeParameter('limit', itemIndex, 50) as number);
		const { messages } = await listCampaignMessages(this, itemIndex, folderId, {
			status: messageStatus,
			wanted,
		});
		return messages.map((message) => ({ folder_id: folderId, ...message }));
	},
};
