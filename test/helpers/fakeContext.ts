import type {
	IBinaryData,
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
} from 'n8n-workflow';

/** A parameter value, or a function of the item index standing in for an n8n expression. */
export type ParameterValue = unknown | ((itemIndex: number) => unknown);

export interface FakeContextOptions {
	parameters: Record<string, ParameterValue>;
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	timezone?: string;
	request?: jest.Mock;
}

export const TEST_NODE: INode = {
	id: 'node-under-test',
	name: 'uazapi Advanced Send',
	type: 'n8n-nodes-uazapi-sender.uazapiAdvancedSend',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

export const TEST_CREDENTIALS = {
	serverUrl: 'https://impeto.uazapi.com/',
	token: 'secret-instance-token',
};

/** Resolves "expression" functions for the item, at any depth, as n8n resolves expressions. */
function resolve(value: ParameterValue, itemIndex: number): unknown {
	if (typeof value === 'function')
		return resolve((value as (index: number) => unknown)(itemIndex), itemIndex);
	if (Array.isArray(value)) return value.map((entry) => resolve(entry, itemIndex));
	if (
		value !== null &&
		typeof value === 'object' &&
		Object.getPrototypeOf(value) === Object.prototype
	) {
		return Object.fromEntries(
			Object.entries(value).map(([key, entry]) => [key, resolve(entry, itemIndex)]),
		);
	}
	return value;
}

/** The parameters as saved: each stand-in expression is an expression only n8n evaluates. */
function rawOf(value: ParameterValue): unknown {
	if (typeof value === 'function') return '={{ standInExpression($itemIndex) }}';
	if (Array.isArray(value)) return value.map(rawOf);
	if (
		value !== null &&
		typeof value === 'object' &&
		Object.getPrototypeOf(value) === Object.prototype
	) {
		return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, rawOf(entry)]));
	}
	return value;
}

/** Reads "a.b.c" from the parameters for one item. */
function read(
	parameters: Record<string, ParameterValue>,
	path: string,
	itemIndex: number,
): unknown {
	let value: unknown = resolve(parameters, itemIndex);
	for (const key of path.split('.')) {
		value = (value as Record<string, unknown> | undefined)?.[key];
	}
	return value;
}

/**
 * The small part of IExecuteFunctions the node uses, with the HTTP helper as a jest mock so a
 * test sees exactly what would have been sent.
 */
export function fakeContext(options: FakeContextOptions) {
	const items: INodeExecutionData[] = options.items ?? [{ json: {} }];
	const request =
		options.request ??
		jest.fn().mockResolvedValue({ folder_id: 'r7c731ffe5ff76b', count: 1, status: 'queued' });
	const context = {
		getInputData: () => items,
		getNode: () => TEST_NODE,
		getTimezone: () => options.timezone ?? 'America/Sao_Paulo',
		continueOnFail: () => options.continueOnFail ?? false,
		getCredentials: jest.fn().mockResolvedValue(TEST_CREDENTIALS),
		getNodeParameter: (
			name: string,
			itemIndex: number,
			fallback?: unknown,
			parameterOptions?: { rawExpressions?: boolean },
		) => {
			const value = parameterOptions?.rawExpressions
				? read(rawOf(options.parameters) as Record<string, ParameterValue>, name, itemIndex)
				: read(options.parameters, name, itemIndex);
			return value === undefined ? fallback : value;
		},
		helpers: {
			// A copy of what was asked, as the real helper serialises the body when it sends it.
			httpRequestWithAuthentication: async (...args: unknown[]) =>
				await request(...(structuredClone(args) as unknown[])),
			getBinaryDataBuffer: async (itemIndex: number, property: string) =>
				Buffer.from(items[itemIndex].binary?.[property]?.data ?? '', 'base64'),
		},
	};
	return { context: context as unknown as IExecuteFunctions, request };
}

export function binaryItem(
	json: IDataObject,
	property: string,
	content: Buffer,
	meta: Partial<IBinaryData>,
): INodeExecutionData {
	return {
		json,
		binary: {
			[property]: {
				data: content.toString('base64'),
				mimeType: 'application/octet-stream',
				...meta,
			} as IBinaryData,
		},
	};
}
