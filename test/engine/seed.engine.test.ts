import seedWorkflow from '../../examples/seed-advanced-send.workflow.json';
import seedPayload from '../fixtures/seed-payload.json';
import { startUazapiServer, type UazapiServer } from '../helpers/uazapiServer.cjs';
import { runWorkflow } from './harness';

let server: UazapiServer;

beforeAll(async () => {
	server = await startUazapiServer({ token: 'seed-secret-token' });
});
afterAll(async () => server.close());

describe('the seed example workflow in n8n-core', () => {
	it('sends exactly the seed payload with the token header', async () => {
		const result = await runWorkflow(seedWorkflow as never, {
			uazapiCredential: { serverUrl: `${server.url}/`, token: 'seed-secret-token' },
		});
		expect(result.error).toBeUndefined();
		expect(server.requests).toHaveLength(1);
		const [request] = server.requests;
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/sender/advanced');
		expect(request.headers.token).toBe('seed-secret-token');
		expect(request.body).toEqual(seedPayload);
		const [output] = result.output('uazapi Advanced Send');
		expect(output.json).toMatchObject({
			count: 5,
			status: 'queued',
			messageCount: 5,
			recipientCount: 1,
		});
		expect(JSON.stringify(result.run.data)).not.toContain('seed-secret-token');
	});
});
