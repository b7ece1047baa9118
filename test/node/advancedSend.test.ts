import { NodeApiError, type IDataObject, type JsonObject } from 'n8n-workflow';

import { UazapiAdvancedSend } from '../../nodes/UazapiAdvancedSend/UazapiAdvancedSend.node';
import {
	binaryItem,
	fakeContext,
	TEST_CREDENTIALS,
	TEST_NODE,
	type ParameterValue,
} from '../helpers/fakeContext';

const node = new UazapiAdvancedSend();
const phones = ['5511911111111', '5511922222222', '5511933333333'];
const items = phones.map((phone, index) => ({ json: { phone, name: `C${index}` } }));
const byItem = (values: unknown[]) => (index: number) => values[index];

const fields = (overrides: Record<string, ParameterValue> = {}) => ({
	defineMessages: 'fields',
	number: byItem(phones),
	messages: { message: [{ type: 'text', text: byItem(['Oi C0', 'Oi C1', 'Oi C2']) }] },
	delayMin: 3,
	delayMax: 6,
	...overrides,
});

const sentBodies = (request: jest.Mock) =>
	request.mock.calls.map(([, options]) => options.body as IDataObject);

describe('node description', () => {
	it('is usable as an AI tool, uses our credential and has a subtitle', () => {
		expect(node.description.usableAsTool).toBe(true);
		expect(node.description.credentials).toEqual([{ name: 'uazapiSenderApi', required: true }]);
		expect(node.description.subtitle).toContain('campaignMode');
	});
});

describe('Fields mode', () => {
	it('outputs nothing and sends nothing without input items', async () => {
		const { context, request } = fakeContext({ parameters: fields(), items: [] });
		expect(await node.execute.call(context)).toEqual([[]]);
		expect(request).not.toHaveBeenCalled();
	});

	it('reads campaign settings from the first item of a campaign', async () => {
		const { context, request } = fakeContext({
			parameters: fields({ info: byItem(['first', 'second', 'third']) }),
			items,
		});
		await node.execute.call(context);
		expect(sentBodies(request)[0]).toMatchObject({ info: 'first' });
	});

	it("sends a document from the item's binary data as base64 with its file name", async () => {
		const pdf = Buffer.from('%PDF-1.7 boleto');
		const { context, request } = fakeContext({
			parameters: fields({
				messages: {
					message: [{ type: 'document', mediaSource: 'binary', binaryProperty: 'boleto' }],
				},
			}),
			items: [
				binaryItem({ phone: phones[0] }, 'boleto', pdf, {
					mimeType: 'application/pdf',
					fileName: 'boleto-123.pdf',
				}),
			],
		});
		await node.execute.call(context);
		expect(sentBodies(request)[0].messages).toEqual([
			{
				number: phones[0],
				type: 'document',
				file: pdf.toString('base64'),
				docName: 'boleto-123.pdf',
				mimetype: 'application/pdf',
			},
		]);
	});

	it('a campaign the Campaign Key finds is neither posted again nor has its files read', async () => {
		const request = jest.fn(async (_type: unknown, options: { url: string }) =>
			options.url === '/sender/listfolders'
				? [{ id: 'rfound', info: '[key:boleto-1]', status: 'done', log_total: 1 }]
				: { folder_id: 'rnew', count: 1, status: 'queued' },
		);
		const { context } = fakeContext({
			parameters: fields({
				messages: {
					message: [{ type: 'document', mediaSource: 'binary', binaryProperty: 'boleto' }],
				},
				options: { campaignKey: 'boleto-1' },
			}),
			items: [
				binaryItem({ phone: phones[0] }, 'boleto', Buffer.from('%PDF'), {
					mimeType: 'application/pdf',
				}),
			],
			request,
		});
		const read = jest.spyOn(context.helpers, 'getBinaryDataBuffer');
		const [[output]] = await node.execute.call(context);
		expect(output.json).toMatchObject({ folder_id: 'rfound', alreadyCreated: true });
		expect(request.mock.calls.map(([, options]) => options.url)).toEqual(['/sender/listfolders']);
		expect(read).not.toHaveBeenCalled();
	});

	it("refuses a binary file above WhatsApp's size limit", async () => {
		const { context, request } = fakeContext({
			parameters: fields({ messages: { message: [{ type: 'image', mediaSource: 'binary' }] } }),
			// n8n records the size of a stored file as `bytes`; the node reads no content to check it.
			items: [
				binaryItem({}, 'data', Buffer.from('x'), {
					mimeType: 'image/png',
					bytes: 17 * 1024 * 1024,
				}),
			],
		});
		await expect(node.execute.call(context)).rejects.toThrow(
			'"Binary Property" "data" is 17.0 MB; WhatsApp accepts at most 16.0 MB',
		);
		expect(request).not.toHaveBeenCalled();
	});
});

describe('request size', () => {
	const MB = 1024 * 1024;
	const documents = (count: number, bytes: number) =>
		Array.from({ length: count }, (_, index) =>
			binaryItem({ phone: `55119${String(10000000 + index)}` }, 'invoice', Buffer.from('%PDF'), {
				mimeType: 'application/pdf',
				fileName: 'fatura.pdf',
				bytes,
			}),
		);
	const documentFields = (options: Record<string, ParameterValue>) =>
		fields({
			number: (index: number) => `55119${String(10000000 + index)}`,
			messages: {
				message: [{ type: 'document', mediaSource: 'binary', binaryProperty: 'invoice' }],
			},
			options,
		});

	it('refuses a 1 MB PDF for 150 recipients before reading a single file', async () => {
		const { context, request } = fakeContext({
			parameters: documentFields({}),
			items: documents(150, MB),
		});
		const read = jest.spyOn(context.helpers, 'getBinaryDataBuffer');
		await expect(node.execute.call(context)).rejects.toThrow(
			'Campaign settings: "Max Request Size (MB)" is 32, but this campaign would be a 200 MB request; most of it is binary "invoice" (fatura.pdf) 1.3 MB as base64 × 150 messages = 200 MB',
		);
		expect(read).not.toHaveBeenCalled();
		expect(request).not.toHaveBeenCalled();
	});

	it('measures the body exactly: a limit of its size passes, one byte less is refused', async () => {
		const items = phones.map((phone) => ({ json: { phone } }));
		const text = byItem(['Olá, João! 👋', 'Promoção de Natal', 'Até amanhã']);
		const parameters = (options: Record<string, ParameterValue>) =>
			fields({ messages: { message: [{ type: 'text', text }] }, options });
		const dry = fakeContext({ parameters: parameters({ dryRun: true }), items });
		const [[preview]] = await node.execute.call(dry.context);
		const bytes = Buffer.byteLength(JSON.stringify(preview.json.body));
		const fits = fakeContext({ parameters: parameters({ maxRequestSizeMb: bytes / MB }), items });
		await node.execute.call(fits.context);
		expect(Buffer.byteLength(JSON.stringify(sentBodies(fits.request)[0]))).toBe(bytes);
		const tooSmall = fakeContext({
			parameters: parameters({ maxRequestSizeMb: (bytes - 1) / MB }),
			items,
		});
		await expect(node.execute.call(tooSmall.context)).rejects.toThrow('"Max Request Size (MB)"');
		expect(tooSmall.request).not.toHaveBeenCalled();
	});

	it('reads each file only when its campaign is posted, one campaign after another', async () => {
		const { context, request } = fakeContext({
			parameters: { ...documentFields({}), campaignMode: 'perItem' },
			items: documents(3, 4),
		});
		const reads: number[] = [];
		jest.spyOn(context.helpers, 'getBinaryDataBuffer').mockImplementation(async () => {
			reads.push(request.mock.calls.length);
			return Buffer.from('%PDF');
		});
		await node.execute.call(context);
		// Item n's file is read after n campaigns were posted.
		expect(reads).toEqual([0, 1, 2]);
		expect(sentBodies(request).map((body) => (body.messages as IDataObject[])[0].file)).toEqual(
			Array(3).fill(Buffer.from('%PDF').toString('base64')),
		);
	});
});

describe('Messages values the editor never produces (hand-written or agent-filled JSON)', () => {
	it.each([
		[
			'a text instead of the list',
			'abc',
			'Item 0: "Messages" must be a list of messages, but it is the text "abc"',
		],
		['a null entry', [null], 'Item 0: "Messages" has an entry that is not a message'],
		['an empty list', [], 'Item 0: "Messages" is empty'],
	])('refuses %s by field', async (_name, message, error) => {
		const { context, request } = fakeContext({ parameters: fields({ messages: { message } }) });
		await expect(node.execute.call(context)).rejects.toThrow(error);
		expect(request).not.toHaveBeenCalled();
	});

	it('reads a null button as an empty one', async () => {
		const { context } = fakeContext({
			parameters: fields({
				messages: { message: [{ type: 'button', buttonsText: 'Oi', buttons: { button: [null] } }] },
			}),
		});
		await expect(node.execute.call(context)).rejects.toThrow(
			'Item 0, message 1 of 1 (Buttons): "Buttons › button 1 › Label" is empty',
		);
	});
});

describe('JSON mode', () => {
	const json = (value: ParameterValue) => ({
		defineMessages: 'json',
		messagesJson: value,
		delayMin: 3,
		delayMax: 6,
	});

	it('takes a message, a list of messages or a whole body per item', async () => {
		const { context, request } = fakeContext({
			parameters: json(
				byItem([
					{ number: phones[0], type: 'text', text: 'one' },
					JSON.stringify([{ number: phones[1], type: 'text', text: 'two' }]),
					{
						delayMin: 5,
						delayMax: 9,
						info: 'from JSON',
						messages: [{ number: phones[2], type: 'poll', text: 'Q', choices: ['A', 'B'] }],
					},
				]),
			),
			items,
		});
		const [[output]] = await node.execute.call(context);
		expect(sentBodies(request)).toEqual([
			{
				delayMin: 5,
				delayMax: 9,
				info: 'from JSON',
				messages: [
					{ number: phones[0], type: 'text', text: 'one' },
					{ number: phones[1], type: 'text', text: 'two' },
					{ number: phones[2], type: 'poll', text: 'Q', choices: ['A', 'B'] },
				],
			},
		]);
		expect(output.json).toMatchObject({ messageCount: 3, messageTypes: { text: 2, poll: 1 } });
	});

	it('normalises the numbers written in the JSON', async () => {
		const { context, request } = fakeContext({
			parameters: json([{ number: '+55 11 91111-1111', type: 'text', text: 'x' }]),
		});
		await node.execute.call(context);
		expect(sentBodies(request)[0].messages).toEqual([
			{ number: '5511911111111', type: 'text', text: 'x' },
		]);
	});

	it('refuses items of one campaign that disagree on campaign fields', async () => {
		const body = (delayMin: number) => ({
			delayMin,
			messages: [{ number: phones[0], type: 'text', text: 'x' }],
		});
		const { context, request } = fakeContext({
			parameters: json(byItem([body(3), body(3), body(4)])),
			items,
		});
		await expect(node.execute.call(context)).rejects.toThrow(
			'Item 2: "delayMin" is 4 here but 3 in item 0; one campaign has one value',
		);
		expect(request).not.toHaveBeenCalled();
	});

	it('checks delayMin against delayMax after a JSON body changed them', async () => {
		const { context } = fakeContext({
			parameters: json({
				delayMin: 10,
				messages: [{ number: phones[0], type: 'text', text: 'x' }],
			}),
		});
		await expect(node.execute.call(context)).rejects.toThrow(
			'Campaign settings: "delayMin" (10) is greater than delayMax (6)',
		);
	});
});

describe('Continue On Fail', () => {
	it('turns an invalid campaign into one error item paired to all its items, sending nothing', async () => {
		const { context, request } = fakeContext({
			parameters: fields({ number: byItem([phones[0], 'nope', phones[2]]) }),
			items,
			continueOnFail: true,
		});
		const [output] = await node.execute.call(context);
		expect(request).not.toHaveBeenCalled();
		expect(output).toEqual([
			{
				json: {
					error: 'Item 1: "Recipient" "nope" is not a phone number',
					description: expect.stringContaining('digits only'),
				},
				pairedItem: [{ item: 0 }, { item: 1 }, { item: 2 }],
			},
		]);
	});

	it('in per-item mode, reports the invalid item and sends the others', async () => {
		const { context, request } = fakeContext({
			parameters: fields({
				campaignMode: 'perItem',
				number: byItem([phones[0], 'nope', phones[2]]),
			}),
			items,
			continueOnFail: true,
		});
		const [output] = await node.execute.call(context);
		expect(request).toHaveBeenCalledTimes(2);
		expect(
			output.map((item) => [
				item.pairedItem,
				Boolean(item.json.folder_id),
				Boolean(item.json.error),
			]),
		).toEqual([
			[{ item: 0 }, true, false],
			[{ item: 1 }, false, true],
			[{ item: 2 }, true, false],
		]);
	});
});

/** What n8n's request helper throws for an HTTP failure: a NodeApiError around axios' error. */
function helperFailure(status: number | undefined, data: unknown, code?: string) {
	const axiosError = Object.assign(
		new Error(`Request failed${status ? ` with status code ${status}` : ''}`),
		{
			code,
			config: { headers: { token: TEST_CREDENTIALS.token } },
			response: status ? { status, data } : undefined,
		},
	);
	return new NodeApiError(TEST_NODE, axiosError as unknown as JsonObject);
}

async function failure(run: Promise<unknown>): Promise<NodeApiError> {
	try {
		await run;
	} catch (error) {
		return error as NodeApiError;
	}
	throw new Error('expected the node to fail');
}

describe('HTTP failures', () => {
	it.each([
		[
			400,
			{ error: 'Formato de número inválido' },
			undefined,
			'uazapi rejected the request: Formato de número inválido',
			/Fix the value/,
		],
		[
			401,
			{ error: 'Invalid token' },
			undefined,
			'uazapi refused the instance token',
			/Check the uazapi Sender credential/,
		],
		[
			403,
			{ error: 'forbidden' },
			undefined,
			'uazapi denied access to this instance',
			/belongs to this server/,
		],
		[
			404,
			'Not Found',
			undefined,
			'uazapi has no /sender/advanced on this server',
			/Check the server URL/,
		],
		[
			409,
			{ error: 'campaign already exists' },
			undefined,
			'The request to uazapi failed (HTTP 409)',
			/campaign already exists.*queue every message twice/,
		],
		[
			413,
			{ error: 'File size exceeds limit' },
			undefined,
			'uazapi refused the request as too large',
			/Send fewer messages/,
		],
		[
			429,
			{ error: 'Rate limit exceeded' },
			undefined,
			'uazapi is rate-limiting this instance',
			/Wait a few minutes/,
		],
		[
			500,
			{ error: 'WhatsApp client is not connected' },
			undefined,
			"The instance's WhatsApp is not connected",
			/Connect it in the uazapi panel.*"WhatsApp client is not connected"/,
		],
		[
			503,
			{ error: true, message: 'WhatsApp disconnected' },
			undefined,
			"The instance's WhatsApp is not connected",
			/WhatsApp disconnected/,
		],
		[
			undefined,
			undefined,
			'ECONNREFUSED',
			'Could not reach the uazapi server',
			/Check the server URL.*ECONNREFUSED/,
		],
		[
			undefined,
			undefined,
			'ECONNABORTED',
			'uazapi did not answer within 60 seconds',
			/Raise the Timeout option/,
		],
	])('HTTP %p %j %p → %p', async (status, data, code, message, description) => {
		const request = jest.fn().mockRejectedValue(helperFailure(status, data, code));
		const { context } = fakeContext({ parameters: fields(), items, request });
		const error = await failure(node.execute.call(context));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe(message);
		expect(error.description).toMatch(description);
		expect(error.httpCode).toBe(status === undefined ? null : String(status));
		expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain(
			TEST_CREDENTIALS.token,
		);
		expect(request).toHaveBeenCalledTimes(1);
	});

	it('masks the token when the server echoes it back', async () => {
		const request = jest
			.fn()
			.mockRejectedValue(helperFailure(400, { error: `bad token ${TEST_CREDENTIALS.token}` }));
		const { context } = fakeContext({ parameters: fields(), items, request });
		const error = await failure(node.execute.call(context));
		expect(error.message).toBe('uazapi rejected the request: bad token ***');
	});
});
