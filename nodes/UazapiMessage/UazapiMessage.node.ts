import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { messageNodeProperties } from '../UazapiAdvancedSend/messages';

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
					"One message of the campaign that the uazapi Advanced Send node after it sends: name this node after its message. Best placed before the node that gets the contacts (n8n then stores the contacts once); map their fields as usual, e.g. $json.name, and check each contact's messages with the sender's Dry Run.",
				name: 'notice',
				type: 'notice',
				default: '',
			},
			...messageNodeProperties,
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
