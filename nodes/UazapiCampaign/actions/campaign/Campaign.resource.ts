import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../operation';
import { deleteCampaign, pauseCampaign, resumeCampaign } from './control.operation';
import { getCampaign } from './get.operation';
import { listCampaigns } from './list.operation';
import { waitUntilDone } from './waitUntilDone.operation';

export const campaignOperations: Record<string, Operation> = {
	list: listCampaigns,
	get: getCampaign,
	pause: pauseCampaign,
	resume: resumeCampaign,
	delete: deleteCampaign,
	waitUntilDone,
};

export const campaignDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['campaign'] } },
		options: [
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a campaign',
				description: 'Delete a campaign and its unsent messages',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a campaign',
				description: "Get a campaign's status and counters",
			},
			{
				name: 'Get Many',
				value: 'list',
				action: 'Get many campaigns',
				description: 'List the campaigns of this instance',
			},
			{
				name: 'Pause',
				value: 'pause',
				action: 'Pause a campaign',
				description: 'Stop sending; messages already sent stay sent',
			},
			{
				name: 'Resume',
				value: 'resume',
				action: 'Resume a campaign',
				description: 'Continue a paused campaign',
			},
			{
				name: 'Wait Until Done',
				value: 'waitUntilDone',
				action: 'Wait until a campaign is done',
				description: 'Poll the campaign until every message is sent, then output its counters',
			},
		],
		default: 'get',
	},
	...Object.values(campaignOperations).flatMap((operation) => operation.description),
];
