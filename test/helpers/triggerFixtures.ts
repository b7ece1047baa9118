import type { IDataObject } from 'n8n-workflow';

import buttonReply from '../fixtures/uazapi-webhooks/button-reply.json';
import connectionDisconnected from '../fixtures/uazapi-webhooks/connection-disconnected.json';
import connection from '../fixtures/uazapi-webhooks/connection.json';
import deliveredReceipt from '../fixtures/uazapi-webhooks/delivered-receipt.json';
import listReply from '../fixtures/uazapi-webhooks/list-reply.json';
import normalised from '../fixtures/uazapi-webhooks/normalised.json';
import pollVote from '../fixtures/uazapi-webhooks/poll-vote.json';
import readReceipt from '../fixtures/uazapi-webhooks/read-receipt.json';
import sentByApi from '../fixtures/uazapi-webhooks/sent-by-api.json';
import textReceivedGroup from '../fixtures/uazapi-webhooks/text-received-group.json';
import textReceived from '../fixtures/uazapi-webhooks/text-received.json';

/** The instance token every fixture carries. */
export const FIXTURE_TOKEN = 'fixture-token';

/** A copy of an object without some of its keys. */
export function without(object: IDataObject, ...keys: string[]): IDataObject {
	return Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)));
}

/** A fixture as the raw copy must show it: everything but the token. */
export function rawOf(fixture: IDataObject): IDataObject {
	return without(fixture, 'token');
}

/**
 * Each fixture with the item it must become, apart from `raw`. The items are in
 * normalised.json, read off each fixture by hand, so the end-to-end tests check the same ones.
 */
export const FIXTURE_CASES: Array<[string, IDataObject, IDataObject]> = (
	[
		['text-received.json', 'an incoming text', textReceived],
		[
			'text-received-group.json',
			'a text in a group: the phone is the member (sender_pn), never the LID sender',
			textReceivedGroup,
		],
		[
			'list-reply.json',
			'a list reply: row id and title, quoting our list (its author is not the contact)',
			listReply,
		],
		[
			'button-reply.json',
			'a button reply: button id and label, quoting a message of our number',
			buttonReply,
		],
		[
			'poll-vote.json',
			'a poll vote: the chosen options, on a poll that was not the voter’s',
			pollVote,
		],
		[
			'sent-by-api.json',
			'our own message sent by the API: the phone is the chat, the name the contact',
			sentByApi,
		],
		[
			'read-receipt.json',
			'a read receipt with "False" strings and a timestamp in seconds as text',
			readReceipt,
		],
		[
			'delivered-receipt.json',
			'a delivery receipt for two messages, booleans and a number in seconds',
			deliveredReceipt,
		],
		['connection.json', 'the instance connects', connection],
		[
			'connection-disconnected.json',
			'the instance is logged out: reason and time of the disconnection',
			connectionDisconnected,
		],
	] as Array<[keyof typeof normalised, string, IDataObject]>
).map(([file, name, fixture]) => [`${file}: ${name}`, fixture, normalised[file] as IDataObject]);
