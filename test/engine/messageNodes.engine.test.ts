import {
	NodeConnectionTypes,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
} from 'n8n-workflow';

import { UazapiMessage } from '../../nodes/UazapiMessage/UazapiMessage.node';
import { REFERENCE, REFERENCE_NAMES as NAMES, REFERENCE_NODES } from '../helpers/referenceCampaign';
import { addNodeType, ADVANCED_SEND, ITEMS_SOURCE, runWorkflow } from './harness';
import { useImitation } from './imitation';
import { CREDENTIAL_ID, fieldsParameters, SEND_NODE, sendWorkflow } from './workflows';

/**
 * One message per node: Items → uazapi Message ×5 → uazapi Advanced Send (Define Messages Using:
 * Message Nodes) sends the same campaign as the single form and as JSON mode, names the node of a
 * message in its problems, and the message nodes pass their items on by reference.
 */

const MESSAGE = 'n8n-nodes-uazapi-sender.uazapiMessage';
addNodeType(MESSAGE, new UazapiMessage());

const imitation = useImitation('message-nodes-token');
const CONTACTS: INodeExecutionData[] = [
	{ json: { phone: '5511999990001', name: 'Ana' } },
	{ json: { phone: '5511999990002', name: 'Bia' } },
	{ json: { phone: '5511999990003', name: 'Caio' } },
];
const SETTINGS = { delayMin: 3, delayMax: 6, info: 'Vitrine' };

/** Items Source → one uazapi Message node per entry → uazapi Advanced Send. */
function chain(entries: IDataObject[], names = NAMES, items = CONTACTS) {
	const node = (name: string, type: string, parameters: IDataObject, x: number): INode => ({
		id: name,
		name,
		type,
		typeVersion: type === ADVANCED_SEND ? 1.1 : 1,
		position: [x, 0],
		parameters: parameters as INodeParameters,
		...(type === ADVANCED_SEND
			? { credentials: { uazapiSenderApi: { id: CREDENTIAL_ID, name: 'uazapi' } } }
			: {}),
	});
	const names_ = ['Items Source', ...names.slice(0, entries.length), SEND_NODE];
	const nodes = [
		node('Items Source', ITEMS_SOURCE, { items: items as unknown as IDataObject }, 0),
		...entries.map((entry, index) => node(names[index], MESSAGE, entry, 200 * (index + 1))),
		node(
			SEND_NODE,
			ADVANCED_SEND,
			{ defineMessages: 'nodes', number: '={{ $json.phone }}', ...SETTINGS },
			200 * (entries.length + 1),
		),
	];
	const connections = Object.fromEntries(
		names_
			.slice(0, -1)
			.map((name, index) => [
				name,
				{ main: [[{ node: names_[index + 1], type: 'main' as const, index: 0 }]] },
			]),
	);
	return { nodes, connections };
}

const posts = () =>
	imitation.server.requests.filter((request) => request.path === '/sender/advanced');

/** The reference campaign in JSON mode: what the editor entries build, written as uazapi JSON. */
const JSON_MESSAGES =
	'={{ [' +
	[
		'{ "number": $json.phone, "type": "text", "text": "Oi " + $json.name + "!" }',
		'{ "number": $json.phone, "type": "image", "file": "https://loja.com/promo.jpg", "text": "Promoção de verão" }',
		'{ "number": $json.phone, "type": "list", "text": "Escolha sua categoria:", "listButton": "Ver Categorias", "choices": ["[Eletrônicos]", "Smartphones|phones", "Notebooks|notes", "[Roupas]", "Camisetas|shirts", "Sapatos|shoes"] }',
		'{ "number": $json.phone, "type": "button", "text": "Ofertas da semana", "footerText": "Válido até domingo", "choices": ["Quero|want", "Ver ofertas|https://loja.com/ofertas", "Copiar cupom|copy:PROMO10", "Ligar|call:+5511999999999"] }',
		'{ "number": $json.phone, "type": "carousel", "text": "Conheça", "choices": ["[Caneca\\nA melhor caneca]", "{https://loja.com/caneca.jpg}", "Quero|mug", "[Camiseta]", "{https://loja.com/camiseta.jpg}", "Quero|shirt", "Site|https://loja.com/camiseta"] }',
	].join(', ') +
	'] }}';

describe('one message per node', () => {
	it('the reference campaign is the same body built by message nodes (choices one per line, or in the builder), by the single form (builder, or one per line) and in JSON mode', async () => {
		const builder = REFERENCE.map((entry) => ({ ...entry, choicesInput: 'builder' }));
		const lines = REFERENCE_NODES.map((entry) =>
			'choiceLines' in entry ? { ...entry, choicesInput: 'lines' } : entry,
		);
		const runs = [
			chain(REFERENCE_NODES),
			chain(builder),
			sendWorkflow(fieldsParameters(REFERENCE, SETTINGS), CONTACTS),
			sendWorkflow(fieldsParameters(lines, SETTINGS), CONTACTS),
			sendWorkflow({ defineMessages: 'json', messagesJson: JSON_MESSAGES, ...SETTINGS }, CONTACTS),
		];
		for (const workflow of runs) {
			expect((await runWorkflow(workflow, imitation.credentials())).error).toBeUndefined();
		}
		const [nodesBody, ...others] = posts().map((request) => request.body as IDataObject);
		expect(others).toHaveLength(4);
		for (const body of others) expect(body).toEqual(nodesBody);
		expect((nodesBody.messages as IDataObject[]).map((message) => message.type)).toEqual(
			Array(3).fill(['text', 'image', 'list', 'button', 'carousel']).flat(),
		);
	});

	it('a message node passes its items on by reference: n8n stores each contact once', async () => {
		const result = await runWorkflow(chain(REFERENCE_NODES.slice(0, 2)), imitation.credentials());
		const runData = result.run.data.resultData.runData;
		const [source, first, second] = ['Items Source', ...NAMES.slice(0, 2)].map(
			(name) => runData[name][0].data!.main[0]!,
		);
		source.forEach((item, index) => {
			expect(first[index].json).toBe(item.json);
			expect(second[index].json).toBe(item.json);
			expect(second[index].pairedItem).toEqual({ item: index });
		});
	});

	it("a problem names the message's node, position and type", async () => {
		const broken = [...REFERENCE_NODES];
		broken[1] = { type: 'image', mediaUrl: 'ftp://loja.com/promo.jpg' };
		const result = await runWorkflow(chain(broken), imitation.credentials());
		expect(result.error?.message).toMatch(
			/^3 problems in the input, nothing was sent\. Item 0, message 2 of 5 "Promo image" \(Image\): "Media URL"/,
		);
		expect(posts()).toHaveLength(0);
	});

	it('an empty mapped value in a message node is refused, naming the node', async () => {
		const result = await runWorkflow(
			chain(REFERENCE_NODES, NAMES, [{ json: { phone: '5511999990001' } }]),
			imitation.credentials(),
		);
		expect(result.error?.message).toBe(
			'Item 0, message 1 of 5 "Welcome text" (Text): "Text" maps {{ $json.name }}, which is missing for this item',
		);
		expect(posts()).toHaveLength(0);
	});

	it('an expression n8n cannot evaluate in a message node names the node and the field', async () => {
		const entries = [{ type: 'text', text: "={{ $('Nowhere').item.json.name }}" }];
		const result = await runWorkflow(chain(entries), imitation.credentials());
		expect(result.error?.message).toMatch(
			/Item 0, message 1 of 1 "Welcome text" \(Text\): "Text" could not be evaluated: Referenced node doesn't exist/,
		);
	});

	it('without message nodes before it, the sender says where the messages should come from', async () => {
		const result = await runWorkflow(chain([]), imitation.credentials());
		expect(result.error?.message).toMatch(
			/"Define Messages Using" is "Message Nodes", but no uazapi Message node comes before this node/,
		);
		expect(imitation.server.requests).toHaveLength(0);
	});
});

describe('the dry run of message nodes', () => {
	it("heads each message's column with its node's name", async () => {
		const workflow = chain(REFERENCE_NODES);
		workflow.nodes[workflow.nodes.length - 1].parameters.dryRun = true;
		const result = await runWorkflow(workflow, imitation.credentials());
		expect(result.error).toBeUndefined();
		const rows = result.output(SEND_NODE);
		expect(rows).toHaveLength(3);
		expect(rows[2].json).toMatchObject({
			recipient: '5511999990003',
			'message 1 (Welcome text)': 'Oi Caio!',
			'message 5 (Products)': expect.stringContaining('Card 2: Camiseta'),
		});
		expect(posts()).toHaveLength(0);
	});
});

describe('which message nodes count', () => {
	it('a deactivated message node in the chain is skipped', async () => {
		const workflow = chain(REFERENCE_NODES.slice(0, 3));
		workflow.nodes[2].disabled = true; // "Promo image"
		await runWorkflow(workflow, imitation.credentials());
		const [body] = posts().map((request) => request.body as { messages: IDataObject[] });
		expect(body.messages.slice(0, 2).map((message) => message.type)).toEqual(['text', 'list']);
	});
});

describe('message nodes placed before the node that makes the contacts', () => {
	/** Stands in for a CRM fetch or a Split Out: one item in, the contacts out. */
	class Contacts implements INodeType {
		description = {
			displayName: 'Contacts',
			name: 'contacts',
			group: ['transform'],
			version: 1,
			description: 'test stand-in',
			defaults: { name: 'Contacts' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			properties: [],
		} as INodeType['description'];

		async execute(): Promise<INodeExecutionData[][]> {
			return [CONTACTS.map((item) => ({ json: { ...item.json }, pairedItem: { item: 0 } }))];
		}
	}
	addNodeType('test.contacts', new Contacts());

	it('still count, so that n8n stores only the trigger item for them, and send the same body', async () => {
		const workflow = chain(REFERENCE_NODES, NAMES, [{ json: {} }]);
		const contacts: INode = {
			id: 'contacts',
			name: 'Contacts',
			type: 'test.contacts',
			typeVersion: 1,
			position: [1200, 0],
			parameters: {},
		};
		// Items Source → messages → Contacts → sender.
		workflow.nodes.splice(workflow.nodes.length - 1, 0, contacts);
		const last = NAMES[NAMES.length - 1];
		workflow.connections[last] = { main: [[{ node: 'Contacts', type: 'main', index: 0 }]] };
		workflow.connections.Contacts = { main: [[{ node: SEND_NODE, type: 'main', index: 0 }]] };
		const upstream = await runWorkflow(workflow, imitation.credentials());
		expect(upstream.error).toBeUndefined();
		await runWorkflow(chain(REFERENCE_NODES), imitation.credentials());
		const [before, after] = posts().map((request) => request.body);
		expect(before).toEqual(after);
	});
});
