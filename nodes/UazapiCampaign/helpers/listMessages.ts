import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ENDPOINTS, MESSAGES_PAGE_SIZE } from '../../shared/contract';
import { uazapiRequest } from '../../shared/transport';

interface MessagesPage {
	messages?: IDataObject[];
	pagination?: IDataObject;
}

export interface ListedMessages {
	messages: IDataObject[];
	/** How many messages uazapi says the listing holds, when it says. */
	total?: number;
}

/**
 * Pages through POST /sender/listmessages. Current servers page with limit/offset, older ones with
 * page/pageSize: both are sent, so either reads the page meant. Paging stops at a short page, at
 * the announced total, or if a server that ignores both sends the same page twice.
 */
export async function listCampaignMessages(
	context: IExecuteFunctions,
	itemIndex: number,
	folderId: string,
	{ status = '', wanted = Infinity }: { status?: string; wanted?: number } = {},
): Promise<ListedMessages> {
	const messages: IDataObject[] = [];
	let total: number | undefined;
	let previousFirst: unknown;
	while (messages.length < wanted) {
		const limit = Math.min(MESSAGES_PAGE_SIZE, wanted - messages.length);
		const offset = messages.length;
		const answer = (await uazapiRequest.call(context, {
			method: 'POST',
			endpoint: ENDPOINTS.listMessages,
			itemIndex,
			body: {
				folder_id: folderId,
				...(status ? { messageStatus: status } : {}),
				limit,
				offset,
				page: Math.floor(offset / limit) + 1,
				pageSize: limit,
			},
		})) as MessagesPage | IDataObject[];
		const page = (Array.isArray(answer) ? answer : (answer?.messages ?? [])) as IDataObject[];
		const first = page[0]?.id ?? page[0]?.messageid;
		if (page.length === 0 || (offset > 0 && first !== undefined && first === previousFirst)) break;
		previousFirst = first;
		messages.push(...page);
		const announced = Number(
			(answer as MessagesPage)?.pagination?.totalRecords ??
				(answer as MessagesPage)?.pagination?.total,
		);
		if (Number.isFinite(announced)) total = announced;
		if (page.length < limit || (total !== undefined && messages.length >= total)) break;
	}
	return { messages: messages.slice(0, wanted), total };
}
