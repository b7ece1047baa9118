import type { IDataObject } from 'n8n-workflow';

import { isoTime } from './time';
import { phoneOf } from './whatsappIds';

/**
 * What became of each contact of a campaign, from uazapi's messages of it
 * (`/sender/listmessages`): every message's id, status, error and time, and one status for the
 * contact. A CRM can store that status as it is.
 */

/**
 * uazapi's message statuses, least advanced first: a contact's status is the first of these that
 * any of its messages has. One failed message makes the contact Failed (someone should look),
 * whatever the others did; a contact is Read only when every message was read.
 */
export const CONTACT_STATUS_ORDER = [
	'Failed',
	'Canceled',
	'Queued',
	'Scheduled',
	'Sent',
	'Delivered',
	'Read',
] as const;

/** A contact none of whose messages uazapi listed. */
export const NOT_LISTED = 'Not Listed';

export interface MessageOutcome {
	id: string;
	status: string;
	error?: string;
	/** When uazapi sent it, as ISO time, if it says. */
	time?: string;
}

export interface ContactOutcome {
	number: string;
	status: string;
	/** The error of the contact's first failed message. */
	error?: string;
	messages: MessageOutcome[];
}

/**
 * The key a recipient and a listed message share: the digits of a phone number however written
 * (the body's "5511…" and uazapi's "5511…@s.whatsapp.net"), or the whole id of a group or LID.
 */
export function recipientKey(id: unknown): string {
	return phoneOf(id) ?? String(id ?? '').trim();
}

/** A status uazapi did not document ranks after Canceled, where it cannot hide a failure. */
function rank(status: string): number {
	const index = (CONTACT_STATUS_ORDER as readonly string[]).indexOf(status);
	return index === -1 ? 1.5 : index;
}

export function contactStatus(statuses: string[]): string {
	if (statuses.length === 0) return NOT_LISTED;
	return statuses.reduce((least, status) => (rank(status) < rank(least) ? status : least));
}

function messageOutcome(message: IDataObject): MessageOutcome {
	const time = isoTime(message.messageTimestamp, 'ms');
	return {
		id: String(message.messageid ?? message.id ?? ''),
		status: String(message.status ?? ''),
		...(message.error ? { error: String(message.error) } : {}),
		...(time ? { time } : {}),
	};
}

/** uazapi's messages of a campaign, grouped by recipient, in the order they were listed. */
export function outcomesByRecipient(messages: IDataObject[]): Map<string, ContactOutcome> {
	const byRecipient = new Map<string, MessageOutcome[]>();
	for (const message of messages) {
		const key = recipientKey(message.chatid ?? message.number);
		const list = byRecipient.get(key) ?? [];
		list.push(messageOutcome(message));
		byRecipient.set(key, list);
	}
	return new Map([...byRecipient].map(([key, list]) => [key, contactOutcome(key, list)] as const));
}

export function contactOutcome(number: string, messages: MessageOutcome[]): ContactOutcome {
	const failed = messages.find((message) => message.error !== undefined);
	return {
		number,
		status: contactStatus(messages.map((message) => message.status)),
		...(failed ? { error: failed.error } : {}),
		messages,
	};
}
