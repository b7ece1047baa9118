import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../shared/contract';
import { ItemParameters } from './parameters/itemParameters';
import { sendAdvancedCampaigns } from './campaign/execute';
import { advancedSendProperties } from './description';

export class UazapiAdvancedSend implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'uazapi Advanced Send',
		name: 'uazapiAdvancedSend',
		icon: { light: 'file:../../icons/uazapi.svg', dark: 'file:../../icons/uazapi.dark.svg' },
		group: ['output'],
		version: [1, 1.1, 1.2],
		defaultVersion: 1.2,
		subtitle:
			'={{ $parameter["campaignMode"] === "perItem" ? "One campaign per item" : "One campaign for all items" }}',
		description:
			'Create a uazapi WhatsApp campaign from your items: texts, media, buttons, lists, polls and carousels',
		defaults: { name: 'uazapi Advanced Send' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: advancedSendProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await sendAdvancedCampaigns.call(this, new ItemParameters(this, advancedSendProperties));
	}
}
