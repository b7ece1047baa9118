import {
	NodeOperationError,
	type IDataObject,
	type INodeExecutionData,
	type INodePropertyOptions,
} from 'n8n-workflow';

import { UazapiCampaign } from '../../nodes/UazapiCampaign/UazapiCampaign.node';
import { campaignOperations } from '../../nodes/UazapiCampaign/actions/campaign/Campaign.resource';
import { messageOperations } from '../../nodes/UazapiCampaign/actions/message/Message.resource';
import { queueOperations } from '../../nodes/UazapiCampaign/actions/queue/Queue.resource';
import { fakeContext, type ParameterValue } from '../helpers/fakeContext';

const node = new UazapiCampaign();
const folder = (id: string, extra: IDataObject = {}) => ({
	id,
	status: 'sending',
	log_total: 2,
	log_sucess: 1,
	log_failed: 0,
	...extra,
});

function run(
	parameters: Record<string, ParameterValue>,
	answers: unknown[],
	continueOnFail = false,
	items?: INodeExecutionData[],
) {
	const request = jest.fn();
	for (const answer of answers) {
		if (answer instanceof Error) request.mockRejectedValueOnce(answer);
		else request.mockResolvedValueOnce(answer);
	}
	const { context } = fakeContext({ parameters, request, continueOnFail, items });
	return { request, result: node.execute.call(context) };
}

const sent = (request: jest.Mock) =>
	request.mock.calls.map(([, options]) => options as IDataObject);

function operationParameter(resource: string) {
	const parameter = node.description.properties.find(
		(property) =>
			property.name === 'operation' && property.displayOptions?.show?.resource?.[0] === resource,
	)!;
	return { ...parameter, options: parameter.options as INodePropertyOptions[] };
}

describe('uazapi Campaign node', () => {
	it('is usable as an AI tool and names every action with its resource', () => {
		expect(node.description.usableAsTool).toBe(true);
		const actions = node.description.properties
			.filter((property) => property.name === 'operation')
			.flatMap((property) =>
				(property.options as Array<{ action: string }>).map((option) => option.action),
			);
		expect(actions).toHaveLength(10);
		for (const action of actions) expect(action).toMatch(/campaign|message|queue/);
	});

	it('keeps the operation values and defaults that workflows have saved', () => {
		expect(
			['campaign', 'message', 'queue'].map((resource) => {
				const parameter = operationParameter(resource);
				return [parameter.default, parameter.options.map((option) => option.value)];
			}),
		).toEqual([
			['get', ['delete', 'get', 'contactOutcomes', 'list', 'pause', 'resume', 'waitUntilDone']],
			['list', ['list']],
			['clearSent', ['clearAll', 'clearSent']],
		]);
	});

	it.each([
		['campaign', campaignOperations],
		['message', messageOperations],
		['queue', queueOperations],
	])(
		'lists each %s operation the router knows once, sorted by name, with its own fields',
		(resource, operations) => {
			const { options } = operationParameter(resource);
			expect(options.map((option) => option.value).sort()).toEqual(Object.keys(operations).sort());
			const names = options.map((option) => option.name);
			expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
			for (const [value, operation] of Object.entries(operations)) {
				for (const field of operation.description)
					expect(field.displayOptions?.show).toMatchObject({
						resource: [resource],
						operation: [value],
					});
			}
		},
	);

	it.each([
		['archive', 'campaign', 'The operation "archive" is not known for resource "campaign"'],
		['toString', 'campaign', 'The operation "toString" is not known for resource "campaign"'],
		['get', 'contact', 'The resource "contact" is not known'],
		['get', 'constructor', 'The resource "constructor" is not known'],
	])(
		'refuses operation "%s" of resource "%s" with a clear error, even with Continue On Fail',
		async (operation, resource, message) => {
			const { request, result } = run({ resource, operation }, [], true);
			const error = (await result.catch((failure: unknown) => failure)) as NodeOperationError;
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toBe(message);
			expect(error.description).toMatch(/^Pick a resource and an operation in the node editor/);
			expect(request).not.toHaveBeenCalled();
		},
	);

	it('gets many campaigns with the status filter and a limit', async () => {
		const { request, result } = run(
			{ resource: 'campaign', operation: 'list', status: 'Active', limit: 1 },
			[[folder('a'), folder('b')]],
		);
		const [items] = await result;
		expect(sent(request)[0]).toMatchObject({
			method: 'GET',
			url: '/sender/listfolders',
			qs: { status: 'Active' },
			// The transport's default: a silent server must not hang the execution for 300 s.
			timeout: 60_000,
		});
		expect(items.map((item) => item.json.folder_id)).toEqual(['a']);
	});

	it('gets one campaign by id, ignoring letter case', async () => {
		const { result } = run({ resource: 'campaign', operation: 'get', folderId: 'RABC' }, [
			[folder('r123'), folder('rabc')],
		]);
		const [[item]] = await result;
		expect(item.json).toMatchObject({ folder_id: 'rabc', total: 2, sent: 1, done: false });
	});

	it('says clearly when the campaign does not exist', async () => {
		const { result } = run({ resource: 'campaign', operation: 'get', folderId: 'rnone' }, [
			[folder('r123')],
		]);
		await expect(result).rejects.toThrow('No campaign "rnone" on this uazapi instance');
	});

	it.each([
		['pause', 'stop', { status: 'paused' }, { folder_id: 'r1', status: 'paused', message: null }],
		[
			'resume',
			'continue',
			{ status: 'scheduled', message: 'Folder resumed successfully' },
			{ folder_id: 'r1', status: 'scheduled', message: 'Folder resumed successfully' },
		],
		[
			'delete',
			'delete',
			{ status: 'deleting', message: 'Folder deletion has been initiated' },
			{
				folder_id: 'r1',
				status: 'deleting',
				message: 'Folder deletion has been initiated',
				deleted: true,
			},
		],
	])('%s sends /sender/edit with action %s', async (operation, action, answer, output) => {
		const { request, result } = run({ resource: 'campaign', operation, folderId: ' r1 ' }, [
			answer,
		]);
		const [[item]] = await result;
		expect(sent(request)[0]).toMatchObject({
			method: 'POST',
			url: '/sender/edit',
			body: { folder_id: 'r1', action },
			timeout: 60_000,
		});
		expect(item.json).toEqual(output);
	});

	it('refuses an empty campaign ID before any request', async () => {
		const { request, result } = run({ resource: 'campaign', operation: 'pause', folderId: '' }, []);
		await expect(result).rejects.toThrow('Item 0: "Campaign ID" is empty');
		expect(request).not.toHaveBeenCalled();
	});

	describe('after a Dry Run of uazapi Advanced Send', () => {
		const dryRunOutput: INodeExecutionData[] = [
			{ json: { dryRun: true, messageCount: 1, body: { delayMin: 3, delayMax: 6 } } },
		];
		// What the default {{ $json.folder_id }} gives for that item.
		const defaultFolderId = (itemIndex: number) => dryRunOutput[itemIndex].json.folder_id;

		it.each([
			['campaign', 'get'],
			['campaign', 'pause'],
			['campaign', 'resume'],
			['campaign', 'delete'],
			['campaign', 'waitUntilDone'],
			['message', 'list'],
		])('%s %s says no campaign was created, before any request', async (resource, operation) => {
			const { request, result } = run(
				{ resource, operation, folderId: defaultFolderId },
				[],
				false,
				dryRunOutput,
			);
			await expect(result).rejects.toMatchObject({
				message:
					'Item 0: the input is a Dry Run of uazapi Advanced Send, so no campaign was created',
				description:
					'Turn off Options → Dry Run in uazapi Advanced Send to create the campaign, then run again.',
			});
			expect(request).not.toHaveBeenCalled();
		});

		it('uses a Campaign ID that is mapped from elsewhere', async () => {
			const { result } = run(
				{ resource: 'campaign', operation: 'get', folderId: 'r123' },
				[[folder('r123')]],
				false,
				dryRunOutput,
			);
			const [[item]] = await result;
			expect(item.json.folder_id).toBe('r123');
		});
	});

	it('pages through messages with limit/offset and page/pageSize until a short page', async () => {
		const page = (from: number, count: number) => ({
			messages: Array.from({ length: count }, (_, index) => ({
				id: `m${from + index}`,
				status: 'Sent',
			})),
			pagination: { totalRecords: 2300 },
		});
		const { request, result } = run(
			{
				resource: 'message',
				operation: 'list',
				folderId: 'r1',
				messageStatus: 'Sent',
				returnAll: true,
			},
			[page(0, 1000), page(1000, 1000), page(2000, 300)],
		);
		const [items] = await result;
		expect(items).toHaveLength(2300);
		expect(items[2299].json).toEqual({ folder_id: 'r1', id: 'm2299', status: 'Sent' });
		expect(sent(request).map((options) => options.body)).toEqual([
			{ folder_id: 'r1', messageStatus: 'Sent', limit: 1000, offset: 0, page: 1, pageSize: 1000 },
			{
				folder_id: 'r1',
				messageStatus: 'Sent',
				limit: 1000,
				offset: 1000,
				page: 2,
				pageSize: 1000,
			},
			{
				folder_id: 'r1',
				messageStatus: 'Sent',
				limit: 1000,
				offset: 2000,
				page: 3,
				pageSize: 1000,
			},
		]);
	});

	it('stops paging when a server that ignores paging repeats the first page', async () => {
		const same = { messages: Array.from({ length: 1000 }, (_, index) => ({ id: `m${index}` })) };
		const { request, result } = run(
			{ resource: 'message', operation: 'list', folderId: 'r1', returnAll: true },
			[same, same],
		);
		const [items] = await result;
		expect(items).toHaveLength(1000);
		expect(request).toHaveBeenCalledTimes(2);
	});

	it("reads a campaign's outcomes to the last page of an older server (page/pageSize, total)", async () => {
		const messages = Array.from({ length: 1500 }, (_, index) => ({
			messageid: `m${index}`,
			chatid: `55119${String(70000000 + Math.floor(index / 2))}@s.whatsapp.net`,
			status: index % 2 ? 'Read' : 'Delivered',
		}));
		const page = (number: number) => ({
			messages: messages.slice((number - 1) * 1000, number * 1000),
			pagination: { total: 1500, page: number, pageSize: 1000, lastPage: 2 },
		});
		const { request, result } = run(
			{ resource: 'campaign', operation: 'contactOutcomes', folderId: 'r1', contact: '' },
			[[{ id: 'r1', status: 'done', log_total: 1500 }], page(1), page(2)],
		);
		const [items] = await result;
		expect(request).toHaveBeenCalledTimes(3);
		expect(sent(request).map((options) => (options.body as IDataObject)?.page)).toEqual([
			undefined,
			1,
			2,
		]);
		expect(items).toHaveLength(750);
		expect(items[749].json).toEqual({
			folder_id: 'r1',
			number: '5511970000749',
			status: 'Delivered',
			messages: [
				{ id: 'm1498', status: 'Delivered' },
				{ id: 'm1499', status: 'Read' },
			],
		});
	});

	it('asks only for the limit', async () => {
		const { request, result } = run(
			{ resource: 'message', operation: 'list', folderId: 'r1', limit: 5 },
			[{ messages: [{ id: 'a' }] }],
		);
		await result;
		expect(sent(request)[0].body).toEqual({
			folder_id: 'r1',
			limit: 5,
			offset: 0,
			page: 1,
			pageSize: 5,
		});
	});

	it('clears sent messages older than N hours', async () => {
		const { request, result } = run({ resource: 'queue', operation: 'clearSent', hours: 24 }, [
			{ status: 'cleanup started' },
		]);
		const [[item]] = await result;
		expect(sent(request)[0]).toMatchObject({
			method: 'POST',
			url: '/sender/cleardone',
			body: { hours: 24 },
		});
		expect(item.json).toEqual({ hours: 24, status: 'cleanup started' });
	});

	it('clears everything only when confirmed', async () => {
		const refused = run({ resource: 'queue', operation: 'clearAll', confirm: false }, []);
		await expect(refused.result).rejects.toThrow(
			'Clear All was not confirmed, so nothing was deleted',
		);
		expect(refused.request).not.toHaveBeenCalled();
		const confirmed = run({ resource: 'queue', operation: 'clearAll', confirm: true }, [
			{ status: 'processed', messages_deleted: 150, folders_deleted: 3 },
		]);
		const [[item]] = await confirmed.result;
		expect(sent(confirmed.request)[0]).toMatchObject({ method: 'DELETE', url: '/sender/clearall' });
		expect(item.json).toEqual({
			status: 'processed',
			messagesDeleted: 150,
			campaignsDeleted: 3,
			info: null,
		});
	});

	it('with Continue On Fail, outputs an error item for the failing input', async () => {
		const { result } = run(
			{ resource: 'campaign', operation: 'get', folderId: 'rnone' },
			[[]],
			true,
		);
		const [[item]] = await result;
		expect(item).toEqual({
			json: {
				error: 'No campaign "rnone" on this uazapi instance',
				description: expect.stringContaining('deleted'),
			},
			pairedItem: { item: 0 },
		});
	});
});
