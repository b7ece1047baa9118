import type { INodeProperties } from 'n8n-workflow';

import { UazapiTrigger } from '../../nodes/UazapiTrigger/UazapiTrigger.node';
import {
	DEFAULT_EXCLUDE_MESSAGES,
	TRIGGER_EVENTS,
	uazapiEventsFor,
} from '../../nodes/UazapiTrigger/webhook/events';

const { properties, webhooks } = new UazapiTrigger().description;
const option = (name: string) =>
	(properties.find((property) => property.name === 'options')!.options as INodeProperties[]).find(
		(property) => property.name === name,
	)!;

test('the editor offers every event, and Exclude Messages shows the default the node applies', () => {
	const events = properties.find((property) => property.name === 'events')!;
	expect((events.options as Array<{ value: string }>).map((entry) => entry.value).sort()).toEqual(
		Object.keys(TRIGGER_EVENTS).sort(),
	);
	expect(option('excludeMessages').default).toEqual(DEFAULT_EXCLUDE_MESSAGES);
});

test('one POST webhook answered at once, so uazapi is never kept waiting by the workflow', () => {
	expect(webhooks).toEqual([
		{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
	]);
});

test('the events picked become uazapi events, each once', () => {
	expect(uazapiEventsFor(['pollVote', 'buttonOrListReply', 'messageReceived'])).toEqual([
		'messages',
	]);
	expect(uazapiEventsFor(['connection', 'messageStatus', 'campaign', 'pollVote'])).toEqual([
		'connection',
		'messages',
		'messages_update',
		'sender',
	]);
});
