import { normalise } from '../../nodes/UazapiTrigger/webhook/normalise';
import buttonReply from '../fixtures/uazapi-webhooks/button-reply.json';
import connection from '../fixtures/uazapi-webhooks/connection.json';
import listReply from '../fixtures/uazapi-webhooks/list-reply.json';
import readReceipt from '../fixtures/uazapi-webhooks/read-receipt.json';
import textReceived from '../fixtures/uazapi-webhooks/text-received.json';
import {
	FIXTURE_CASES as cases,
	FIXTURE_TOKEN as TOKEN,
	rawOf,
	without,
} from '../helpers/triggerFixtures';

describe('normalise: every fixture becomes one exact item', () => {
	test.each(cases)('%s', (_name, fixture, expected) => {
		expect(normalise(fixture, TOKEN)).toEqual({ ...expected, raw: rawOf(fixture) });
	});

	test('the token and QR or pairing codes appear nowhere in the output', () => {
		const connecting = {
			...connection,
			BaseUrl: `https://fixture.uazapi.com/?t=${TOKEN}`,
			instance: {
				name: 'fixture-instance',
				status: 'connecting',
				qrcode: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA',
				paircode: 'ABCD-EFGH',
			},
		};
		const outputs = [...cases.map(([, fixture]) => fixture), connecting].map((fixture) =>
			JSON.stringify(normalise(fixture, TOKEN)),
		);
		for (const output of outputs) {
			expect(output).not.toContain(TOKEN);
			expect(output).not.toMatch(/qrcode|paircode|base64,|ABCD-EFGH/i);
		}
		expect(normalise(connecting, TOKEN)).toMatchObject({ status: 'connecting' });
	});
});

describe("the OpenAPI's envelope {event, instance, data}", () => {
	test('gives the same item as the flat delivery, its raw copy without the token', () => {
		const data = without(listReply, 'EventType', 'instanceName', 'token');
		const wrapped = {
			event: 'message',
			instance: 'fixture-instance',
			data: { ...data, token: TOKEN },
		};
		const item = normalise(wrapped, TOKEN)!;
		expect(without(item, 'raw')).toEqual(without(normalise(listReply, TOKEN)!, 'raw'));
		expect(item.raw).toEqual({ event: 'message', instance: 'fixture-instance', data });
	});

	test('receipts ("status") and connection events are read inside data too', () => {
		const data = without(readReceipt, 'EventType');
		expect(normalise({ event: 'status', instance: 'x', data }, TOKEN)).toMatchObject({
			event: 'messageStatus',
			status: 'read',
			messageIds: ['3EB0000000000000C00004'],
		});
		const connectionData = without(connection, 'EventType');
		expect(normalise({ event: 'connection', data: connectionData }, TOKEN)).toMatchObject({
			event: 'connection',
			status: 'connected',
		});
	});
});

describe('tolerance where no capture exists', () => {
	test('a campaign (sender) event in the flat shape a third party reports', () => {
		const started = {
			EventType: 'sender',
			instanceName: 'fixture-instance',
			status: 'sending',
			sentCount: 0,
			messageCount: 4,
			folder_id: 'r1a2b3c4d5e6f70',
			token: TOKEN,
		};
		expect(normalise(started, TOKEN)).toEqual({
			event: 'campaign',
			status: 'sending',
			campaignFolderId: 'r1a2b3c4d5e6f70',
			sentCount: 0,
			failedCount: null,
			messageCount: 4,
			time: null,
			instanceName: 'fixture-instance',
			raw: rawOf(started),
		});
	});

	test('a campaign event with its fields in data (the other reported shape)', () => {
		const done = {
			EventType: 'sender',
			data: { folder_id: 'r0f', status: 'Done', sent_count: 3, failed_count: 1, total_messages: 4 },
			token: TOKEN,
		};
		expect(normalise(done, TOKEN)).toMatchObject({
			campaignFolderId: 'r0f',
			status: 'done',
			sentCount: 3,
			failedCount: 1,
			messageCount: 4,
		});
	});

	test('a message of a campaign names its folder; an InteractiveResponseMessage is a reply', () => {
		const message = {
			...textReceived.message,
			messageType: 'InteractiveResponseMessage',
			send_folder_id: 'r7c731ffe5ff76b',
		};
		expect(normalise({ ...textReceived, message }, TOKEN)).toMatchObject({
			event: 'buttonOrListReply',
			campaignFolderId: 'r7c731ffe5ff76b',
		});
	});

	test('a button id only inside content still becomes the reply ID and label', () => {
		const message = { ...buttonReply.message, buttonOrListid: '', vote: '' };
		expect(normalise({ ...buttonReply, message }, TOKEN)).toMatchObject({
			event: 'buttonOrListReply',
			replyId: 'btn_yes',
			replyLabel: 'Yes',
		});
	});

	test('a sender known only by LID has no phone; a private chat id gives it', () => {
		const lidOnly = { ...textReceived.message, sender_pn: '' };
		expect(normalise({ ...textReceived, message: lidOnly }, TOKEN)).toMatchObject({
			phone: '5511900000002',
		});
		const lidChat = { ...lidOnly, chatid: '100000000000002@lid' };
		expect(normalise({ ...textReceived, message: lidChat }, TOKEN)).toMatchObject({
			phone: null,
		});
	});

	test('an event kind the trigger does not offer gives no item', () => {
		expect(normalise({ EventType: 'presence', token: TOKEN }, TOKEN)).toBeUndefined();
		expect(normalise({}, TOKEN)).toBeUndefined();
	});
});
