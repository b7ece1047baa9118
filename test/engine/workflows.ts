import type { IDataObject, INode, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { ADVANCED_SEND, ITEMS_SOURCE } from './harness';

export const SEND_NODE = 'uazapi Advanced Send';
export const CREDENTIAL_ID = 'engineCredential';

/** Items Source → one node of this package, with the given parameters and settings. */
export function itemsInto(
	node: { name: string; type: string },
	parameters: IDataObject,
	items: INodeExecutionData[],
	nodeSettings: Partial<INode> = {},
) {
	const nodes: INode[] = [
		{
			id: 'source',
			name: 'Items Source',
			type: ITEMS_SOURCE,
			typeVersion: 1,
			position: [0, 0],
			parameters: { items: items as unknown as INodeParameters[] },
		},
		{
			id: 'under-test',
			typeVersion: 1,
			position: [200, 0],
			parameters: parameters as INodeParameters,
			credentials: { uazapiSenderApi: { id: CREDENTIAL_ID, name: 'uazapi' } },
			...node,
			...nodeSettings,
		},
	];
	return {
		nodes,
		connections: {
			'Items Source': { main: [[{ node: node.name, type: 'main' as const, index: 0 }]] },
		},
	};
}

/** Items Source → uazapi Advanced Send, with the given node parameters and settings. */
export function sendWorkflow(
	parameters: IDataObject,
	items: INodeExecutionData[] = [{ json: { phone: '5511999999999', name: 'Maria' } }],
	nodeSettings: Partial<INode> = {},
) {
	return itemsInto({ name: SEND_NODE, type: ADVANCED_SEND }, parameters, items, nodeSettings);
}

/** The usual Fields-mode parameters: a recipient from the item and the given messages. */
export function fieldsParameters(messages: IDataObject[], extra: IDataObject = {}): IDataObject {
	return {
		number: '={{ $json.phone }}',
		messages: { message: messages },
		delayMin: 3,
		delayMax: 6,
		...extra,
	};
}

export function contacts(count: number): INodeExecutionData[] {
	return Array.from({ length: count }, (_, index) => ({
		json: { phone: `55119${String(10000000 + index).padStart(8, '0')}`, name: `Contact ${index}` },
	}));
}
