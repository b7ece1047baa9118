import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { useImitation } from './imitation';
import { runWorkflow } from './harness';
import { fieldsParameters, SEND_NODE, sendWorkflow } from './workflows';

/**
 * List hygiene through n8n-core against the uazapi imitation: country codes, the WhatsApp check
 * in batches, the 9th digit, opt-outs and duplicates, and what the output says about them.
 */

const imitation = useImitation('recipients-token');
const credentials = imitation.credentials;
const TEXT = [{ type: 'text', text: '=Olá {{ $json.name }}!' }];
const send = (options: IDataObject, extra: IDataObject = {}) =>
	fieldsParameters(TEXT, { options, ...extra });
const people = (...phones: string[]): INodeExecutionData[] =>
	phones.map((phone, index) => ({ json: { phone, name: `P${index}` } }));
const posts = () =>
	imitation.server.requests.filter((request) => request.path === '/sender/advanced');
const checks = () => imitation.server.requests.filter((request) => request.path === '/chat/check');
const sentNumbers = () =>
	posts().flatMap((request) =>
		(request.body as { messages: Array<{ number: string }> }).messages.map((m) => m.number),
	);

describe('Default Country Code', () => {
	it('completes national numbers and keeps international ones', async () => {
		const result = await runWorkflow(
			sendWorkflow(
				send({ defaultCountryCode: '55' }),
				people('(11) 98765-4321', '0055 21 99876-5432', '+1 415 555 0100', '011 3456-7890'),
			),
			credentials(),
		);
		expect(result.error).toBeUndefined();
		expect(sentNumbers()).toEqual([
			'5511987654321',
			'5521998765432',
			'14155550100',
			'551134567890',
		]);
	});

	it('version 1 without it: a number in national form is refused before any request, naming the item', async () => {
		const result = await runWorkflow(
			sendWorkflow(send({}), people('5511987654321', '11 99999-0003')),
			credentials(),
		);
		expect(result.error?.message).toBe(
			'Item 1: "Recipient" "11 99999-0003" has no country code, so its country is unknown',
		);
		expect(result.error?.description).toContain(
			'Set Options → Default Country Code (55 for Brazil)',
		);
		expect(imitation.server.requests).toHaveLength(0);
	});

	it('version 1.1 shows it set to 55: national numbers go to Brazil, others keep their own code', async () => {
		const result = await runWorkflow(
			sendWorkflow(
				send({}),
				people('11 99999-0003', '(21) 3456-7890', '+1 415 555 0100', '351912345678'),
				{ typeVersion: 1.1 },
			),
			credentials(),
		);
		expect(result.error).toBeUndefined();
		expect(sentNumbers()).toEqual(['5511999990003', '552134567890', '14155550100', '351912345678']);
	});

	it('version 1.1 emptied: a national number is refused, naming the item, the number and the setting', async () => {
		const result = await runWorkflow(
			sendWorkflow(send({}, { defaultCountryCode: '' }), people('5511987654321', '11 99999-0003'), {
				typeVersion: 1.1,
			}),
			credentials(),
		);
		expect(result.error?.message).toBe(
			'Item 1: "Recipient" "11 99999-0003" has no country code, so its country is unknown',
		);
		expect(result.error?.description).toContain('Set Default Country Code (55 for Brazil)');
		expect(imitation.server.requests).toHaveLength(0);
	});

	it('version 1.1: a number valid neither in Brazil nor with its own code is refused', async () => {
		const result = await runWorkflow(
			sendWorkflow(send({}), people('98765-4321'), { typeVersion: 1.1 }),
			credentials(),
		);
		expect(result.error?.message).toBe(
			'Item 0: "Recipient" "98765-4321" is neither a valid number of country code +55 nor a valid number with its own country code',
		);
		expect(imitation.server.requests).toHaveLength(0);
	});

	it('an unknown country code is refused as a campaign setting', async () => {
		const result = await runWorkflow(
			sendWorkflow(send({}, { defaultCountryCode: '999' }), people('11 99999-0003'), {
				typeVersion: 1.1,
			}),
			credentials(),
		);
		expect(result.error?.message).toBe(
			'Campaign settings: "Default Country Code" must be a country calling code, but it is the text "999"',
		);
		expect(imitation.server.requests).toHaveLength(0);
	});
});

describe('Check Numbers on WhatsApp', () => {
	it('checks the distinct numbers in batches of 50 before the campaign is posted', async () => {
		const phones = Array.from({ length: 120 }, (_, index) => `55119${String(80000000 + index)}`);
		const result = await runWorkflow(
			sendWorkflow(send({ checkNumbers: 'leaveOut' }), people(...phones, phones[0])),
			credentials(),
		);
		expect(result.error).toBeUndefined();
		expect(
			checks().map((request) => (request.body as { numbers: string[] }).numbers.length),
		).toEqual([50, 50, 20]);
		// Every check came before the campaign.
		const paths = imitation.server.requests.map((request) => request.path);
		expect(paths[paths.length - 1]).toBe('/sender/advanced');
		expect(posts()).toHaveLength(1);
	});

	it('leaves out numbers not on WhatsApp, sends to the form WhatsApp knows, and says so', async () => {
		imitation.server.state.notOnWhatsApp.add('5511900000002');
		imitation.server.state.knownAs.set('5511987654321', '551187654321');
		const result = await runWorkflow(
			sendWorkflow(
				send({ checkNumbers: 'leaveOut' }),
				people('5511987654321', '5511900000002', '5521999990000'),
			),
			credentials(),
		);
		expect(result.error).toBeUndefined();
		expect(sentNumbers()).toEqual(['551187654321', '5521999990000']);
		const [item] = result.output(SEND_NODE);
		expect(item.json).toMatchObject({
			recipientCount: 2,
			leftOut: [{ item: 1, number: '5511900000002', reason: 'not on WhatsApp' }],
			replaced: [{ item: 0, number: '5511987654321', sentTo: '551187654321' }],
		});
		// The left-out item is still paired to the campaign's output.
		expect(item.pairedItem).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('with "Fail the Run", a number not on WhatsApp stops the run naming its item', async () => {
		imitation.server.state.notOnWhatsApp.add('5511900000002');
		const result = await runWorkflow(
			sendWorkflow(send({ checkNumbers: 'fail' }), people('5511987654321', '5511900000002')),
			credentials(),
		);
		expect(result.error?.message).toBe('Item 1: "Recipient" "5511900000002" is not on WhatsApp');
		expect(posts()).toHaveLength(0);
	});

	it('with "Fail the Run", every number not on WhatsApp is named, each with its item', async () => {
		const absent = ['5511900000002', '5511900000003', '5511900000005'];
		for (const number of absent) imitation.server.state.notOnWhatsApp.add(number);
		const result = await runWorkflow(
			sendWorkflow(
				send({ checkNumbers: 'fail' }),
				people('5511987654321', ...absent.slice(0, 2), '5511987654324', absent[2]),
			),
			credentials(),
		);
		expect(result.error?.message).toBe(
			'3 problems in the input, nothing was sent. Item 1: "Recipient" "5511900000002" is not on WhatsApp',
		);
		expect(
			String(result.error?.description)
				.split('\n')
				.map((line) => line.split('.')[0]),
		).toEqual([
			'Item 1: "Recipient" "5511900000002" is not on WhatsApp',
			'Item 2: "Recipient" "5511900000003" is not on WhatsApp',
			'Item 4: "Recipient" "5511900000005" is not on WhatsApp',
		]);
		expect(posts()).toHaveLength(0);
	});

	it('a disconnected instance stops the run with a clear error, nothing sent', async () => {
		imitation.server.setInstanceStatus('disconnected');
		const result = await runWorkflow(
			sendWorkflow(send({ checkNumbers: 'leaveOut' }), people('5511987654321')),
			credentials(),
		);
		expect(result.error?.message).toBe("The instance's WhatsApp is not connected");
		expect(result.error?.description).toMatch(
			/^Nothing was sent: the numbers could not be checked/,
		);
		// Only the campaign POST can queue messages twice; a failed check cannot.
		expect(result.error?.description).not.toContain('queue every message twice');
		expect(posts()).toHaveLength(0);
	});

	it('groups and LIDs are not checked and go out as given', async () => {
		const result = await runWorkflow(
			sendWorkflow(
				send({ checkNumbers: 'leaveOut' }),
				people('120363012345678901@g.us', '123456789012345@lid'),
			),
			credentials(),
		);
		expect(result.error).toBeUndefined();
		expect(checks()).toHaveLength(0);
		expect(sentNumbers()).toEqual(['120363012345678901@g.us', '123456789012345@lid']);
	});
});

describe('duplicates and opt-outs', () => {
	it('an item whose recipient came before is left out by default, written any way', async () => {
		const result = await runWorkflow(
			sendWorkflow(
				send({ defaultCountryCode: '55' }),
				people('5511987654321', '(11) 98765-4321', '+55 11 98765 4321', '5521999990000'),
			),
			credentials(),
		);
		expect(sentNumbers()).toEqual(['5511987654321', '5521999990000']);
		expect(result.output(SEND_NODE)[0].json.leftOut).toEqual([
			{ item: 1, number: '5511987654321', reason: 'duplicate' },
			{ item: 2, number: '5511987654321', reason: 'duplicate' },
		]);
	});

	it('with Skip Duplicate Recipients off, every item is sent', async () => {
		await runWorkflow(
			sendWorkflow(send({ skipDuplicates: false }), people('5511987654321', '5511987654321')),
			credentials(),
		);
		expect(sentNumbers()).toEqual(['5511987654321', '5511987654321']);
	});

	it('Exclude Numbers takes a list or text, normalised like recipients', async () => {
		for (const excluded of [
			'={{ ["(11) 98765-4321", "+55 21 99999 0000"] }}',
			'(11) 98765-4321\n+55 21 99999-0000',
		]) {
			imitation.server.reset();
			const result = await runWorkflow(
				sendWorkflow(
					send({ defaultCountryCode: '55', excludeNumbers: excluded }),
					people('5511987654321', '5521999990000', '5531988887777'),
				),
				credentials(),
			);
			expect(sentNumbers()).toEqual(['5531988887777']);
			expect(result.output(SEND_NODE)[0].json.leftOut).toEqual([
				{ item: 0, number: '5511987654321', reason: 'excluded' },
				{ item: 1, number: '5521999990000', reason: 'excluded' },
			]);
		}
	});

	it('when every recipient is left out, no campaign is created and the output says so', async () => {
		const result = await runWorkflow(
			sendWorkflow(send({ excludeNumbers: '5511987654321' }), people('5511987654321')),
			credentials(),
		);
		expect(result.error).toBeUndefined();
		expect(posts()).toHaveLength(0);
		const [item] = result.output(SEND_NODE);
		expect(item.json).toEqual({
			created: false,
			reason: 'Every recipient was left out, so no campaign was created',
			recipientCount: 0,
			leftOut: [{ item: 0, number: '5511987654321', reason: 'excluded' }],
		});
		expect(item.pairedItem).toEqual({ item: 0 });
	});
});
