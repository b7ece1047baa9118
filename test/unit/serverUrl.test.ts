import { Workflow, type INodeTypes } from 'n8n-workflow';

import { UazapiSenderApi } from '../../credentials/UazapiSenderApi.credentials';
import { serverOrigin } from '../../nodes/shared/transport';

const noNodeTypes: INodeTypes = {
	getByName: () => undefined as never,
	getByNameAndVersion: () => undefined as never,
	getKnownTypes: () => ({}),
};

/** Evaluates the credential test's baseURL expression the way n8n does, with $credentials set. */
function credentialTestBaseUrl(serverUrl: string): unknown {
	const workflow = new Workflow({
		nodes: [],
		connections: {},
		active: false,
		nodeTypes: noNodeTypes,
	});
	const expression = new UazapiSenderApi().test.request.baseURL as string;
	return workflow.expression.getParameterValue(expression, null, 0, 0, '', [], 'internal', {
		$credentials: { serverUrl, token: 'x' },
	} as never);
}

const CASES: Array<[string, string]> = [
	['https://impeto.uazapi.com', 'https://impeto.uazapi.com'],
	['https://impeto.uazapi.com/', 'https://impeto.uazapi.com'],
	['  https://impeto.uazapi.com//  ', 'https://impeto.uazapi.com'],
	['https://impeto.uazapi.com/instance/status', 'https://impeto.uazapi.com'],
	['https://impeto.uazapi.com/docs#/sender', 'https://impeto.uazapi.com'],
	['https://impeto.uazapi.com?token=1', 'https://impeto.uazapi.com'],
	['impeto.uazapi.com', 'https://impeto.uazapi.com'],
	['HTTPS://Impeto.uazapi.com/', 'HTTPS://Impeto.uazapi.com'],
	['http://127.0.0.1:8080/api/', 'http://127.0.0.1:8080'],
];

describe('server URL as the user typed it', () => {
	it.each(CASES)('%p → %p in the node transport', (typed, origin) => {
		expect(serverOrigin(typed)).toBe(origin);
	});

	it.each(CASES)('%p → %p in the credential test', (typed, origin) => {
		expect(credentialTestBaseUrl(typed)).toBe(origin);
	});
});
