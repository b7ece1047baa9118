import type { IDataObject } from 'n8n-workflow';

import { normalise, phoneOf } from '../../nodes/UazapiTrigger/webhook/normalise';
import buttonReply from '../fixtures/uazapi-webhooks/button-reply.json';
import connectionDisconnected from '../fixtures/uazapi-webhooks/connection-disconnected.json';
import connection from '../fixtures/uazapi-webhooks/connection.json';
import deliveredReceipt from '../fixtures/uazapi-webhooks/delivered-receipt.json';
import listReply from '../fixtures/uazapi-webhooks/list-reply.json';
import pollVote from '../fixtures/uazapi-webhooks/poll-vote.json';
import readReceipt from '../fixtures/uazapi-webhooks/read-receipt.json';
import sentByApi from '../fixtures/uazapi-webhooks/sent-by-api.json';
import textReceivedGroup from '../fixtures/uazapi-webhooks/text-received-group.json';
import textReceived from '../fixtures/uazapi-webhooks/text-received.json';

const TOKEN = 'fixture-token';

/** A fixture as the raw copy must show it: everything but the token. */
function rawOf(fixture: IDataObject): IDataObject {
	const { token: _token, ...rest } = fixture;
	return rest;
}

const CONTACT = {
	chatId: '5511900000002@s.whatsapp.net',
	phone: '5511900000002',
	name: 'Fixture Contact',
	isGroup: false,
	groupName: null,
	instanceName: 'fixture-instance',
};

const NO_REPLY = {
	replyId: null,
	replyLabel: null,
	pollChoices: [],
	quotedMessageId: null,
	repliesToOurMessage: false,
};

// Each expected item is read off its fixture by hand (test/fixtures/uazapi-webhooks/README.md).
const cases: Array<[string, IDataObject, IDataObject]> = [
	[
		'an incoming text',
		textReceived,
		{
			event: 'messageReceived',
			messageId: 'AC00000000000000000000000000F001',
			...CONTACT,
			fromMe: false,
			messageType: 'ExtendedTextMessage',
			text: 'Hello from the fixture',
			...NO_REPLY,
			campaignFolderId: null,
			trackId: null,
			time: '2026-01-01T00:00:01.000Z',
		},
	],
	[
		'a text in a group: the phone is the member (sender_pn), never the LID sender',
		textReceivedGroup,
		{
			event: 'messageReceived',
			messageId: 'AC00000000000000000000000000F002',
			chatId: '120363000000000001@g.us',
			phone: '5511900000003',
			name: 'Fixture Member',
			isGroup: true,
			groupName: 'Fixture Group',
			instanceName: 'fixture-instance',
			fromMe: false,
			messageType: 'ExtendedTextMessage',
			text: 'Hello group',
			...NO_REPLY,
			campaignFolderId: null,
			trackId: null,
			time: '2026-01-01T00:00:02.000Z',
		},
	],
	[
		'a list reply: row id and title, quoting our list (its author is not the contact)',
		listReply,
		{
			event: 'buttonOrListReply',
			messageId: 'AC00000000000000000000000000F003',
			...CONTACT,
			fromMe: false,
			messageType: 'ListResponseMessage',
			text: null,
			replyId: 'opt_b',
			replyLabel: 'Option B',
			pollChoices: [],
			quotedMessageId: '3EB0000000000000C00001',
			repliesToOurMessage: true,
			campaignFolderId: null,
			trackId: null,
			time: '2026-01-01T00:00:03.000Z',
		},
	],
	[
		'a button reply: button id and label, quoting a message of our number',
		buttonReply,
		{
			event: 'buttonOrListReply',
			messageId: 'AC00000000000000000000000000F004',
			...CONTACT,
			fromMe: false,
			messageType: 'ButtonsResponseMessage',
			text: null,
			replyId: 'btn_yes',
			replyLabel: 'Yes',
			pollChoices: [],
			quotedMessageId: '3EB0000000000000C00002',
			repliesToOurMessage: true,
			campaignFolderId: null,
			trackId: null,
			time: '2026-01-01T00:00:04.000Z',
		},
	],
	[
		'a poll vote: the chosen options, on a poll that was not the voter’s',
		pollVote,
		{
			event: 'pollVote',
			messageId: 'AC00000000000000000000000000F005',
			...CONTACT,
			fromMe: false,
			messageType: 'PollUpdateMessage',
			text: null,
			replyId: null,
			replyLabel: null,
			pollChoices: ['Option A', 'Option C'],
			quotedMessageId: '3EB0000000000000C00003',
			repliesToOurMessage: true,
			campaignFolderId: null,
			trackId: null,
			time: '2026-01-01T00:00:05.000Z',
		},
	],
	[
		'our own message sent by the API: the phone is the chat, the name the contact',
		sentByApi,
		{
			event: 'messageReceived',
			messageId: '3EB0000000000000C00004',
			...CONTACT,
			fromMe: true,
			messageType: 'ExtendedTextMessage',
			text: 'Sent by the fixture API call',
			...NO_REPLY,
			campaignFolderId: null,
			trackId: 'fixture-track-1',
			time: '2026-01-01T00:00:06.000Z',
		},
	],
	[
		'a read receipt with "False" strings and a timestamp in seconds as text',
		readReceipt,
		{
			event: 'messageStatus',
			status: 'read',
			messageIds: ['3EB0000000000000C00004'],
			chatId: '5511900000002@s.whatsapp.net',
			phone: '5511900000002',
			isGroup: false,
			time: '2026-01-01T00:01:00.000Z',
			instanceName: 'fixture-instance',
		},
	],
	[
		'a delivery receipt for two messages, booleans and a number in seconds',
		deliveredReceipt,
		{
			event: 'messageStatus',
			status: 'delivered',
			messageIds: ['3EB0000000000000C00004', '3EB0000000000000C00005'],
			chatId: '5511900000002@s.whatsapp.net',
			phone: '5511900000002',
			isGroup: false,
			time: '2026-01-01T00:00:30.000Z',
			instanceName: 'fixture-instance',
		},
	],
	[
		'the instance connects',
		connection,
		{
			event: 'connection',
			status: 'connected',
			reason: null,
			phone: '5511900000001',
			time: null,
			instanceName: 'fixture-instance',
		},
	],
	[
		'the instance is logged out: reason and time of the disconnection',
		connectionDisconnected,
		{
			event: 'connection',
			status: 'disconnected',
			reason: '401: logged out from another device',
			phone: '5511900000001',
			time: '2026-01-01T00:10:00.000Z',
			instanceName: 'fixture-instance',
		},
	],
];

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
		const { EventType: _type, instanceName: _name, token: _token, ...data } = listReply;
		const wrapped = {
			event: 'message',
			instance: 'fixture-instance',
			data: { ...data, token: TOKEN },
		};
		const { raw, ...item } = normalise(wrapped, TOKEN)!;
		const { raw: _raw, ...flatItem } = normalise(listReply, TOKEN)!;
		expect(item).toEqual(flatItem);
		expect(raw).toEqual({ event: 'message', instance: 'fixture-instance', data });
	});

	test('receipts ("status") and connection events are read inside data too', () => {
		const { EventType: _type, ...data } = readReceipt;
		expect(normalise({ event: 'status', instance: 'x', data }, TOKEN)).toMatchObject({
			event: 'messageStatus',
			status: 'read',
			messageIds: ['3EB0000000000000C00004'],
		});
		const { EventType: _connectionType, ...connectionData } = connection;
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

describe('phoneOf', () => {
	test.each([
		['5511900000002@s.whatsapp.net', '5511900000002'],
		['5511900000002:3@s.whatsapp.net', '5511900000002'],
		['5511900000002', '5511900000002'],
		['100000000000002@lid', null],
		['120363000000000001@g.us', null],
		['', null],
		[undefined, null],
	])('%s → %s', (jid, phone) => {
		expect(phoneOf(jid)).toBe(phone);
	});
});
