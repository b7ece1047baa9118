import { LoadOptionsContext } from 'n8n-core';
import { Workflow, type IDataObject, type INodeExecutionData } from 'n8n-workflow';

import followUpWorkflow from '../../examples/campaign-follow-up.workflow.json';
import { startUazapiServer, type UazapiServer } from '../helpers/uazapiServer.cjs';
import { UazapiCampaign } from '../../nodes/UazapiCampaign/UazapiCampaign.node';
import { CAMPAIGN, engineAdditionalData, runWorkflow, testNodeTypes } from './harness';
import {
	contacts,
	CREDENTIAL_ID,
	fieldsParameters,
	itemsInto,
	SEND_NODE,
	sendWorkflow,
} from './workflows';

const TOKEN = 'campaign-secret-token';
let server: UazapiServer;
beforeAll(async () => {
	server = await startUazapiServer({ token: TOKEN });
});
beforeEach(() => server.reset());
afterAll(async () => server.close());

const credentials = () => ({ [CREDENTIAL_ID]: { serverUrl: server.url, token: TOKEN } });

/** Items Source → uazapi Campaign with the given parameters. */
function campaignWorkflow(parameters: IDataObject, items: INodeExecutionData[] = [{ json: {} }]) {
	return itemsInto({ name: 'uazapi Campaign', type: CAMPAIGN }, parameters, items);
}

async function createCampaign(recipients: number): Promise<string> {
	const result = await runWorkflow(
		sendWorkflow(fieldsParameters([{ type: 'text', text: 'Oi' }]), contacts(recipients)),
		credentials(),
	);
	expect(result.error).toBeUndefined();
	return result.output(SEND_NODE)[0].json.folder_id as string;
}

describe('uazapi Campaign node in n8n-core', () => {
	it('lists all 2,500 messages of a campaign across three pages', async () => {
		const folderId = await createCampaign(2500);
		server.requests.length = 0;
		const result = await runWorkflow(
			campaignWorkflow({ resource: 'message', operation: 'list', folderId, returnAll: true }),
			credentials(),
		);
		expect(result.error).toBeUndefined();
		const messages = result.output('uazapi Campaign');
		expect(messages).toHaveLength(2500);
		expect(new Set(messages.map((item) => item.json.id)).size).toBe(2500);
		expect(server.requests.map((request) => (request.body as IDataObject).offset)).toEqual([
			0, 1000, 2000,
		]);
	});

	it('lists only the failed messages when asked', async () => {
		const folderId = await createCampaign(5);
		server.progress(server.state.folders[0], 2, 'Failed');
		const result = await runWorkflow(
			campaignWorkflow({
				resource: 'message',
				operation: 'list',
				folderId,
				messageStatus: 'Failed',
				returnAll: true,
			}),
			credentials(),
		);
		expect(result.output('uazapi Campaign').map((item) => item.json.status)).toEqual([
			'Failed',
			'Failed',
		]);
	});

	it('pauses, resumes and deletes a campaign', async () => {
		const folderId = await createCampaign(2);
		const act = async (operation: string) =>
			(
				await runWorkflow(
					campaignWorkflow({ resource: 'campaign', operation, folderId }),
					credentials(),
				)
			).output('uazapi Campaign')[0].json;
		expect(await act('pause')).toMatchObject({ status: 'paused' });
		expect(server.state.folders[0].status).toBe('paused');
		expect(await act('resume')).toMatchObject({ status: 'scheduled' });
		expect(server.state.folders[0].status).toBe('scheduled');
		expect(await act('delete')).toMatchObject({ deleted: true, status: 'deleting' });
		expect(server.state.folders).toHaveLength(0);
	});

	it('gets many campaigns with their counters', async () => {
		await createCampaign(3);
		await createCampaign(1);
		const result = await runWorkflow(
			campaignWorkflow({ resource: 'campaign', operation: 'list', returnAll: true }),
			credentials(),
		);
		expect(
			result
				.output('uazapi Campaign')
				.map((item) => [item.json.total, item.json.delayMin, item.json.delayMax]),
		).toEqual([
			[1, 3, 6],
			[3, 3, 6],
		]);
	});

	it('waits while the campaign goes from scheduled to sending to done', async () => {
		const folderId = await createCampaign(4);
		const statuses: string[] = [];
		server.setBeforeListFolders((state) => {
			const [folder] = state.folders;
			if (statuses.length > 0) server.progress(folder, 2);
			statuses.push(folder.status);
		});
		const result = await runWorkflow(
			campaignWorkflow({
				resource: 'campaign',
				operation: 'waitUntilDone',
				folderId,
				pollInterval: 1,
				maxWait: 1,
			}),
			credentials(),
		);
		expect(result.error).toBeUndefined();
		expect(statuses).toEqual(['scheduled', 'sending', 'done']);
		expect(result.output('uazapi Campaign')[0].json).toMatchObject({
			folder_id: folderId,
			status: 'done',
			done: true,
			total: 4,
			sent: 4,
			failed: 0,
			polls: 3,
			timedOut: false,
		});
	});

	it('ends the wait with a clear error when the campaign disappears', async () => {
		const folderId = await createCampaign(1);
		server.setBeforeListFolders((state) => state.folders.splice(0));
		const result = await runWorkflow(
			campaignWorkflow({
				resource: 'campaign',
				operation: 'waitUntilDone',
				folderId,
				pollInterval: 1,
			}),
			credentials(),
		);
		expect(result.error?.message).toBe(`No campaign "${folderId}" on this uazapi instance`);
	});

	it('after a Dry Run of Advanced Send, says no campaign was created', async () => {
		const dryRun = sendWorkflow(
			fieldsParameters([{ type: 'text', text: 'Oi' }], { options: { dryRun: true } }),
		);
		const workflow = {
			nodes: [
				...dryRun.nodes,
				{
					id: 'campaign',
					name: 'uazapi Campaign',
					type: CAMPAIGN,
					typeVersion: 1,
					position: [400, 0] as [number, number],
					parameters: { resource: 'campaign', operation: 'waitUntilDone' },
					credentials: { uazapiSenderApi: { id: CREDENTIAL_ID, name: 'uazapi' } },
				},
			],
			connections: {
				...dryRun.connections,
				[SEND_NODE]: { main: [[{ node: 'uazapi Campaign', type: 'main' as const, index: 0 }]] },
			},
		};
		const result = await runWorkflow(workflow, credentials());
		expect(result.error).toMatchObject({
			message: 'Item 0: the input is a Dry Run of uazapi Advanced Send, so no campaign was created',
			description:
				'Turn off Options → Dry Run in uazapi Advanced Send to create the campaign, then run again.',
		});
		expect(server.requests).toHaveLength(0);
	});

	it('refuses an operation this version does not know, naming it', async () => {
		const result = await runWorkflow(
			campaignWorkflow({ resource: 'queue', operation: 'clearFailed' }),
			credentials(),
		);
		expect(result.error).toMatchObject({
			name: 'NodeOperationError',
			message: 'The operation "clearFailed" is not known for resource "queue"',
		});
		expect(server.requests).toHaveLength(0);
	});

	it('runs the example chain: Advanced Send → Wait Until Done → List Messages', async () => {
		server.setBeforeListFolders((state) =>
			state.folders.forEach((folder) => server.progress(folder, 1)),
		);
		const result = await runWorkflow(followUpWorkflow as never, {
			uazapiCredential: { serverUrl: server.url, token: TOKEN },
		});
		expect(result.error).toBeUndefined();
		expect(result.output('Wait Until Done')[0].json).toMatchObject({
			done: true,
			total: 1,
			sent: 1,
		});
		expect(result.output('List Messages').map((item) => item.json.status)).toEqual(['Sent']);
		expect(
			server.requests.map((request) => `${request.method} ${request.path.split('?')[0]}`),
		).toEqual(['POST /sender/advanced', 'GET /sender/listfolders', 'POST /sender/listmessages']);
	});
});

describe('uazapi Campaign version 1.1: a campaign picked from a list, and Delete confirmed', () => {
	const v1_1 = (parameters: IDataObject) => {
		const workflow = campaignWorkflow(parameters);
		workflow.nodes[1].typeVersion = 1.1;
		return workflow;
	};

	it('the picker lists the campaigns by description, status and date, newest first, and searches them', async () => {
		const older = await createCampaign(1);
		await runWorkflow(
			sendWorkflow(
				fieldsParameters([{ type: 'text', text: 'Oi' }], { info: 'Black Friday' }),
				contacts(1),
			),
			credentials(),
		);
		const newer = server.state.folders[0].id;
		server.state.folders[0].created = '2027-03-10T12:30:00.000Z';
		server.state.folders[1].created = '2027-03-09T12:30:00.000Z';
		const workflow = new Workflow({
			id: 'picker',
			nodes: v1_1({ resource: 'campaign', operation: 'get' }).nodes,
			connections: {},
			active: false,
			nodeTypes: testNodeTypes,
			settings: { timezone: 'America/Sao_Paulo' },
		});
		const node = workflow.getNode('uazapi Campaign')!;
		const context = new LoadOptionsContext(
			workflow,
			node,
			engineAdditionalData(credentials()),
			'parameters.folderId',
		);
		const all = await new UazapiCampaign().methods.listSearch.searchCampaigns.call(context);
		expect(all.results).toEqual([
			{ name: 'Black Friday · scheduled · 2027-03-10 09:30', value: newer },
			{ name: '(no description) · scheduled · 2027-03-09 09:30', value: older },
		]);
		const found = await new UazapiCampaign().methods.listSearch.searchCampaigns.call(
			context,
			'friday',
		);
		expect(found.results.map((result) => result.value)).toEqual([newer]);
	});

	it('a campaign picked from the list is the one the operation reads', async () => {
		const folderId = await createCampaign(2);
		const result = await runWorkflow(
			v1_1({
				resource: 'campaign',
				operation: 'get',
				folderId: { __rl: true, mode: 'list', value: folderId },
			}),
			credentials(),
		);
		expect(result.error).toBeUndefined();
		expect(result.output('uazapi Campaign')[0].json.folder_id).toBe(folderId);
	});

	it('Delete without Confirm deletes nothing and says so; with Confirm it deletes', async () => {
		const folderId = await createCampaign(2);
		server.requests.length = 0;
		const refused = await runWorkflow(
			v1_1({
				resource: 'campaign',
				operation: 'delete',
				folderId: { __rl: true, mode: 'id', value: folderId },
			}),
			credentials(),
		);
		expect(refused.error?.message).toBe(
			`Delete of campaign ${folderId} was not confirmed, so nothing was deleted`,
		);
		expect(server.requests).toHaveLength(0);
		const deleted = await runWorkflow(
			v1_1({
				resource: 'campaign',
				operation: 'delete',
				folderId: { __rl: true, mode: 'id', value: folderId },
				confirm: true,
			}),
			credentials(),
		);
		expect(deleted.error).toBeUndefined();
		expect(deleted.output('uazapi Campaign')[0].json).toMatchObject({
			folder_id: folderId,
			deleted: true,
		});
	});

	it('version 1 still deletes without a Confirm switch, as saved workflows expect', async () => {
		const folderId = await createCampaign(1);
		const result = await runWorkflow(
			campaignWorkflow({ resource: 'campaign', operation: 'delete', folderId }),
			credentials(),
		);
		expect(result.error).toBeUndefined();
		expect(result.output('uazapi Campaign')[0].json.deleted).toBe(true);
	});
});
