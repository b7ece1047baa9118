import type { IDataObject } from 'n8n-workflow';

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

/** The instance token every fixture carries. */
export const FIXTURE_TOKEN = 'fixture-token';

/** A fixture as the raw copy must show it: everything but the token. */
export function rawOf(fixture: IDataObject): IDataObject {
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
export const FIXTURE_CASES: Array<[string, IDataObject, IDataObject]> = [
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
