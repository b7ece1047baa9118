import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import {
	DEFAULT_EXCLUDE_MESSAGES,
	uazapiEventsFor,
	type ExcludeMessages,
	type TriggerEvent,
} from './events';
import type { NormalisedEvent } from './normalise';
import { DEFAULT_OPT_OUT_KEYWORDS, DEFAULT_OPT_OUT_REPLY_PREFIX, type OptOutRules } from './optOut';

export interface TriggerSettings {
	events: TriggerEvent[];
	chats: 'all' | 'private' | 'groups';
	excludeMessages: ExcludeMessages[];
	includeOwnMessages: boolean;
	onlyReplies: boolean;
	optOut: OptOutRules;
}

/** What the webhook registered at uazapi holds; compared field by field with GET /webhook. */
export interface UazapiWebhook {
	url: string;
	events: string[];
	excludeMessages: string[];
}

export function triggerSettings(context: IHookFunctions | IWebhookFunctions): TriggerSettings {
	const options = context.getNodeParameter('options', {}) as Partial<TriggerSettings> & {
		optOutKeywords?: string;
		optOutReplyPrefix?: string;
	};
	return {
		events: context.getNodeParameter('events', []) as TriggerEvent[],
		chats: options.chats ?? 'all',
		excludeMessages: options.excludeMessages ?? DEFAULT_EXCLUDE_MESSAGES,
		includeOwnMessages: options.includeOwnMessages ?? false,
		onlyReplies: options.onlyReplies ?? false,
		optOut: {
			keywords: options.optOutKeywords ?? DEFAULT_OPT_OUT_KEYWORDS,
			replyIdPrefix: options.optOutReplyPrefix ?? DEFAULT_OPT_OUT_REPLY_PREFIX,
		},
	};
}

/** The webhook to register; a chat filter also spares uazapi the deliveries it would refuse. */
export function webhookFor(settings: TriggerSettings, url: string): UazapiWebhook {
	const exclude = new Set<string>(settings.excludeMessages);
	if (settings.chats === 'private') exclude.add('isGroupYes');
	if (settings.chats === 'groups') exclude.add('isGroupNo');
	return { url, events: uazapiEventsFor(settings.events), excludeMessages: [...exclude].sort() };
}

/** Whether an event passes the user's choices: its kind was picked and every filter holds. */
export function isWanted(event: NormalisedEvent, settings: TriggerSettings): boolean {
	if (!settings.events.includes(event.event)) return false;
	if (event.fromMe === true && !settings.includeOwnMessages) return false;
	if (typeof event.isGroup === 'boolean' && settings.chats !== 'all') {
		if (event.isGroup !== (settings.chats === 'groups')) return false;
	}
	if (settings.onlyReplies && event.repliesToOurMessage === false) return false;
	return true;
}
