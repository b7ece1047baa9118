/**
 * The events a user can pick, and the uazapi webhook event each one needs. Several of ours share
 * uazapi's `messages` event: the trigger subscribes once and sorts the deliveries itself.
 */
export const TRIGGER_EVENTS = {
	messageReceived: {
		name: 'Message Received',
		uazapiEvent: 'messages',
		description: 'A text, media or other message arrives in a chat',
	},
	buttonOrListReply: {
		name: 'Button or List Reply',
		uazapiEvent: 'messages',
		description: 'A contact taps a reply button or picks a list row of a message you sent',
	},
	pollVote: {
		name: 'Poll Vote',
		uazapiEvent: 'messages',
		description: 'A contact votes in a poll you sent',
	},
	messageStatus: {
		name: 'Message Status',
		uazapiEvent: 'messages_update',
		description: 'Messages you sent are delivered or read',
	},
	campaign: {
		name: 'Campaign',
		uazapiEvent: 'sender',
		description: 'A uazapi campaign starts or completes',
	},
	connection: {
		name: 'Connection',
		uazapiEvent: 'connection',
		description: 'The WhatsApp instance connects or disconnects',
	},
} as const;

export type TriggerEvent = keyof typeof TRIGGER_EVENTS;

/** uazapi's `events` for a webhook delivering the picked events: each once, in a stable order. */
export function uazapiEventsFor(events: TriggerEvent[]): string[] {
	return [...new Set(events.map((event) => TRIGGER_EVENTS[event].uazapiEvent))].sort();
}

/** uazapi's `excludeMessages` filters (OpenAPI enum). */
export const EXCLUDE_MESSAGES = {
	wasSentByApi: 'Sent by the API',
	wasNotSentByApi: 'Not Sent by the API',
	fromMeYes: 'Sent From This Number',
	fromMeNo: 'Sent by Others',
	isGroupYes: 'In Groups',
	isGroupNo: 'In Private Chats',
} as const;

export type ExcludeMessages = keyof typeof EXCLUDE_MESSAGES;

/** Campaign messages must not come back as new messages and start the workflow again. */
export const DEFAULT_EXCLUDE_MESSAGES: ExcludeMessages[] = ['wasSentByApi'];
