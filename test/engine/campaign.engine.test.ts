import type { IDataObject } from 'n8n-workflow';

import { startUazapiServer, type UazapiServer } from '../helpers/uazapiServer.cjs';
import { runWorkflow } from './harness';
import { contacts, CREDENTIAL_ID, fieldsParameters, SEND_NODE, sendWorkflow } from './workflows';

const TOKEN = 'engine-secret-token';
let server: UazapiServer;

beforeAll(async () => {
	server = await startUazapiServer({ token: TOKEN });
});
beforeEach(() => {
	server.requests.length = 0;
	server.setResponder(undefined);
});
afterAll(async () => server.close());

const credentials = (token = TOKEN) => ({
	[CREDENTIAL_ID]: { serverUrl: `  ${server.url}/docs/ `, token },
});

const TEMPLATES = [
	{ type: 'text', text: '=Olá {{ $json.name }}!' },
	{
		type: 'button',
		buttonsText: '=Oferta para {{ $json.name }}',
		buttons: { button: [{ kind: 'reply', label: 'Quero', id: '=buy-{{ $json.phone }}' }] },
	},
];

describe('campaigns built by n8n-core from input items', () => {
	it('turns 25 items into one campaign with 25 × 2 messages, in order and personalised', async () => {
		const items = contacts(25);
		const result = await runWorkflow(
			sendWorkflow(fieldsParameters(TEMPLATES, { info: 'Black Friday' }), items),
			credentials(),
		);
		expect(result.error).toBeUndefined();
		expect(server.requests).toHaveLength(1);
		const body = server.requests[0].body as {
			messages: Array<Record<string, unknown>>;
			info: string;
		};
		expect(body.info).toBe('Black Friday');
		expect(body.messages).toHaveLength(50);
		items.forEach((item, index) => {
			expect(body.messages[2 * index]).toEqual({
				number: item.json.phone,
				type: 'text',
				text: `Olá ${item.json.name}!`,
			});
			expect(body.messages[2 * index + 1]).toEqual({
				number: item.json.phone,
				type: 'button',
				text: `Oferta para ${item.json.name}`,
				choices: [`Quero|buy-${item.json.phone}`],
			});
		});
		const output = result.output(SEND_NODE);
		expect(output).toHaveLength(1);
		expect(output[0].json).toMatchObject({
			count: 50,
			status: 'queued',
			messageCount: 50,
			recipientCount: 25,
			messageTypes: { text: 25, button: 25 },
		});
		expect(output[0].pairedItem).toEqual(items.map((_, item) => ({ item })));
	});

	it('creates one campaign per item when asked, each paired to its item', async () => {
		const items = contacts(3);
		const result = await runWorkflow(
			sendWorkflow(fieldsParameters(TEMPLATES, { campaignMode: 'perItem' }), items),
			credentials(),
		);
		expect(result.error).toBeUndefined();
		expect(server.requests).toHaveLength(3);
		const output = result.output(SEND_NODE);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(new Set(output.map((item) => item.json.folder_id)).size).toBe(3);
		server.requests.forEach((request, index) => {
			expect(
				(request.body as { messages: Array<{ number: string }> }).messages.map((m) => m.number),
			).toEqual([items[index].json.phone, items[index].json.phone]);
		});
	});

	it('sends nothing in a dry run and outputs the body', async () => {
		const result = await runWorkflow(
			sendWorkflow(fieldsParameters(TEMPLATES, { options: { dryRun: true } })),
			credentials(),
		);
		expect(result.error).toBeUndefined();
		expect(server.requests).toHaveLength(0);
		const [output] = result.output(SEND_NODE);
		expect(output.json).toMatchObject({
			dryRun: true,
			messageCount: 2,
			body: { delayMin: 3, delayMax: 6 },
		});
	});

	it('reads messages a Code node built, mapped in JSON mode with {{ $json.messages }}', async () => {
		const items = contacts(3).map(({ json }) => ({
			json: {
				messages: [
					{ number: json.phone, type: 'text', text: `Olá ${json.name as string}!` },
					{ number: json.phone, type: 'button', text: 'Ofertas?', choices: ['Sim|optin-1'] },
				],
			},
		}));
		const parameters = (messagesJson: string) => ({
			defineMessages: 'json',
			messagesJson,
			delayMin: 3,
			delayMax: 6,
			options: { dryRun: true },
		});
		const [mapped, byN8n] = await Promise.all(
			['={{ $json.messages }}', '={{ ($json.messages) }}'].map(async (messagesJson) => {
				const result = await runWorkflow(
					sendWorkflow(parameters(messagesJson), items),
					credentials(),
				);
				expect(result.error).toBeUndefined();
				return result.output(SEND_NODE)[0].json.body as IDataObject;
			}),
		);
		// The second is the same JavaScript, which the node leaves to n8n to evaluate.
		expect(mapped).toEqual(byN8n);
		expect(mapped.messages).toEqual(items.flatMap(({ json }) => json.messages));
	});

	it('sends scheduled_for as a unix ms timestamp for a date-time in the workflow time zone', async () => {
		const result = await runWorkflow(
			sendWorkflow(
				fieldsParameters([{ type: 'text', text: 'Oi' }], {
					schedule: 'at',
					scheduledAt: '2099-12-01T09:00:00',
				}),
			),
			credentials(),
		);
		expect(result.error).toBeUndefined();
		// The engine's default time zone is America/New_York: 09:00 there is 14:00 UTC in December.
		expect((server.requests[0].body as { scheduled_for: number }).scheduled_for).toBe(
			Date.UTC(2099, 11, 1, 14, 0, 0),
		);
	});
});

describe('answers from uazapi', () => {
	it("turns a 400 into an error carrying uazapi's text and status", async () => {
		server.setResponder(() => ({ status: 400, body: { error: 'Formato de número inválido' } }));
		const result = await runWorkflow(sendWorkflow(fieldsParameters(TEMPLATES)), credentials());
		expect(result.error?.message).toBe('uazapi rejected the request: Formato de número inválido');
		expect(result.error).toMatchObject({ httpCode: '400' });
		expect(server.requests).toHaveLength(1);
	});

	it('turns a 401 into an error pointing at the credential, never showing the token', async () => {
		const result = await runWorkflow(
			sendWorkflow(fieldsParameters(TEMPLATES)),
			credentials('wrong-secret-token'),
		);
		expect(result.error?.message).toBe('uazapi refused the instance token');
		expect(result.error?.description).toContain('Check the uazapi Sender credential');
		expect(result.error?.description).toContain('Invalid token');
		expect(JSON.stringify(result.run.data)).not.toContain('wrong-secret-token');
		expect(JSON.stringify(result.error, Object.getOwnPropertyNames(result.error))).not.toContain(
			'wrong-secret-token',
		);
		// n8n's request helper retries once after a 401 to refresh credentials; the campaign is
		// not queued by either attempt, so nothing is sent twice.
		expect(server.requests.map((request) => request.path)).toEqual([
			'/sender/advanced',
			'/sender/advanced',
		]);
	});

	it('reports a 200 without folder_id as a campaign that may exist', async () => {
		server.setResponder(() => ({ status: 200, raw: 'OK', contentType: 'text/plain' }));
		const result = await runWorkflow(sendWorkflow(fieldsParameters(TEMPLATES)), credentials());
		expect(result.error?.message).toBe('uazapi answered without a campaign ID (folder_id)');
		expect(result.error?.description).toContain('may have been created anyway');
		expect(server.requests).toHaveLength(1);
	});

	it('gives up after the timeout without retrying', async () => {
		server.setResponder(() => ({ status: 200, body: { folder_id: 'late' }, delayMs: 3000 }));
		const result = await runWorkflow(
			sendWorkflow(fieldsParameters(TEMPLATES, { options: { timeout: 1 } })),
			credentials(),
		);
		expect(result.error?.message).toBe('uazapi did not answer within 1 second');
		expect(result.error?.description).toContain('queue every message twice');
		expect(server.requests).toHaveLength(1);
	});

	it('with Continue On Fail, outputs the error and still sends the other campaigns', async () => {
		server.setResponder((request) =>
			(request.body as { messages: Array<{ number: string }> }).messages[0].number.endsWith('1')
				? { status: 500, body: { error: 'database error' } }
				: undefined,
		);
		const result = await runWorkflow(
			sendWorkflow(fieldsParameters(TEMPLATES, { campaignMode: 'perItem' }), contacts(3), {
				onError: 'continueRegularOutput',
			}),
			credentials(),
		);
		expect(result.error).toBeUndefined();
		const output = result.output(SEND_NODE);
		expect(output.map((item) => Boolean(item.json.folder_id))).toEqual([true, false, true]);
		expect(output[1].json.error).toBe(
			`uazapi failed to process the request (HTTP 500). This run already created campaign ${output[0].json.folder_id}`,
		);
		expect(output[1].pairedItem).toEqual({ item: 1 });
		expect(server.requests).toHaveLength(3);
	});
});

describe('media from binary data produced by an earlier node', () => {
	it('sends the file as base64 with the file name and MIME type n8n stored', async () => {
		const pdf = Buffer.from('%PDF-1.7 boleto 123');
		const items = [
			{
				json: { phone: '5511999999999' },
				binary: {
					data: {
						data: pdf.toString('base64'),
						mimeType: 'application/pdf',
						fileName: 'boleto.pdf',
					},
				},
			},
		];
		const result = await runWorkflow(
			sendWorkflow(
				fieldsParameters([{ type: 'document', mediaSource: 'binary', caption: 'Seu boleto' }]),
				items,
			),
			credentials(),
		);
		expect(result.error).toBeUndefined();
		expect((server.requests[0].body as { messages: unknown[] }).messages).toEqual([
			{
				number: '5511999999999',
				type: 'document',
				file: pdf.toString('base64'),
				text: 'Seu boleto',
				docName: 'boleto.pdf',
				mimetype: 'application/pdf',
			},
		]);
	});
});

describe('campaigns above a size', () => {
	const split = (extra: IDataObject = {}) =>
		fieldsParameters(TEMPLATES, { options: { maxMessagesPerCampaign: 5, ...extra } });

	it('are split at item boundaries, each part its own campaign and output item', async () => {
		const items = contacts(6);
		const result = await runWorkflow(sendWorkflow(split(), items), credentials());
		expect(result.error).toBeUndefined();
		// 6 items × 2 messages with at most 5 per campaign: 4 + 4 + 4 messages.
		expect(
			server.requests.map((request) => (request.body as { messages: unknown[] }).messages.length),
		).toEqual([4, 4, 4]);
		const output = result.output(SEND_NODE);
		expect(output.map((item) => [item.json.part, item.json.parts, item.pairedItem])).toEqual([
			[1, 3, [{ item: 0 }, { item: 1 }]],
			[2, 3, [{ item: 2 }, { item: 3 }]],
			[3, 3, [{ item: 4 }, { item: 5 }]],
		]);
		const numbers = server.requests.flatMap((request) =>
			(request.body as { messages: Array<{ number: string }> }).messages.map(
				(message) => message.number,
			),
		);
		expect(numbers).toEqual(items.flatMap((item) => [item.json.phone, item.json.phone]));
	});

	it('checks every part before sending the first', async () => {
		const result = await runWorkflow(
			sendWorkflow(
				split(),
				contacts(6).map((item, index) =>
					index === 5 ? { json: { ...item.json, phone: 'x' } } : item,
				),
			),
			credentials(),
		);
		expect(result.error?.message).toBe('Item 5: "Recipient" "x" is not a phone number');
		expect(server.requests).toHaveLength(0);
	});

	it("refuses a limit below one item's messages", async () => {
		const result = await runWorkflow(
			sendWorkflow(split({ maxMessagesPerCampaign: 1 }), contacts(2)),
			credentials(),
		);
		expect(result.error?.message).toBe(
			'Campaign settings: "Max Messages per Campaign" (1) is smaller than the 2 messages of item 0',
		);
		expect(server.requests).toHaveLength(0);
	});

	it('names the campaigns already created when a later part fails', async () => {
		server.setResponder((request) =>
			request.sequence === 1 ? { status: 500, body: { error: 'database error' } } : undefined,
		);
		const result = await runWorkflow(sendWorkflow(split(), contacts(6)), credentials());
		const firstFolder = server.state.folders[0].id;
		expect(result.error?.message).toBe(
			`uazapi failed to process the request (HTTP 500). This run already created campaign ${firstFolder}`,
		);
		expect(result.error?.description).toContain(
			`Already created by this run, and queued in uazapi: ${firstFolder} (items 0, 1).`,
		);
		expect(server.requests).toHaveLength(2);
	});
});
