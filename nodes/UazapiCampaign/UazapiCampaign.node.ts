import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../shared/contract';
import { campaignDescription } from './actions/campaign/Campaign.resource';
import { messageDescription } from './actions/message/Message.resource';
import { queueDescription } from './actions/queue/Queue.resource';
import { router } from './actions/router';
import { searchCampaigns } from './methods/searchCampaigns';

export class UazapiCampaign implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'uazapi Campaign',
		name: 'uazapiCampaign',
		icon: { light: 'file:../../icons/uazapi.svg', dark: 'file:../../icons/uazapi.dark.svg' },
		group: ['output'],
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Follow, pause, resume, delete and wait for uazapi WhatsApp campaigns',
		defaults: { name: 'uazapi Campaign' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Campaign', value: 'campaign' },
					{ name: 'Campaign Message', value: 'message' },
					{ name: 'Sender Queue', value: 'queue' },
				],
				default: 'campaign',
			},
			...campaignDescription,
			...messageDescription,
			...queueDescription,
		],
	};

	methods = { listSearch: { searchCampaigns } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
