import { updateDisplayOptions, type IDataObject, type INodeProperties } from 'n8n-workflow';

import { ENDPOINTS, MESSAGES_PAGE_SIZE } from '../../../shared/contract';
import { readFolderId } from '../../helpers/readFolderId';
import { uazapiRequest } from '../../../shared/transport';
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

interface MessagesPage {
	messages?: IDataObject[];
	pagination?: IDataObject;
}

/**
 * Pages through POST /sender/listmessages. Current servers page with limit/offset, older ones with
 * page/pageSize: both are sent, so either reads the page meant. Paging stops at a short page, at
 * the announced total, or if a server that ignores both sends the same page twice.
 */
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
		const messages: IDataObject[] = [];
		let previousFirst: unknown;
		while (messages.length < wanted) {
			const limit = Math.min(MESSAGES_PAGE_SIZE, wanted - messages.length);
			const offset = messages.length;
			const answer = (await uazapiRequest.call(this, {
				method: 'POST',
				endpoint: ENDPOINTS.listMessages,
				itemIndex,
				body: {
					folder_id: folderId,
					...(messageStatus ? { messageStatus } : {}),
					limit,
					offset,
					page: Math.floor(offset / limit) + 1,
					pageSize: limit,
				},
			})) as MessagesPage | IDataObject[];
			const page = (Array.isArray(answer) ? answer : (answer?.messages ?? [])) as IDataObject[];
			const first = page[0]?.id ?? page[0]?.messageid;
			if (page.length === 0 || (offset > 0 && first !== undefined && first === previousFirst))
				break;
			previousFirst = first;
			messages.push(...page.map((message) => ({ folder_id: folderId, ...message })));
			const total = Number(
				(answer as MessagesPage)?.pagination?.totalRecords ??
					(answer as MessagesPage)?.pagination?.total,
			);
			if (page.length < limit || (Number.isFinite(total) && messages.length >= total)) break;
		}
		return messages.slice(0, wanted);
	},
};
