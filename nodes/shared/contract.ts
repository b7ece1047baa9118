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
	listCampaigns: '/sender/listfolders',
	listMessages: '/sender/listmessages',
	editFolder: '/sender/edit',
	clearDone: '/sender/cleardone',
	clearAll: '/sender/clearall',
	checkNumbers: '/chat/check',
	webhook: '/webhook',
} as const;

/**
 * Numbers asked per /chat/check request. uazapi documents no maximum; 50 keeps each request and
 * its WhatsApp lookup small, so a slow answer costs little, while 1,000 numbers still take 20
 * requests (measured against the imitation in the closing note of the recipients issue).
 */
export const CHECK_NUMBERS_BATCH = 50;

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
 * Optional fields uazapi documents for every /send/* endpoint but not for the sender's messages.
 * Whether the sender honours them is unverified; a user may pass them deliberately (JSON mode, or
 * Extra Fields in the editor), while any other unknown field is still refused as a likely typo.
 * `async` is left out: it queues a single /send/* request, which a campaign already is.
 */
export const SEND_EXTRA_FIELDS = [
	'delay',
	'readchat',
	'readmessages',
	'replyid',
	'mentions',
	'forward',
	'viewOnce',
	'track_source',
	'track_id',
] as const;

/**
 * `scheduled_for` is "a unix timestamp in milliseconds or minutes from now" and the server's rule
 * for telling them apart is undocumented. We only ever send small minute counts (at most 30 days)
 * or 13-digit millisecond timestamps, never seconds, and omit the field to send immediately.
 */
export const MAX_SCHEDULE_MINUTES = 43_200;
/**
 * A date-time within this distance of now, before or after, is sent as "immediately" (the field is
 * omitted): {{ $now }} must not arrive as a timestamp that has already passed, and a time a few
 * seconds ahead would have passed by the time uazapi reads it. The rule is applied when the
 * campaign is checked and again just before it is posted. Anything further in the past is refused,
 * because what uazapi does with a past timestamp is undocumented.
 */
export const NOW_WINDOW_MS = 60_000;
/** Millisecond timestamps have 13 digits until the year 2286; more digits are not milliseconds. */
export const MAX_TIMESTAMP_MS = 9_999_999_999_999;

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

/**
 * Largest campaign request the node sends unless the user raises it (Options → Max Request Size).
 * uazapi documents no limit. 32 MB holds the largest media WhatsApp accepts (16 MB, 21.3 MB as
 * base64) with room for thousands of text messages, stays far below the 100 MB that common
 * proxies in front of servers accept, and keeps n8n's own peak for the request (the body, its
 * JSON text and the socket buffer) near 100 MB. Bigger bodies are almost always one file sent as
 * base64 to every recipient, which a public URL does better.
 */
/** Default Country Code of new nodes: uazapi's users are overwhelmingly Brazilian. */
export const DEFAULT_COUNTRY_CODE = '55';

export const DEFAULT_MAX_REQUEST_MB = 32;

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
