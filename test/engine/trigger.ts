import { HookContext, WebhookContext } from 'n8n-core';
import {
	Workflow,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type INode,
	type INodeParameters,
	type IWebhookData,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { UazapiTrigger } from '../../nodes/UazapiTrigger/UazapiTrigger.node';
import { engineAdditionalData, testNodeTypes, TRIGGER } from './harness';
import { CREDENTIAL_ID } from './workflows';

/**
 * The uazapi Trigger inside n8n-core's own contexts: HookContext for the webhook's registration
 * (real parameter reading, static data, webhook URLs and HTTP helper with the credential) and
 * WebhookContext for a delivery. One TriggerUnderTest is one node of one saved workflow: its
 * static data lives as long as the object, as n8n keeps it between activation and calls.
 */

export const TRIGGER_NODE = 'uazapi Trigger';
const WEBHOOK_ID = '5b0c2f7e-7d1a-4c43-9a55-3f1f0b7a1c11';
const trigger = new UazapiTrigger();

export interface Answer {
	status: number;
	body: unknown;
}

export interface Delivery {
	result: IWebhookResponseData;
	/** What n8n answers uazapi: the node's own answer to a refused call, else n8n's 200. */
	answer: Answer;
}

export class TriggerUnderTest {
	readonly workflow: Workflow;
	readonly node: INode;

	constructor(
		parameters: IDataObject,
		private readonly credentials: () => Record<string, ICredentialDataDecryptedObject>,
	) {
		this.node = {
			id: 'trigger',
			name: TRIGGER_NODE,
			type: TRIGGER,
			typeVersion: 1,
			position: [0, 0],
			webhookId: WEBHOOK_ID,
			parameters: parameters as INodeParameters,
			credentials: { uazapiSenderApi: { id: CREDENTIAL_ID, name: 'uazapi' } },
		};
		this.workflow = new Workflow({
			id: 'triggerTest',
			name: 'trigger test',
			nodes: [this.node],
			connections: {},
			active: true,
			nodeTypes: testNodeTypes,
			staticData: {},
		});
	}

	private webhookData(isTest: boolean): IWebhookData {
		const description = trigger.description.webhooks![0];
		return {
			httpMethod: 'POST',
			node: TRIGGER_NODE,
			path: `${WEBHOOK_ID}/${description.path}`,
			webhookDescription: description,
			workflowId: this.workflow.id,
			workflowExecuteAdditionalData: engineAdditionalData(this.credentials()),
			isTest,
		};
	}

	/** n8n's URL for this node: /webhook-test/... for "Listen for test event", else /webhook/... */
	url(isTest = false): string {
		return `http://127.0.0.1/${isTest ? 'webhook-test' : 'webhook'}/${WEBHOOK_ID}/webhook`;
	}

	get staticData(): IDataObject {
		return this.workflow.getStaticData('node', this.node);
	}

	private hooks(isTest: boolean) {
		return new HookContext(
			this.workflow,
			this.node,
			engineAdditionalData(this.credentials()),
			isTest ? 'manual' : 'trigger',
			'activate',
			this.webhookData(isTest),
		);
	}

	async checkExists(isTest = false): Promise<boolean> {
		return await trigger.webhookMethods.default.checkExists.call(this.hooks(isTest));
	}

	async create(isTest = false): Promise<boolean> {
		return await trigger.webhookMethods.default.create.call(this.hooks(isTest));
	}

	async delete(isTest = false): Promise<boolean> {
		return await trigger.webhookMethods.default.delete.call(this.hooks(isTest));
	}

	/** What n8n does on activation: create the webhook unless it exists. */
	async activate(isTest = false): Promise<void> {
		if (!(await this.checkExists(isTest))) await this.create(isTest);
	}

	/** A POST from uazapi (or anyone) to the node's URL with this query and body. */
	async deliver(body: IDataObject, query: IDataObject): Promise<Delivery> {
		const answer: Answer = { status: 200, body: undefined };
		const response = {
			status(code: number) {
				answer.status = code;
				return response;
			},
			json(body: unknown) {
				answer.body = body;
				return response;
			},
		};
		const additionalData = engineAdditionalData(this.credentials(), {
			httpRequest: { body, query, headers: {}, params: {} },
			httpResponse: response,
		} as unknown as IDataObject);
		const context = new WebhookContext(
			this.workflow,
			this.node,
			additionalData,
			'webhook',
			this.webhookData(false),
			[],
			null,
		);
		const result = await trigger.webhook.call(context);
		if (!result.noWebhookResponse) answer.body = result.webhookResponse;
		return { result, answer };
	}
}

/** The secret query parameter of the webhook this trigger registered. */
export function secretQuery(registeredUrl: string): IDataObject {
	return Object.fromEntries(new URL(registeredUrl).searchParams);
}
