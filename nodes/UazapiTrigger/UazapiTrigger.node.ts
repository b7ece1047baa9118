import {
	NodeConnectionTypes,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../shared/contract';
import { triggerProperties } from './description';
import { receive } from './webhook/receive';
import { checkExists, create, deleteWebhook } from './webhook/register';

export class UazapiTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'uazapi Trigger',
		name: 'uazapiTrigger',
		icon: { light: 'file:../../icons/uazapi.svg', dark: 'file:../../icons/uazapi.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["events"].join(", ") }}',
		description:
			'Starts the workflow on WhatsApp replies, button and list choices, poll votes, message statuses, campaign and connection events of a uazapi instance',
		defaults: { name: 'uazapi Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: triggerProperties,
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await checkExists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await create.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await deleteWebhook.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receive.call(this);
	}
}
