import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import {
	createRunExecutionData,
	ICredentialsHelper,
	Workflow,
	type IAuthenticateGeneric,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestOptions,
	type INode,
	type INodeExecutionData,
	type INodeType,
	type INodeTypes,
	type IRun,
	type IWorkflowBase,
	type IWorkflowExecuteAdditionalData,
	type WorkflowExecuteMode,
	NodeConnectionTypes,
} from 'n8n-workflow';

import { UazapiSenderApi } from '../../credentials/UazapiSenderApi.credentials';
import { UazapiAdvancedSend } from '../../nodes/UazapiAdvancedSend/UazapiAdvancedSend.node';
import { UazapiCampaign } from '../../nodes/UazapiCampaign/UazapiCampaign.node';
import { UazapiTrigger } from '../../nodes/UazapiTrigger/UazapiTrigger.node';

/**
 * Runs real workflows through n8n-core's WorkflowExecute: real parameter and expression
 * resolution, the real HTTP request helper, and the credential's generic authentication applied
 * the way n8n's CredentialsHelper does it. Only the trigger and the credential store are stand-ins.
 */

export const MANUAL_TRIGGER = 'n8n-nodes-base.manualTrigger';
export const ITEMS_SOURCE = 'test.itemsSource';
export const ADVANCED_SEND = 'n8n-nodes-uazapi-sender.uazapiAdvancedSend';
export const CAMPAIGN = 'n8n-nodes-uazapi-sender.uazapiCampaign';
export const TRIGGER = 'n8n-nodes-uazapi-sender.uazapiTrigger';

/** Stands in for n8n's Manual Trigger: one empty item. */
class ManualTrigger implements INodeType {
	description = {
		displayName: 'Manual Trigger',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: 'test stand-in',
		defaults: { name: 'Manual Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	} as INodeType['description'];

	async execute(): Promise<INodeExecutionData[][]> {
		return [[{ json: {} }]];
	}
}

/** A start node emitting the items (and binaries) a test puts in its "items" parameter. */
class ItemsSource implements INodeType {
	description = {
		displayName: 'Items Source',
		name: 'itemsSource',
		group: ['trigger'],
		version: 1,
		description: 'test stand-in',
		defaults: { name: 'Items Source' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	} as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getNodeParameter('items', 0) as unknown as INodeExecutionData[] | string;
		return [typeof items === 'string' ? (JSON.parse(items) as INodeExecutionData[]) : items];
	}
}

const nodeTypes: Record<string, INodeType> = {
	[MANUAL_TRIGGER]: new ManualTrigger(),
	[ITEMS_SOURCE]: new ItemsSource(),
	[ADVANCED_SEND]: new UazapiAdvancedSend(),
	[CAMPAIGN]: new UazapiCampaign(),
	[TRIGGER]: new UazapiTrigger(),
};

/** Adds a test-only node type, for a test that needs a node of its own. */
export function addNodeType(type: string, nodeType: INodeType): void {
	nodeTypes[type] = nodeType;
}

export const testNodeTypes: INodeTypes = {
	getByName: (type) => nodeTypes[type],
	getByNameAndVersion: (type) => nodeTypes[type],
	getKnownTypes: () => ({}),
};

const credentialTypes: Record<string, ICredentialType> = { uazapiSenderApi: new UazapiSenderApi() };

class TestCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly stored: Record<string, ICredentialDataDecryptedObject>) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const authenticate = credentialTypes[typeName].authenticate as IAuthenticateGeneric;
		const options = { ...requestOptions } as IHttpRequestOptions &
			Record<string, IDataObject | undefined>;
		for (const [target, values] of Object.entries(authenticate.properties)) {
			const resolved: IDataObject = { ...options[target] };
			for (const [key, expression] of Object.entries(values as IDataObject)) {
				resolved[key] = workflow.expression.getParameterValue(
					expression as string,
					null,
					0,
					0,
					node.name,
					[],
					'internal',
					{ $credentials: credentials } as IDataObject,
				) as string;
			}
			options[target] = resolved;
		}
		return options;
	}

	/** Like n8n's helper, defined for every type, so a 401 is retried once after "refreshing". */
	async preAuthentication(): Promise<undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<undefined> {
		return undefined;
	}

	async getCredentials(): Promise<never> {
		throw new Error('not used by these tests');
	}

	async getDecrypted(
		_additionalData: unknown,
		nodeCredentials: { id: string | null },
	): Promise<ICredentialDataDecryptedObject> {
		const stored = this.stored[nodeCredentials.id ?? ''];
		if (!stored) throw new Error(`Credential ${nodeCredentials.id} does not exist`);
		return { ...stored };
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(type: string) {
		return credentialTypes[type].properties;
	}
}

/**
 * What n8n-core needs around a node: the credential store and n8n's URLs on 127.0.0.1; `extra`
 * adds the execution hooks, or the HTTP request and response of a webhook call.
 */
export function engineAdditionalData(
	credentials: Record<string, ICredentialDataDecryptedObject>,
	extra: IDataObject = {},
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper: new TestCredentialsHelper(credentials),
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		formBaseUrl: 'http://127.0.0.1/form',
		formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
		formTestBaseUrl: 'http://127.0.0.1/form-test',
		webhookBaseUrl: 'http://127.0.0.1/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
		mcpBaseUrl: 'http://127.0.0.1/mcp',
		mcpTestBaseUrl: 'http://127.0.0.1/mcp-test',
		currentNodeExecutionIndex: 0,
		variables: {},
		logAiEvent: () => {},
		...extra,
	} as unknown as IWorkflowExecuteAdditionalData;
}

export interface EngineRun {
	run: IRun;
	/** Output items of a node, first output, first run. */
	output(nodeName: string): INodeExecutionData[];
	error: IRun['data']['resultData']['error'];
}

/** Runs a workflow (nodes + connections) from its start node; credentials keyed by id. */
export async function runWorkflow(
	workflowData: Pick<IWorkflowBase, 'nodes' | 'connections'> & { settings?: IDataObject },
	credentials: Record<string, ICredentialDataDecryptedObject>,
	startNodeName?: string,
): Promise<EngineRun> {
	const mode: WorkflowExecuteMode = 'manual';
	const workflow = new Workflow({
		id: 'engineTest',
		name: 'engine test',
		nodes: workflowData.nodes,
		connections: workflowData.connections,
		active: false,
		nodeTypes: testNodeTypes,
		settings: { executionOrder: 'v1', ...workflowData.settings },
	});
	const start =
		workflowData.nodes.find((node) => node.name === startNodeName) ??
		workflowData.nodes.find((node) => node.type === MANUAL_TRIGGER || node.type === ITEMS_SOURCE)!;
	const base: IWorkflowBase = {
		id: 'engineTest',
		name: 'engine test',
		active: false,
		isArchived: false,
		nodes: workflowData.nodes,
		connections: workflowData.connections,
		createdAt: new Date(),
		updatedAt: new Date(),
		activeVersionId: null,
	} as IWorkflowBase;
	const hooks = new ExecutionLifecycleHooks(mode, 'engine-test-execution', base);
	const additionalData = engineAdditionalData(credentials, { hooks });
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: start, data: { main: [[{ json: {} }]] }, source: null }],
		},
	});
	const run = await new WorkflowExecute(
		additionalData,
		mode,
		runExecutionData,
	).processRunExecutionData(workflow);
	return {
		run,
		error: run.data.resultData.error,
		output: (nodeName) => run.data.resultData.runData[nodeName]?.[0]?.data?.main?.[0] ?? [],
	};
}
