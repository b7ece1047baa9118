import {
	NodeConnectionTypes,
	type IDataObject,
	type IExecuteFunctions,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
} from 'n8n-workflow';

import { addNodeType, ADVANCED_SEND, CAMPAIGN, ITEMS_SOURCE, runWorkflow } from './harness';
import { useImitation } from './imitation';
import { CREDENTIAL_ID, itemsInto } from './workflows';

/**
 * Close the loop: CRM contacts → uazapi Advanced Send (Output: One Item per Contact) → uazapi
 * Campaign (Wait Until Done, or Get Contact Outcomes, one item per contact) → a CRM update that
 * reads each contact's CRM id through n8n's item pairing.
 */

const CRM_UPDATE = 'test.crmUpdate';
/** What the CRM would receive: the CRM id read through n8n's pairing, and the outcome. */
class CrmUpdate implements INodeType {
	description = {
		displayName: 'CRM Update',
		name: 'crmUpdate',
		group: ['transform'],
		version: 1,
		description: 'test node',
		defaults: { name: 'CRM Update' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'CRM ID', name: 'crmId', type: 'string', default: '' }],
	} as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [
			this.getInputData().map((item, index) => ({
				json: { crmId: this.getNodeParameter('crmId', index), ...item.json },
				pairedItem: { item: index },
			})),
		];
	}
}
addNodeType(CRM_UPDATE, new CrmUpdate());

const imitation = useImitation('contact-outcomes-token');

/** Ten CRM contacts: the last repeats the first's number, the ninth has opted out. */
const CONTACTS: INodeExecutionData[] = Array.from({ length: 10 }, (_, index) => ({
	json: {
		crmId: `crm-${index}`,
		phone: `55119999900${String(index === 9 ? 0 : index).padStart(2, '0')}`,
	},
}));
const OPTED_OUT = '5511999990008';

/** What uazapi reports for each included contact's two messages, by contact index. */
const STATUSES: Record<number, [string, string]> = {
	0: ['Read', 'Read'],
	1: ['Read', 'Delivered'],
	2: ['Failed', 'Sent'],
	3: ['Sent', 'Sent'],
	4: ['Scheduled', 'Scheduled'],
};
const statusesOf = (index: number) => STATUSES[index] ?? ['Delivered', 'Delivered'];

/** The campaign is done at the first look, its messages as STATUSES says. */
function settleCampaign() {
	imitation.server.setBeforeListFolders((state) => {
		const [folder] = state.folders;
		folder.messages.forEach((message, position) => {
			const contact = Math.floor(position / 2);
			message.status = statusesOf(contact)[position % 2];
			if (message.status === 'Failed') message.error = 'number blocked the sender';
			if (message.status === 'Read') message.messageTimestamp = 1_800_000_000_000 + position;
		});
		folder.status = 'done';
	});
}

function loop(campaign: IDataObject) {
	const node = (name: string, type: string, parameters: IDataObject, x: number): INode => ({
		id: name,
		name,
		type,
		typeVersion: type === CAMPAIGN ? 1.1 : type === ADVANCED_SEND ? 1.2 : 1,
		position: [x, 0],
		parameters: parameters as INodeParameters,
		credentials: { uazapiSenderApi: { id: CREDENTIAL_ID, name: 'uazapi' } },
	});
	const nodes = [
		node('CRM', ITEMS_SOURCE, { items: CONTACTS as unknown as IDataObject }, 0),
		node(
			'Send',
			ADVANCED_SEND,
			{
				defineMessages: 'fields',
				number: '={{ $json.phone }}',
				messages: {
					message: [
						{ type: 'text', text: 'Oi!' },
						{ type: 'text', text: 'Ofertas da semana' },
					],
				},
				options: { output: 'contact', excludeNumbers: OPTED_OUT, checkNumbers: 'off' },
			},
			200,
		),
		node('Outcome', CAMPAIGN, { resource: 'campaign', ...campaign }, 400),
		node('CRM Update', CRM_UPDATE, { crmId: "={{ $('CRM').item.json.crmId }}" }, 600),
	];
	const names = nodes.map(({ name }) => name);
	return {
		nodes,
		connections: Object.fromEntries(
			names
				.slice(0, -1)
				.map((name, index) => [
					name,
					{ main: [[{ node: names[index + 1], type: 'main' as const, index: 0 }]] },
				]),
		),
	};
}

const EXPECTED = [
	['crm-0', '5511999990000', 'Read'],
	['crm-1', '5511999990001', 'Delivered'],
	['crm-2', '5511999990002', 'Failed'],
	['crm-3', '5511999990003', 'Sent'],
	['crm-4', '5511999990004', 'Scheduled'],
	['crm-5', '5511999990005', 'Delivered'],
	['crm-6', '5511999990006', 'Delivered'],
	['crm-7', '5511999990007', 'Delivered'],
	['crm-8', '5511999990008', 'Left Out'],
	['crm-9', '5511999990000', 'Left Out'],
];

describe('every contact gets exactly one outcome, paired to its own CRM item', () => {
	it.each([
		['Wait Until Done', { operation: 'waitUntilDone', outputPer: 'contact', pollInterval: 1 }],
		['Get Contact Outcomes', { operation: 'contactOutcomes' }],
	])('%s, one item per contact', async (_name, campaign) => {
		settleCampaign();
		const result = await runWorkflow(loop(campaign), imitation.credentials());
		expect(result.error).toBeUndefined();
		const rows = result.output('CRM Update').map((row) => row.json);
		expect(
			rows
				.map((row) => [row.crmId, row.number, row.status])
				.sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
		).toEqual(EXPECTED);
		const failed = rows.find((row) => row.crmId === 'crm-2')!;
		expect(failed.error).toBe('number blocked the sender');
		expect((failed.messages as IDataObject[]).map((message) => message.status)).toEqual([
			'Failed',
			'Sent',
		]);
		expect(rows.find((row) => row.crmId === 'crm-9')).toMatchObject({ leftOut: 'duplicate' });
		expect(rows.find((row) => row.crmId === 'crm-8')).toMatchObject({ leftOut: 'excluded' });
		// One reading of the campaign for the ten contacts.
		const reads = imitation.server.requests.filter(
			(request) => request.path === '/sender/listmessages',
		);
		expect(reads).toHaveLength(1);
	});

	/** A later workflow: one item, the campaign's folder_id stored somewhere, into the Campaign node. */
	const later = (parameters: IDataObject) =>
		runWorkflow(
			itemsInto(
				{ name: 'Outcome', type: CAMPAIGN },
				{ resource: 'campaign', operation: 'contactOutcomes', ...parameters },
				[{ json: {} }],
				{ typeVersion: 1.1 },
			),
			imitation.credentials(),
		);

	async function createdFolder(): Promise<string> {
		settleCampaign();
		const created = await runWorkflow(
			loop({ operation: 'contactOutcomes' }),
			imitation.credentials(),
		);
		expect(created.error).toBeUndefined();
		return created.output('Outcome')[0].json.folder_id as string;
	}

	it('from a bare folder_id (a later workflow), one item per contact of the campaign', async () => {
		const folderId = await createdFolder();
		const result = await later({ folderId, contact: '' });
		expect(result.error).toBeUndefined();
		expect(result.output('Outcome').map((row) => [row.json.number, row.json.status])).toEqual(
			EXPECTED.slice(0, 8).map(([, number, status]) => [number, status]),
		);
	});

	it('a listing shorter than the campaign is said on every row, and a contact without messages is Not Listed', async () => {
		const folderId = await createdFolder();
		// uazapi loses the last contact's two messages from its listing.
		const [folder] = imitation.server.state.folders;
		folder.messages.splice(-2);
		folder.log_total = 16;
		const result = await later({ folderId, contact: '5511999990007' });
		expect(result.error).toBeUndefined();
		expect(result.output('Outcome').map((row) => row.json)).toEqual([
			{
				folder_id: folderId,
				number: '5511999990007',
				status: 'Not Listed',
				messages: [],
				listing: { listed: 14, holds: 16 },
			},
		]);
	});
});
