import type { INodeProperties } from 'n8n-workflow';

import { EXCLUDE_MESSAGES, TRIGGER_EVENTS } from './webhook/events';
import { DEFAULT_OPT_OUT_KEYWORDS, DEFAULT_OPT_OUT_REPLY_PREFIX } from './webhook/optOut';

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			'Activating the workflow adds a webhook of its own to the uazapi instance and removes it on deactivation; other webhooks of the instance stay as they are',
		name: 'notice',
		type: 'notice',
		default: '',
	},
	{
		displayName:
			"uazapi must reach this node's webhook URL. If it starts with localhost, 127.0.0.1 or a private address, set n8n's public address in its WEBHOOK_URL environment variable (a reverse proxy or tunnel), or activation stops with an error",
		name: 'reachNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		options: Object.entries(TRIGGER_EVENTS)
			.map(([value, event]) => ({ name: event.name, value, description: event.description }))
			.sort(byName),
		default: ['buttonOrListReply', 'messageReceived', 'pollVote'],
		description: 'What starts the workflow: each event is one output item',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Chats',
				name: 'chats',
				type: 'options',
				options: [
					{ name: 'All Chats', value: 'all' },
					{ name: 'Only Groups', value: 'groups' },
					{ name: 'Only Private Chats', value: 'private' },
				],
				default: 'all',
				description: 'Which chats messages, replies, votes and statuses may come from',
			},
			{
				displayName: 'Exclude Messages',
				name: 'excludeMessages',
				type: 'multiOptions',
				options: Object.entries(EXCLUDE_MESSAGES)
					.map(([value, name]) => ({ name, value }))
					.sort(byName),
				default: ['wasSentByApi'],
				description:
					'Messages uazapi should not deliver at all. Without this option: those sent by the API, so the messages of your campaigns do not start the workflow again.',
			},
			{
				displayName: 'Include Own Messages',
				name: 'includeOwnMessages',
				type: 'boolean',
				default: false,
				description:
					'Whether messages this WhatsApp number sends (from the phone, WhatsApp Web or the API) also start the workflow',
			},
			{
				displayName: 'Only Replies to Our Messages',
				name: 'onlyReplies',
				type: 'boolean',
				default: false,
				description:
					'Whether to keep only messages, replies and votes that answer a message this number sent',
			},
			{
				displayName: 'Opt-Out Keywords',
				name: 'optOutKeywords',
				type: 'string',
				default: DEFAULT_OPT_OUT_KEYWORDS,
				description:
					'A message whose whole text is one of these (separated by commas; case, accents and punctuation around it ignored) comes with optOut: true and the word in optOutWord. "Quero sair?" is not an opt-out. Empty: no keyword opt-outs.',
			},
			{
				displayName: 'Opt-Out Reply IDs Start With',
				name: 'optOutReplyPrefix',
				type: 'string',
				default: DEFAULT_OPT_OUT_REPLY_PREFIX,
				description:
					'A reply button or list row whose ID starts with this (e.g. a button "Não quero mais|optout") comes with optOut: true. Empty: none.',
			},
		],
	},
];
