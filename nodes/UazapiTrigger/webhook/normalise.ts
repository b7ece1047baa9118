import type { IDataObject } from 'n8n-workflow';

import { withoutSecret } from '../../shared/secrets';
import { isoTime } from '../../shared/time';
import { phoneOf } from '../../shared/whatsappIds';
import type { TriggerEvent } from './events';

/**
 * One uazapi webhook delivery → one item: the fields a workflow needs on top, the delivery itself
 * (without secrets) under `raw`. Pure: no n8n context, so every fixture is tested as data.
 *
 * Real deliveries are flat (`EventType`, `instanceName`, `message`, `chat`, `token`...); the
 * OpenAPI documents `{event, instance, data}`. Both are read. Every field is treated as optional:
 * uazapi documents few of them, and receipts, button replies and campaign events have no public
 * capture (README, "uazapi Trigger").
 */

export interface NormalisedEvent extends IDataObject {
	event: TriggerEvent;
	raw: IDataObject;
}

/** The OpenAPI's event names, mapped to the `EventType` of real deliveries. */
const SPEC_EVENT_TYPES: Record<string, string> = {
	message: 'messages',
	status: 'messages_update',
	connection: 'connection',
	presence: 'presence',
	group: 'groups',
};

/** Keys whose values are secrets wherever they appear: the instance token, QR and pairing codes. */
const SECRET_KEYS = /^(token|qrcode|paircode|pairingcode)$/i;

const MESSAGE_REPLY_TYPES = [
	'ButtonsResponseMessage',
	'ListResponseMessage',
	'TemplateButtonReplyMessage',
	'InteractiveResponseMessage',
];

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | null {
	if (typeof value === 'number') return String(value);
	return typeof value === 'string' && value !== '' ? value : null;
}

function firstText(...values: unknown[]): string | null {
	for (const value of values) {
		const found = text(value);
		if (found !== null) return found;
	}
	return null;
}

function firstNumber(...values: unknown[]): number | null {
	for (const value of values) {
		const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
		if (typeof number === 'number' && Number.isFinite(number)) return number;
	}
	return null;
}

/** uazapi writes booleans as true/false, and in some receipts as the strings "True"/"False". */
function flag(value: unknown): boolean | null {
	if (typeof value === 'boolean') return value;
	if (typeof value === 'string' && /^(true|false)$/i.test(value))
		return value.toLowerCase() === 'true';
	return null;
}

/** A date in text, e.g. uazapi's "2026-01-01 00:10:00.000Z", as ISO 8601. */
function isoFromText(value: unknown): string | null {
	if (typeof value !== 'string' || value === '') return null;
	const date = new Date(value.replace(' ', 'T'));
	return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The flat form of a delivery, whichever envelope it came in. */
export function flatDelivery(body: IDataObject): IDataObject {
	if (typeof body.EventType === 'string' || !isObject(body.data) || typeof body.event !== 'string')
		return body;
	const data = body.data;
	return {
		...data,
		EventType: data.EventType ?? SPEC_EVENT_TYPES[body.event] ?? body.event,
		instanceName: data.instanceName ?? body.instance,
		token: data.token ?? body.token,
	};
}

/** The instance token a delivery carries, in either envelope. */
export function tokenOf(body: IDataObject): string | null {
	return text(flatDelivery(body).token);
}

function messageKind(message: IDataObject): TriggerEvent {
	const type = text(message.messageType) ?? '';
	if (type === 'PollUpdateMessage') return 'pollVote';
	if (text(message.buttonOrListid) !== null || MESSAGE_REPLY_TYPES.includes(type))
		return 'buttonOrListReply';
	return 'messageReceived';
}

function asObject(value: unknown): IDataObject {
	return isObject(value) ? value : {};
}

/** A JID without its device suffix: "123:2@lid" and "123@lid" are the same person. */
function person(jid: unknown): string | null {
	return typeof jid === 'string' && jid !== '' ? jid.replace(/:\d+@/, '@') : null;
}

/**
 * Whether a message quotes one this number sent. Proof is the quoted author's number being the
 * instance's; in a private chat, any author other than the contact is this number too. A poll
 * vote names no author, but says whether the poll was the voter's own.
 */
function repliesToOurMessage(
	message: IDataObject,
	context: IDataObject,
	pollKey: IDataObject,
	isGroup: boolean,
): boolean {
	const author = person(context.participant);
	if (author !== null && phoneOf(author) !== null)
		return phoneOf(author) === phoneOf(message.owner);
	if (isGroup) return false;
	if (author !== null) {
		const contact = [message.sender, message.sender_pn, message.sender_lid, message.chatid];
		return !contact.map(person).includes(author);
	}
	return flag(pollKey.fromMe) === false;
}

/** Poll votes name the chosen options joined by ", ". */
function pollChoices(vote: string | null): string[] {
	return vote === null ? [] : vote.split(', ').filter((choice) => choice !== '');
}

function normaliseMessage(delivery: IDataObject, raw: IDataObject): NormalisedEvent {
	const message = asObject(delivery.message);
	const chat = asObject(delivery.chat);
	const content = asObject(message.content);
	const context = asObject(content.contextInfo);
	const pollKey = asObject(content.pollCreationMessageKey);
	const event = messageKind(message);
	const fromMe = flag(message.fromMe) ?? false;
	const chatId = firstText(message.chatid, chat.wa_chatid);
	const isGroup = flag(message.isGroup) ?? chatId?.endsWith('@g.us') ?? false;
	// From a contact, the sender is the contact; from this number, the counterpart is the chat.
	const phone = fromMe
		? phoneOf(chatId)
		: (phoneOf(message.sender_pn) ?? phoneOf(message.sender) ?? phoneOf(chatId));
	const name = fromMe
		? firstText(chat.wa_contactName, chat.name, chat.wa_name)
		: firstText(message.senderName, chat.wa_contactName, chat.name, chat.wa_name);
	const vote = text(message.vote);
	const isReply = event === 'buttonOrListReply';
	const quotedMessageId = firstText(message.quoted, context.stanzaID, pollKey.ID);
	return {
		event,
		messageId: firstText(message.messageid),
		chatId,
		phone,
		name,
		isGroup,
		groupName: isGroup ? firstText(message.groupName, chat.name) : null,
		fromMe,
		messageType: firstText(message.messageType),
		text: firstText(message.text),
		replyId: isReply
			? firstText(
					message.buttonOrListid,
					content.selectedButtonID,
					asObject(content.singleSelectReply).selectedRowID,
					content.selectedID,
				)
			: null,
		replyLabel: isReply
			? firstText(vote, asObject(content.Response).SelectedDisplayText, content.title)
			: null,
		pollChoices: event === 'pollVote' ? pollChoices(vote) : [],
		quotedMessageId,
		repliesToOurMessage:
			quotedMessageId !== null && repliesToOurMessage(message, context, pollKey, isGroup),
		campaignFolderId: firstText(message.send_folder_id),
		trackId: firstText(message.track_id),
		time: isoTime(message.messageTimestamp, 'ms'),
		instanceName: firstText(delivery.instanceName),
		raw,
	};
}

function normaliseReceipt(delivery: IDataObject, raw: IDataObject): NormalisedEvent {
	const receipt = asObject(delivery.event);
	const ids = receipt.MessageIDs ?? receipt.MessageID;
	const chatId = firstText(receipt.Chat);
	const status = firstText(delivery.state, receipt.Type);
	return {
		event: 'messageStatus',
		status: status === null ? null : status.toLowerCase(),
		messageIds: (Array.isArray(ids) ? ids : [ids]).filter(
			(id): id is string => typeof id === 'string' && id !== '',
		),
		chatId,
		phone: phoneOf(receipt.sender_pn) ?? phoneOf(receipt.Sender) ?? phoneOf(chatId),
		isGroup: flag(receipt.IsGroup) ?? chatId?.endsWith('@g.us') ?? false,
		time: isoTime(receipt.Timestamp, 's'),
		instanceName: firstText(delivery.instanceName),
		raw,
	};
}

/**
 * No capture of a campaign (`sender`) event is public: its fields are looked for under the names
 * third parties report, at the top level and in a nested `event`, `data` or `folder` object.
 */
function normaliseCampaign(delivery: IDataObject, raw: IDataObject): NormalisedEvent {
	const places = [delivery, delivery.event, delivery.data, delivery.folder].map(asObject);
	const field = (...keys: string[]) => places.flatMap((place) => keys.map((key) => place[key]));
	const status = firstText(...field('status', 'state'));
	return {
		event: 'campaign',
		status: status === null ? null : status.toLowerCase(),
		campaignFolderId: firstText(...field('folder_id', 'folderId', 'send_folder_id', 'id')),
		sentCount: firstNumber(...field('sentCount', 'sent_count', 'log_sucess')),
		failedCount: firstNumber(...field('failedCount', 'failed_count', 'log_failed')),
		messageCount: firstNumber(...field('messageCount', 'total_messages', 'log_total')),
		time: isoTime(firstNumber(...field('timestamp', 'Timestamp')), 's'),
		instanceName: firstText(delivery.instanceName),
		raw,
	};
}

function normaliseConnection(delivery: IDataObject, raw: IDataObject): NormalisedEvent {
	const instance = asObject(delivery.instance);
	const status = firstText(instance.status, delivery.status);
	return {
		event: 'connection',
		status: status === null ? null : status.toLowerCase(),
		reason: firstText(instance.lastDisconnectReason),
		phone: phoneOf(delivery.owner),
		time: isoFromText(instance.lastDisconnect),
		instanceName: firstText(delivery.instanceName, instance.name),
		raw,
	};
}

const NORMALISERS: Record<string, (delivery: IDataObject, raw: IDataObject) => NormalisedEvent> = {
	messages: normaliseMessage,
	messages_update: normaliseReceipt,
	sender: normaliseCampaign,
	connection: normaliseConnection,
};

/**
 * The item for one delivery, or undefined for an event kind the trigger does not offer (uazapi
 * may send more than was subscribed). `token` is masked anywhere it appears in the raw copy.
 */
export function normalise(body: IDataObject, token: string): NormalisedEvent | undefined {
	const delivery = flatDelivery(body);
	const normaliser = NORMALISERS[String(delivery.EventType)];
	if (!normaliser) return undefined;
	// Keys named token, qrcode or pairing code are dropped; the token is masked anywhere else.
	return normaliser(delivery, withoutSecret(body, token, SECRET_KEYS) as IDataObject);
}
