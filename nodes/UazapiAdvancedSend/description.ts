import type { INodeProperties } from 'n8n-workflow';

import {
	DEFAULT_COUNTRY_CODE,
	DEFAULT_MAX_REQUEST_MB,
	DEFAULT_TIMEOUT_SECONDS,
	MAX_SCHEDULE_MINUTES,
} from '../shared/contract';
import { messageEntryProperties } from './messages';

const fieldsMode = { show: { defineMessages: ['fields'] } };

/**
 * Version 1.1 shows Default Country Code on the form, set to Brazil; version 1 keeps it in
 * Options, empty, so that saved workflows read their numbers as before.
 */
const fromVersion1_1 = { show: { '@version': [{ _cnd: { gte: 1.1 } }] } };
const version1 = { show: { '@version': [1] } };

/**
 * Version 1.2 starts from Message Nodes, where each message has a panel and a name of its own;
 * earlier versions start from Fields, so that their saved workflows read as before.
 */
const beforeVersion1_2 = { show: { '@version': [{ _cnd: { lt: 1.2 } }] } };
const fromVersion1_2 = { show: { '@version': [{ _cnd: { gte: 1.2 } }] } };

const DEFAULT_COUNTRY_CODE_HELP =
	'Completes national numbers, e.g. (11) 98765-4321 becomes 5511987654321 with 55. A number that is not a valid national number of this country is sent only if it is a valid number with its own country code (e.g. +1 415 555 0100, or 14155550100); anything else is refused before sending. Leave empty to accept only numbers written with their country code.';

const defaultCountryCodeOption: INodeProperties = {
	displayName: 'Default Country Code',
	name: 'defaultCountryCode',
	type: 'string',
	default: '',
	placeholder: 'e.g. 55',
	description: DEFAULT_COUNTRY_CODE_HELP,
};

/**
 * Options → Campaign Key and Dry Run in version 1; on the form's first screen, under the notice
 * that recommends them, since version 1.1.
 */
const campaignKeyField: INodeProperties = {
	displayName: 'Campaign Key',
	name: 'campaignKey',
	type: 'string',
	default: '',
	placeholder: 'e.g. {{ $json.batchId }}',
	description:
		'Guards against sending the same campaign twice (a re-run, a retry, a run after a timeout). The key is added to the description as [key:…]; if the instance already has a campaign with this key that is not deleted, it is output with alreadyCreated: true instead of being created again. In "One Campaign per Item" mode each item needs its own key.',
};

const dryRunField: INodeProperties = {
	displayName: 'Dry Run',
	name: 'dryRun',
	type: 'boolean',
	default: false,
	description: 'Whether to output the exact request body without sending anything',
};

const defineMessagesField: INodeProperties = {
	displayName: 'Define Messages Using',
	name: 'defineMessages',
	type: 'options',
	noDataExpression: true,
	description:
		'Switching clears what was entered the other way: n8n keeps only the fields it shows',
	options: [
		{ name: 'Fields', value: 'fields', description: 'Build each message with the fields below' },
		{
			name: 'JSON',
			value: 'json',
			description: 'Give uazapi message objects, or a whole /sender/advanced body, as JSON',
		},
		{
			name: 'Message Nodes',
			value: 'nodes',
			description:
				'Send the messages of the uazapi Message nodes before this one, in their order on the canvas',
		},
	],
	default: 'fields',
};

/** The Options collection's fields (Default Country Code, Campaign Key and Dry Run join them in version 1). */
const campaignOptions: INodeProperties[] = [
	{
		displayName: 'Check Numbers on WhatsApp',
		name: 'checkNumbers',
		type: 'options',
		options: [
			{
				name: 'Off',
				value: 'off',
				description: 'Send to every number as given',
			},
			{
				name: 'Leave Them Out',
				value: 'leaveOut',
				description:
					'Ask uazapi which numbers are on WhatsApp first; numbers that are not are left out and listed in the output',
			},
			{
				name: 'Fail the Run',
				value: 'fail',
				description: 'Ask uazapi first; any number not on WhatsApp stops the run, nothing sent',
			},
		],
		default: 'leaveOut',
		description:
			"Whether to check the campaign's numbers with uazapi before sending (in batches of 50). Sending to numbers not on WhatsApp wastes the campaign and raises the risk of the number being restricted. Where WhatsApp knows a number in another form (e.g. without Brazil's 9th digit), the messages go to that form.",
	},
	{
		displayName: 'Exclude Numbers',
		name: 'excludeNumbers',
		type: 'string',
		default: '',
		placeholder: "e.g. {{ $('Opt-outs').all().map(item => item.json.phone) }}",
		description:
			'Numbers that must not receive the campaign (opt-outs): a list, or numbers separated by commas or new lines. Written like recipients; matching items are left out and listed in the output.',
	},
	{
		displayName: 'Max Messages per Campaign',
		name: 'maxMessagesPerCampaign',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description:
			"Split a larger campaign into several of at most this many messages, each one output item. An item's messages always stay in one campaign. 0 means no limit. uazapi does not document whether it runs an instance's campaigns one after another: if it runs them at the same time, the parts go out in parallel and the pause between messages no longer holds across them.",
	},
	{
		displayName: 'Max Request Size (MB)',
		name: 'maxRequestSizeMb',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 1024 },
		default: DEFAULT_MAX_REQUEST_MB,
		description:
			'A campaign whose request would be larger is refused before anything is sent. Files from binary data travel as base64 inside the request, once per recipient: for a file many recipients share, a public URL keeps the request small.',
	},
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		options: [
			{
				name: 'One Item per Campaign',
				value: 'campaign',
				description: "The campaign's folder_id, count and status, paired to all its contacts",
			},
			{
				name: 'One Item per Contact',
				value: 'contact',
				description:
					"Each contact's item with the campaign's folder_id, paired to the contact: the uazapi Campaign node's Get Contact Outcomes (or Wait Until Done) then gives each contact's outcome back to its own item",
			},
		],
		default: 'campaign',
	},
	{
		displayName: 'Skip Duplicate Recipients',
		name: 'skipDuplicates',
		type: 'boolean',
		default: true,
		description:
			'Whether an item whose recipient already appeared earlier in the campaign is left out, so nobody gets the messages twice',
	},
	{
		displayName: 'When a Mapped Value Is Empty',
		name: 'whenValueEmpty',
		type: 'options',
		options: [
			{
				name: 'Refuse the Run',
				value: 'refuse',
				description: 'Nothing is sent; the error names each contact, message and field',
			},
			{
				name: 'Leave the Contact Out',
				value: 'leaveOut',
				description:
					'The others are sent; the output lists the contact under leftOut with the field',
			},
			{
				name: 'Send Anyway',
				value: 'send',
				description: 'Send the text as it reads, with the gap',
			},
		],
		default: 'refuse',
		description:
			'What to do when a text maps a value the contact does not have: a greeting that maps the name reads "Olá !" for a contact without one. Also catches texts that show "[object Object]" or "undefined".',
	},
	{
		displayName: 'Timeout (Seconds)',
		name: 'timeout',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: DEFAULT_TIMEOUT_SECONDS,
		description: 'How long to wait for uazapi to accept the campaign',
	},
];

export const advancedSendProperties: INodeProperties[] = [
	{
		displayName:
			'Running this node, "Execute step" included, creates a real campaign in uazapi. To see the exact request first, add Options → Dry Run. Keep Settings → Retry On Fail off; Options → Campaign Key makes a re-run safe.',
		name: 'sendNotice',
		type: 'notice',
		default: '',
		displayOptions: version1,
	},
	{
		displayName:
			'Running this node, "Execute step" included, creates a real campaign in uazapi: turn on Dry Run to see, per contact, what would be sent. Keep Settings → Retry On Fail off; a Campaign Key makes a re-run safe.',
		name: 'sendNotice',
		type: 'notice',
		default: '',
		displayOptions: fromVersion1_1,
	},
	{
		...dryRunField,
		description:
			'Whether to output, for each contact, the messages as WhatsApp shows them and the exact request, without sending anything',
		displayOptions: fromVersion1_1,
	},
	{ ...campaignKeyField, displayOptions: fromVersion1_1 },
	...(['fields', 'nodes'] as const).map(
		(mode): INodeProperties => ({
			...defineMessagesField,
			default: mode,
			displayOptions: mode === 'fields' ? beforeVersion1_2 : fromVersion1_2,
		}),
	),
	{
		displayName:
			'Switching Define Messages Using to JSON clears the Recipient and every message entered here: n8n keeps only the fields it shows',
		name: 'switchNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { ...fromVersion1_1.show, defineMessages: ['fields'] } },
	},
	{
		displayName:
			'Switching Define Messages Using to Fields clears Messages (JSON): n8n keeps only the fields it shows',
		name: 'switchNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { ...fromVersion1_1.show, defineMessages: ['json'] } },
	},
	{
		displayName:
			'The messages are the uazapi Message nodes before this node, one message each, in their order on the canvas: name each node after its message, e.g. "Welcome text". Switching Define Messages Using to JSON clears the Recipient.',
		name: 'messageNodesNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { defineMessages: ['nodes'] } },
	},
	{
		displayName: 'Recipient',
		name: 'number',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. {{ $json.phone }}',
		description:
			'WhatsApp number with country code (e.g. 5511999999999) or a chat ID such as 120363012345678901@g.us. Evaluated for each input item.',
		displayOptions: { show: { defineMessages: ['fields', 'nodes'] } },
	},
	{
		...defaultCountryCodeOption,
		default: DEFAULT_COUNTRY_CODE,
		description: `Country of numbers written without a country code (55 is Brazil). ${DEFAULT_COUNTRY_CODE_HELP}`,
		displayOptions: fromVersion1_1,
	},
	{
		displayName: 'Messages',
		name: 'messages',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Message',
		default: {},
		description: 'Messages every recipient receives, in this order',
		displayOptions: fieldsMode,
		options: [{ displayName: 'Message', name: 'message', values: messageEntryProperties }],
	},
	{
		displayName: 'Messages (JSON)',
		name: 'messagesJson',
		type: 'json',
		// The item's own number: a default must never message anyone as it stands.
		default:
			'={{ [\n  {\n    "number": $json.phone,\n    "type": "text",\n    "text": "Hello " + $json.name + "!"\n  }\n] }}',
		required: true,
		description:
			'For each input item: one uazapi message, a list of them, or a whole /sender/advanced body with "messages"',
		displayOptions: { show: { defineMessages: ['json'] } },
	},
	{
		displayName: 'Campaign Mode',
		name: 'campaignMode',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'One Campaign for All Items',
				value: 'all',
				description: 'All input items go into one campaign that uazapi paces',
			},
			{
				name: 'One Campaign per Item',
				value: 'perItem',
				description: 'Each input item becomes its own campaign',
			},
		],
		default: 'all',
	},
	{
		displayName: 'Delay Min (Seconds)',
		name: 'delayMin',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 10,
		description: 'Shortest pause uazapi makes between two messages',
	},
	{
		displayName: 'Delay Max (Seconds)',
		name: 'delayMax',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 30,
		description:
			'Longest pause uazapi makes between two messages; it picks a random pause in between',
	},
	{
		displayName: 'Description',
		name: 'info',
		type: 'string',
		default: '',
		placeholder: 'e.g. Black Friday launch',
		description: 'Shown with the campaign in uazapi',
	},
	{
		displayName: 'Schedule',
		name: 'schedule',
		type: 'options',
		options: [
			{ name: 'Immediately', value: 'now' },
			{ name: 'At a Date and Time', value: 'at' },
			{ name: 'In N Minutes', value: 'inMinutes' },
		],
		default: 'now',
	},
	{
		displayName: 'Send At',
		name: 'scheduledAt',
		type: 'dateTime',
		default: '',
		required: true,
		description:
			"When uazapi starts the campaign, in the workflow's time zone. A time in the past is refused.",
		displayOptions: { show: { schedule: ['at'] } },
	},
	{
		displayName: 'Minutes From Now',
		name: 'scheduleInMinutes',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_SCHEDULE_MINUTES },
		default: 5,
		description: `From 1 to ${MAX_SCHEDULE_MINUTES.toLocaleString('en-US')} minutes (30 days)`,
		displayOptions: { show: { schedule: ['inMinutes'] } },
	},
	...[
		{
			displayOptions: version1,
			options: [...campaignOptions, defaultCountryCodeOption, campaignKeyField, dryRunField],
		},
		{ displayOptions: fromVersion1_1, options: campaignOptions },
	].map(
		({ displayOptions, options }): INodeProperties => ({
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions,
			options: options.sort((a, b) => a.displayName.localeCompare(b.displayName)),
		}),
	),
];
