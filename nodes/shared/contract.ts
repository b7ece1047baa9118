/**
 * Every assumption this package makes about uazapi's contract, in one place.
 * Source: the vendor's OpenAPI (uazapiGO 2.1.0) and the notes in README "Contract assumptions".
 * No live uazapi server was reachable while this was written: change values here if the server
 * turns out to behave differently.
 */

export const CREDENTIAL_TYPE = 'uazapiSenderApi';

export const ENDPOINTS = {
	instanceStatus: '/instance/status',
	senderAdvanced: '/sender/advanced',
	listFolders: '/sender/listfolders',
	listMessages: '/sender/listmessages',
	editFolder: '/sender/edit',
	clearDone: '/sender/cleardone',
	clearAll: '/sender/clearall',
} as const;

/** The `type` values `/sender/advanced` accepts (OpenAPI enum, copies from 2026-04-16 on). */
export const SENDER_MESSAGE_TYPES = [
	'text',
	'image',
	'video',
	'videoplay',
	'audio',
	'ptt',
	'myaudio',
	'sticker',
	'document',
	'contact',
	'location',
	'poll',
	'list',
	'button',
	'carousel',
] as const;
export type SenderMessageType = (typeof SENDER_MESSAGE_TYPES)[number];

/**
 * `scheduled_for` is "a unix timestamp in milliseconds or minutes from now" and the server's rule
 * for telling them apart is undocumented. We only ever send small minute counts (at most 30 days)
 * or 13-digit millisecond timestamps, never seconds, and omit the field to send immediately.
 */
export const MAX_SCHEDULE_MINUTES = 43_200;
/**
 * A date-time up to this far in the past is treated as "now" (the field is omitted), so an
 * expression such as {{ $now }} still works; anything older is refused rather than sent, because
 * what uazapi does with a past timestamp is undocumented.
 */
export const PAST_SCHEDULE_GRACE_MS = 60_000;

/** WhatsApp's limits as we enforce them; uazapi documents none. */
export const LIMITS = {
	textLength: 4096,
	captionLength: 1024,
	pollOptionsMin: 2,
	pollOptionsMax: 12,
	carouselCardsMax: 10,
	/** WhatsApp's own caps: 100 MB for documents, 16 MB for other media. */
	documentBytes: 100 * 1024 * 1024,
	mediaBytes: 16 * 1024 * 1024,
} as const;

/** How long the campaign POST may take before we give up (the request helper's default is 300 s). */
export const DEFAULT_TIMEOUT_SECONDS = 60;

/** /sender/listmessages answers at most this many messages per page. */
export const MESSAGES_PAGE_SIZE = 1000;

/**
 * Campaign statuses as /sender/edit documents them. "done" ends a campaign; the folder list may
 * also use other words (the OpenAPI example says "ativo"), so a campaign whose counters account
 * for every message is treated as done as well.
 */
export const CAMPAIGN_DONE_STATUSES = ['done', 'completed', 'finished'];
export const CAMPAIGN_DELETED_STATUSES = ['deleting', 'deleted'];
