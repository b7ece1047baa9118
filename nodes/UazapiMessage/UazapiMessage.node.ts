import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { messageEntryProperties } from '../UazapiAdvancedSend/messages';

/**
 * One message of a campaign, in a panel of its own, named by the user ("Welcome text", "Menu"):
 * chained before uazapi Advanced Send (Define Messages Using → Message Nodes), the canvas
 * shows the sequence. The node passes its items on untouched; the sender reads its parameters.
 */
export class UazapiMessage implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'uazapi Message',
		name: 'uazapiMessage',
		icon: { light: 'file:../../icons/uazapi.svg', dark: 'file:../../icons/uazapi.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["type"] }}',
		description:
			'One WhatsApp message of a uazapi campaign: chain several before uazapi Advanced Send, which sends them in order',
		defaults: { name: 'uazapi Message' },
		// An agent can chain it like a person; alone it only passes its items on.
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{
				displayName:
					'This node adds one message to the campaign of the uazapi Advanced Send node after it (Define Messages Using: Message Nodes). Its items pass on unchanged.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			...messageEntryProperties,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		// The same objects, not copies: n8n then stores the contacts once, however long the chain.
		return [
			this.getInputData().map((item, index) => ({
				json: item.json,
				...(item.binary ? { binary: item.binary } : {}),
				pairedItem: { item: index },
			})),
		];
	}
}
