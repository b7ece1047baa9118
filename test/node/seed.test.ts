import seedWorkflow from '../../examples/seed-advanced-send.workflow.json';
import seedPayload from '../fixtures/seed-payload.json';
import { UazapiAdvancedSend } from '../../nodes/UazapiAdvancedSend/UazapiAdvancedSend.node';
import { fakeContext } from '../helpers/fakeContext';

const sendNode = seedWorkflow.nodes.find((node) => node.type.endsWith('.uazapiAdvancedSend'))!;

describe('the seed example (Fields mode)', () => {
	it('builds exactly the payload of the original request', async () => {
		const { context } = fakeContext({
			parameters: { ...sendNode.parameters, options: { dryRun: true } },
		});
		const [[output]] = await new UazapiAdvancedSend().execute.call(context);
		expect(output.json.body).toEqual(seedPayload);
		expect(JSON.stringify(output.json.body)).toBe(JSON.stringify(seedPayload));
	});

	it('posts that payload to /sender/advanced on the credential server origin', async () => {
		const { context, request } = fakeContext({ parameters: sendNode.parameters });
		const [[output]] = await new UazapiAdvancedSend().execute.call(context);
		expect(request).toHaveBeenCalledTimes(1);
		const [credentialType, options] = request.mock.calls[0];
		expect(credentialType).toBe('uazapiSenderApi');
		expect(options).toMatchObject({
			method: 'POST',
			baseURL: 'https://impeto.uazapi.com',
			url: '/sender/advanced',
			json: true,
			timeout: 60000,
		});
		expect(options.body).toEqual(seedPayload);
		expect(output.json).toMatchObject({
			folder_id: 'r7c731ffe5ff76b',
			count: 1,
			status: 'queued',
			messageCount: 5,
		});
	});
});
