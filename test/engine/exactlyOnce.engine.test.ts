import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { useImitation } from './imitation';
import { runWorkflow } from './harness';
import { contacts, fieldsParameters, SEND_NODE, sendWorkflow } from './workflows';

/**
 * A campaign goes out exactly once and exactly as checked: every campaign of a run is checked
 * before the first POST, errors after the first success name what was created, the schedule is
 * never a timestamp already in the past, uazapi's count is read, the request size is bounded, and
 * the Campaign Key finds a campaign that already exists instead of creating it twice. Real
 * workflows through n8n-core against the uazapi imitation, counting what reached it.
 */

const imitation = useImitation('exactly-once-token');
const credentials = imitation.credentials;
const TEXT = [{ type: 'text', text: '=Olá {{ $json.name }}!' }];
const perItem = (extra: IDataObject = {}) =>
	fieldsParameters(TEXT, { campaignMode: 'perItem', ...extra });
const posts = () =>
	imitation.server.requests.filter((request) => request.path === '/sender/advanced');
const listings = () =>
	imitation.server.requests.filter((request) => request.path === '/sender/listfolders');
const bodies = () => posts().map((request) => request.body as IDataObject);
const continueOnFail = { onError: 'continueRegularOutput' as const };

/** n8n's Date.now, as the node and (where it runs in this realm) the expression engine read it. */
function clock(start: number) {
	let now = start;
	jest.spyOn(Date, 'now').mockImplementation(() => now++);
	return {
		advance(ms: number) {
			now += ms;
		},
	};
}

describe('every campaign of a run is checked before the first POST', () => {
	it('one campaign per item: an invalid third item stops the run before any request', async () => {
		const items = contacts(3);
		items[2] = { json: { ...items[2].json, phone: 'abc' } };
		const result = await runWorkflow(sendWorkflow(perItem(), items), credentials());
		expect(result.error?.message).toBe('Item 2: "Recipient" "abc" is not a phone number');
		expect(imitation.server.requests).toHaveLength(0);
	});

	it('one campaign per item, split in parts: a bad setting of the last item stops everything', async () => {
		const items = contacts(4);
		const result = await runWorkflow(
			sendWorkflow(
				perItem({
					delayMin: '={{ $itemIndex === 3 ? "soon" : 3 }}',
					options: { maxMessagesPerCampaign: 1 },
				}),
				items,
			),
			credentials(),
		);
		expect(result.error?.message).toMatch(
			/^Campaign settings: "Delay Min \(Seconds\)" must be a whole number/,
		);
		expect(imitation.server.requests).toHaveLength(0);
	});
});

describe('one run reports every problem, up to 20, and sends nothing', () => {
	const withBadPhones = (count: number, bad: number[]) =>
		contacts(count).map((item, index) =>
			bad.includes(index) ? { json: { ...item.json, phone: `x${index}` } } : item,
		);

	it.each([
		['one campaign for all items', {}],
		['one campaign per item', { campaignMode: 'perItem' }],
	])('%s: two bad items, one error naming both', async (_mode, extra) => {
		const result = await runWorkflow(
			sendWorkflow(fieldsParameters(TEXT, extra), withBadPhones(4, [1, 3])),
			credentials(),
		);
		expect(result.error?.message).toBe(
			'2 problems in the input, nothing was sent. Item 1: "Recipient" "x1" is not a phone number',
		);
		const lines = String(result.error?.description).split('\n');
		expect(lines).toHaveLength(2);
		expect(lines[0]).toMatch(/^Item 1: "Recipient" "x1" is not a phone number\. Use digits only/);
		expect(lines[1]).toMatch(/^Item 3: "Recipient" "x3" is not a phone number\. /);
		expect(imitation.server.requests).toHaveLength(0);
	});

	it('lists the first 20 of 25 problems and counts the rest', async () => {
		const bad = Array.from({ length: 25 }, (_, index) => index);
		const result = await runWorkflow(
			sendWorkflow(fieldsParameters(TEXT), withBadPhones(30, bad)),
			credentials(),
		);
		expect(result.error?.message).toMatch(/^25 problems in the input, nothing was sent\. Item 0: /);
		const lines = String(result.error?.description).split('\n');
		expect(lines).toHaveLength(21);
		expect(lines[19]).toMatch(/^Item 19: /);
		expect(lines[20]).toBe('…and 5 more problems.');
	});
});

describe('defaults never message anyone as they stand', () => {
	it("JSON mode's default message goes to the item's own number, and is refused without one", async () => {
		const json = { defineMessages: 'json', delayMin: 3, delayMax: 6 };
		const sent = await runWorkflow(
			sendWorkflow(json, [{ json: { phone: '5511912345678', name: 'Ana' } }]),
			credentials(),
		);
		expect(sent.error).toBeUndefined();
		expect(bodies()[0].messages).toEqual([
			{ number: '5511912345678', type: 'text', text: 'Hello Ana!' },
		]);
		const refused = await runWorkflow(
			sendWorkflow(json, [{ json: { name: 'Ana' } }]),
			credentials(),
		);
		expect(refused.error?.message).toBe(
			'Item 0, message 1 of 1 in the JSON (text): "number" is empty',
		);
		expect(posts()).toHaveLength(1);
	});
});

describe('a failure after the first campaign names every campaign this run created', () => {
	const slowThird = () =>
		imitation.server.setResponder((request) =>
			request.path === '/sender/advanced' && posts().length === 3 ? { delayMs: 2500 } : undefined,
		);

	it('per item: the third POST times out, the error lists the two campaigns already created', async () => {
		slowThird();
		const result = await runWorkflow(
			sendWorkflow(perItem({ options: { timeout: 1 } }), contacts(3)),
			credentials(),
		);
		const [third, second, first] = imitation.server.state.folders.map((folder) => folder.id);
		expect(third).toBeDefined();
		expect(result.error?.message).toBe(
			`uazapi did not answer within 1 second. This run already created campaigns ${first}, ${second}`,
		);
		expect(result.error?.description).toContain(
			`Already created by this run, and queued in uazapi: ${first} (item 0), ${second} (item 1).`,
		);
		expect(result.error?.description).toContain('Campaign Key');
		expect(posts()).toHaveLength(3);
	});

	it('with Continue On Fail, the created campaigns output their own items and the error lists them', async () => {
		slowThird();
		const result = await runWorkflow(
			sendWorkflow(perItem({ options: { timeout: 1 } }), contacts(3), continueOnFail),
			credentials(),
		);
		expect(result.error).toBeUndefined();
		const output = result.output(SEND_NODE);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		const [first, second] = [output[0].json.folder_id, output[1].json.folder_id];
		expect(output[2].json.error).toBe(
			`uazapi did not answer within 1 second. This run already created campaigns ${first}, ${second}`,
		);
	});
});

describe('Send At is never sent as a timestamp already in the past', () => {
	const at = (expression: string) => perItem({ schedule: 'at', scheduledAt: expression });

	it('{{ $now }} means immediately even when the node read the clock before the expression', async () => {
		// The node's clock runs 30 s behind whatever $now reads: the order of reads no longer matters.
		clock(Date.now() - 30_000);
		const result = await runWorkflow(sendWorkflow(at('={{ $now }}'), contacts(5)), credentials());
		expect(result.error).toBeUndefined();
		expect(bodies()).toHaveLength(5);
		for (const body of bodies()) expect(body).not.toHaveProperty('scheduled_for');
		expect(result.output(SEND_NODE).map((item) => item.json.scheduledFor)).toEqual(
			Array(5).fill('immediately'),
		);
	});

	it('a time that comes while earlier campaigns are posted is sent as immediately', async () => {
		const start = Date.now();
		const time = clock(start);
		// Posting the first campaign takes "five minutes": the second is due by the time it is posted.
		imitation.server.setResponder((request) => {
			if (request.path === '/sender/advanced' && posts().length === 1) time.advance(5 * 60_000);
			return undefined;
		});
		const sendAt = new Date(start + 3 * 60_000).toISOString();
		const result = await runWorkflow(sendWorkflow(at(sendAt), contacts(2)), credentials());
		expect(result.error).toBeUndefined();
		expect(bodies()[0].scheduled_for).toBe(Date.parse(sendAt));
		expect(bodies()[1]).not.toHaveProperty('scheduled_for');
		expect(result.output(SEND_NODE)[1].json.scheduledFor).toBe('immediately');
	});

	it("a scheduled campaign's output names the time in the workflow's time zone beside the UTC time", async () => {
		const workflow = {
			...sendWorkflow({ ...at('2027-03-10 09:30:00'), campaignMode: 'all' }, contacts(2)),
			settings: { timezone: 'America/Sao_Paulo' },
		};
		const result = await runWorkflow(workflow, credentials());
		expect(result.error).toBeUndefined();
		// 09:30 in São Paulo is 12:30 UTC: the picker's wall-clock time, in the workflow's zone.
		expect(bodies()[0].scheduled_for).toBe(Date.parse('2027-03-10T12:30:00Z'));
		expect(result.output(SEND_NODE)[0].json).toMatchObject({
			scheduledFor: '2027-03-10T12:30:00.000Z',
			scheduledForLocal: '2027-03-10 09:30:00 America/Sao_Paulo (UTC-03:00)',
		});
	});

	it('a time more than a minute ahead is sent as its timestamp', async () => {
		const start = Date.now();
		clock(start);
		const sendAt = new Date(start + 2 * 60_000).toISOString();
		await runWorkflow(sendWorkflow(at(sendAt), contacts(1)), credentials());
		expect(bodies()[0].scheduled_for).toBe(Date.parse(sendAt));
	});
});

describe("uazapi's count of accepted messages", () => {
	const answerCount = (count: number) =>
		imitation.server.setResponder((request) =>
			request.path === '/sender/advanced'
				? { status: 200, body: { folder_id: 'rempty0000000001', count, status: 'queued' } }
				: undefined,
		);

	it('0 fails the run naming the empty campaign: nothing will be sent', async () => {
		answerCount(0);
		const result = await runWorkflow(
			sendWorkflow(fieldsParameters(TEXT), contacts(3)),
			credentials(),
		);
		expect(result.error?.message).toBe(
			'uazapi created campaign rempty0000000001 but accepted none of its 3 messages (count 0): nothing will be sent',
		);
		expect(result.error?.description).toContain('delete the empty campaign rempty0000000001');
		// It queued nothing, so nothing says a re-run would send it twice.
		expect(result.error?.description).not.toMatch(/already created|send them twice/i);
		expect(posts()).toHaveLength(1);
	});

	it('0 with Continue On Fail becomes an error item', async () => {
		answerCount(0);
		const result = await runWorkflow(
			sendWorkflow(fieldsParameters(TEXT), contacts(2), continueOnFail),
			credentials(),
		);
		const [item] = result.output(SEND_NODE);
		expect(item.json.error).toMatch(/^uazapi created campaign rempty0000000001 but accepted none/);
		expect(item.pairedItem).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('fewer than posted: the output says how many and carries a warning, also as a hint', async () => {
		answerCount(2);
		const result = await runWorkflow(
			sendWorkflow(fieldsParameters(TEXT), contacts(3)),
			credentials(),
		);
		expect(result.error).toBeUndefined();
		const [item] = result.output(SEND_NODE);
		const warning =
			'uazapi accepted 2 of the 3 messages of campaign rempty0000000001; the other 1 will not be sent. uazapi gives no reason: check them with the uazapi Campaign node (Campaign Message → Get Many).';
		expect(item.json).toMatchObject({ count: 2, accepted: 2, messageCount: 3, warning });
		const hints = result.run.data.resultData.runData[SEND_NODE][0].hints;
		expect(hints).toContainEqual({ message: warning, type: 'warning', location: 'outputPane' });
	});

	it('equal to the messages posted: no warning', async () => {
		const result = await runWorkflow(
			sendWorkflow(fieldsParameters(TEXT), contacts(3)),
			credentials(),
		);
		const [item] = result.output(SEND_NODE);
		expect(item.json.count).toBe(3);
		expect(item.json).not.toHaveProperty('warning');
		expect(item.json).not.toHaveProperty('accepted');
	});
});

describe('the request size is bounded before anything is read or sent', () => {
	const pdf = Buffer.alloc(100 * 1024, 7);
	const withPdf = (count: number): INodeExecutionData[] =>
		contacts(count).map((item) => ({
			...item,
			binary: {
				invoice: {
					data: pdf.toString('base64'),
					mimeType: 'application/pdf',
					fileName: 'fatura.pdf',
				},
			},
		}));
	const documentFromBinary = (options: IDataObject) =>
		fieldsParameters([{ type: 'document', mediaSource: 'binary', binaryProperty: 'invoice' }], {
			options,
		});

	it('refuses a campaign above the limit, naming the heavy file and the fixes', async () => {
		const result = await runWorkflow(
			sendWorkflow(documentFromBinary({ maxRequestSizeMb: 1 }), withPdf(20)),
			credentials(),
		);
		expect(result.error?.message).toBe(
			'Campaign settings: "Max Request Size (MB)" is 1, but this campaign would be a 2.6 MB request; most of it is binary "invoice" (fatura.pdf) 0.1 MB as base64 × 20 messages = 2.6 MB',
		);
		expect(result.error?.description).toContain('choose Media Source "URL"');
		expect(result.error?.description).toContain('set Max Messages per Campaign to 7 or fewer');
		expect(imitation.server.requests).toHaveLength(0);
	});

	it('the suggested Max Messages per Campaign does keep every part under the limit', async () => {
		const result = await runWorkflow(
			sendWorkflow(
				documentFromBinary({ maxRequestSizeMb: 1, maxMessagesPerCampaign: 7 }),
				withPdf(20),
			),
			credentials(),
		);
		expect(result.error).toBeUndefined();
		expect(
			posts().map((request) => (request.body as { messages: unknown[] }).messages.length),
		).toEqual([7, 7, 6]);
		for (const request of posts()) {
			expect(Buffer.byteLength(JSON.stringify(request.body))).toBeLessThanOrEqual(1024 * 1024);
		}
	});
});

describe('Campaign Key: the duplicate guard', () => {
	const keyed = (key: string, extra: IDataObject = {}) =>
		fieldsParameters(TEXT, {
			info: 'Promo',
			...extra,
			options: { campaignKey: key, ...(extra.options as IDataObject) },
		});

	it('marks the campaign in info and sends it once when the same key runs twice', async () => {
		const workflow = sendWorkflow(keyed('crm-42'), contacts(3));
		const first = await runWorkflow(workflow, credentials());
		expect(first.error).toBeUndefined();
		expect(bodies()[0].info).toBe('Promo [key:crm-42]');
		expect(first.output(SEND_NODE)[0].json).toMatchObject({
			campaignKey: 'crm-42',
			alreadyCreated: false,
			info: 'Promo [key:crm-42]',
		});
		const second = await runWorkflow(workflow, credentials());
		expect(second.error).toBeUndefined();
		expect(posts()).toHaveLength(1);
		expect(listings()).toHaveLength(2);
		expect(second.output(SEND_NODE)[0].json).toMatchObject({
			folder_id: first.output(SEND_NODE)[0].json.folder_id,
			alreadyCreated: true,
			campaignKey: 'crm-42',
			count: 3,
		});
		expect(second.output(SEND_NODE)[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('after a timeout whose campaign uazapi did create, the re-run finds it: no new POST', async () => {
		imitation.server.setResponder((request) =>
			request.path === '/sender/advanced' ? { delayMs: 2500 } : undefined,
		);
		const workflow = sendWorkflow(keyed('lote-7', { options: { timeout: 1 } }), contacts(2));
		const first = await runWorkflow(workflow, credentials());
		expect(first.error?.message).toBe('uazapi did not answer within 1 second');
		expect(imitation.server.state.folders).toHaveLength(1);
		const second = await runWorkflow(workflow, credentials());
		expect(second.error).toBeUndefined();
		expect(posts()).toHaveLength(1);
		expect(second.output(SEND_NODE)[0].json).toMatchObject({
			folder_id: imitation.server.state.folders[0].id,
			alreadyCreated: true,
		});
	});

	it('per item: one key per item, and a re-run after a partial failure sends only what is missing', async () => {
		imitation.server.setResponder((request) =>
			request.path === '/sender/advanced' && posts().length === 2
				? { status: 500, body: { error: 'database error' } }
				: undefined,
		);
		const workflow = sendWorkflow(
			perItem({ options: { campaignKey: '=batch-9-{{ $json.phone }}' } }),
			contacts(3),
		);
		const first = await runWorkflow(workflow, credentials());
		expect(first.error?.message).toMatch(
			/^uazapi failed to process the request \(HTTP 500\)\. This run already created campaign r/,
		);
		imitation.server.setResponder(undefined);
		const second = await runWorkflow(workflow, credentials());
		expect(second.error).toBeUndefined();
		const phones = contacts(3).map((item) => item.json.phone);
		// The first run stopped at item 1's refused campaign; the re-run skips item 0's and posts the rest.
		expect(posts().map((request) => (request.body as { info: string }).info)).toEqual([
			`[key:batch-9-${phones[0]}]`,
			`[key:batch-9-${phones[1]}]`,
			`[key:batch-9-${phones[1]}]`,
			`[key:batch-9-${phones[2]}]`,
		]);
		expect(second.output(SEND_NODE).map((item) => item.json.alreadyCreated)).toEqual([
			true,
			false,
			false,
		]);
	});

	it('split campaigns: each part has its own marker, found again part by part', async () => {
		const workflow = sendWorkflow(
			keyed('big', { options: { maxMessagesPerCampaign: 2 } }),
			contacts(5),
		);
		await runWorkflow(workflow, credentials());
		expect(bodies().map((body) => body.info)).toEqual([
			'Promo [key:big part 1/3]',
			'Promo [key:big part 2/3]',
			'Promo [key:big part 3/3]',
		]);
		const second = await runWorkflow(workflow, credentials());
		expect(posts()).toHaveLength(3);
		expect(
			second.output(SEND_NODE).map((item) => [item.json.part, item.json.alreadyCreated]),
		).toEqual([
			[1, true],
			[2, true],
			[3, true],
		]);
	});

	it('with the WhatsApp check on, the list is read again right before each POST', async () => {
		const result = await runWorkflow(
			sendWorkflow(
				keyed('window', { options: { maxMessagesPerCampaign: 2, checkNumbers: 'leaveOut' } }),
				contacts(5),
			),
			credentials(),
		);
		expect(result.error).toBeUndefined();
		const paths = imitation.server.requests.map((request) => request.path);
		const lastCheck = paths.lastIndexOf('/chat/check');
		expect(lastCheck).toBeGreaterThanOrEqual(0);
		// Nothing but the listing stands between reading the campaigns and each POST.
		expect(paths.slice(lastCheck + 1)).toEqual([
			'/sender/listfolders',
			'/sender/advanced',
			'/sender/listfolders',
			'/sender/advanced',
			'/sender/listfolders',
			'/sender/advanced',
		]);
	});

	it('a part another run posted meanwhile is found at the re-list and not posted again', async () => {
		let listing = 0;
		imitation.server.setBeforeListFolders((state) => {
			if (++listing !== 2) return;
			state.folders.unshift({
				...state.folders[0],
				id: 'rotherrun000001',
				info: 'Promo [key:race part 2/3]',
			});
		});
		const result = await runWorkflow(
			sendWorkflow(keyed('race', { options: { maxMessagesPerCampaign: 2 } }), contacts(5)),
			credentials(),
		);
		expect(result.error).toBeUndefined();
		expect(bodies().map((body) => body.info)).toEqual([
			'Promo [key:race part 1/3]',
			'Promo [key:race part 3/3]',
		]);
		expect(
			result
				.output(SEND_NODE)
				.map((item) => [
					item.json.part,
					item.json.alreadyCreated,
					item.json.folder_id === 'rotherrun000001',
				]),
		).toEqual([
			[1, false, false],
			[2, true, true],
			[3, false, false],
		]);
		// Nothing was posted between part 2's listing and part 3's POST: that listing still holds.
		expect(listings()).toHaveLength(2);
	});

	it('a re-run that splits the campaign differently is refused before any POST', async () => {
		await runWorkflow(
			sendWorkflow(keyed('big', { options: { maxMessagesPerCampaign: 2 } }), contacts(5)),
			credentials(),
		);
		const result = await runWorkflow(
			sendWorkflow(keyed('big', { options: { maxMessagesPerCampaign: 1 } }), contacts(5)),
			credentials(),
		);
		expect(result.error?.message).toBe(
			'Campaign settings: "Campaign Key" "big" was used before for a campaign split into 3 parts ([key:big part 3/3]), but this run makes 5 parts',
		);
		expect(posts()).toHaveLength(3);
	});

	it('a deleted campaign with the key does not count: the campaign is created again', async () => {
		const workflow = sendWorkflow(keyed('again'), contacts(1));
		await runWorkflow(workflow, credentials());
		imitation.server.state.folders[0].status = 'deleting';
		await runWorkflow(workflow, credentials());
		expect(posts()).toHaveLength(2);
	});

	it('two items with the same key in per-item mode are refused before any request', async () => {
		const result = await runWorkflow(
			sendWorkflow(perItem({ options: { campaignKey: 'same' } }), contacts(2)),
			credentials(),
		);
		expect(result.error?.message).toBe(
			'Campaign settings: "Campaign Key" "same" is the key of item 0 and of item 1; each campaign needs its own key',
		);
		expect(imitation.server.requests).toHaveLength(0);
	});

	it('a key that is empty for an item is refused, naming the item', async () => {
		const result = await runWorkflow(
			sendWorkflow(perItem({ options: { campaignKey: '={{ $json.batch }}' } }), contacts(1)),
			credentials(),
		);
		expect(result.error?.message).toMatch(
			/^Campaign settings: "Campaign Key" (is empty|must be text)/,
		);
		expect(imitation.server.requests).toHaveLength(0);
	});

	it('when the campaigns cannot be listed, nothing is sent', async () => {
		imitation.server.setResponder((request) =>
			request.path.startsWith('/sender/listfolders')
				? { status: 500, body: { error: 'Failed to fetch batches: database error' } }
				: undefined,
		);
		const result = await runWorkflow(sendWorkflow(keyed('k'), contacts(2)), credentials());
		expect(result.error?.message).toBe('uazapi failed to process the request (HTTP 500)');
		expect(result.error?.description).toMatch(
			/^The Campaign Key check could not list this instance's campaigns, so campaigns with a key were not sent\./,
		);
		expect(posts()).toHaveLength(0);
	});

	it('version 1.1: the key on the form marks and guards the campaign like the option did', async () => {
		const workflow = sendWorkflow(
			fieldsParameters(TEXT, { info: 'Promo', campaignKey: '={{ $json.batch }}' }),
			contacts(2).map((item) => ({ json: { ...item.json, batch: 'crm-7' } })),
			{ typeVersion: 1.1 },
		);
		await runWorkflow(workflow, credentials());
		const second = await runWorkflow(workflow, credentials());
		expect(bodies().map((body) => body.info)).toEqual(['Promo [key:crm-7]']);
		expect(second.output(SEND_NODE)[0].json.alreadyCreated).toBe(true);
	});

	it('version 1.1: a mapped key that is empty for the item is refused; a key left empty is no key', async () => {
		const mapped = await runWorkflow(
			sendWorkflow(fieldsParameters(TEXT, { campaignKey: '={{ $json.batch }}' }), contacts(1), {
				typeVersion: 1.1,
			}),
			credentials(),
		);
		expect(mapped.error?.message).toMatch(
			/^Campaign settings: "Campaign Key" (is empty|must be text)/,
		);
		expect(imitation.server.requests).toHaveLength(0);
		const none = await runWorkflow(
			sendWorkflow(fieldsParameters(TEXT, { info: 'Promo' }), contacts(1), { typeVersion: 1.1 }),
			credentials(),
		);
		expect(none.error).toBeUndefined();
		expect(bodies().map((body) => body.info)).toEqual(['Promo']);
		expect(listings()).toHaveLength(0);
	});

	it('a dry run shows the marked description and asks uazapi nothing', async () => {
		const result = await runWorkflow(
			sendWorkflow(keyed('dry', { options: { dryRun: true } }), contacts(1)),
			credentials(),
		);
		expect((result.output(SEND_NODE)[0].json.body as IDataObject).info).toBe('Promo [key:dry]');
		expect(imitation.server.requests).toHaveLength(0);
	});
});
