import type { IDataObject } from 'n8n-workflow';

import listReply from '../fixtures/uazapi-webhooks/list-reply.json';
import sentByApi from '../fixtures/uazapi-webhooks/sent-by-api.json';
import textReceivedGroup from '../fixtures/uazapi-webhooks/text-received-group.json';
import textReceived from '../fixtures/uazapi-webhooks/text-received.json';
import { FIXTURE_CASES, FIXTURE_TOKEN, rawOf, without } from '../helpers/triggerFixtures';
import { receivedItem } from '../helpers/receivedItem.cjs';
import { useImitation } from './imitation';
import { secretQuery, TriggerUnderTest } from './trigger';

const imitation = useImitation(FIXTURE_TOKEN);

const ALL_EVENTS = [
	'messageReceived',
	'buttonOrListReply',
	'pollVote',
	'messageStatus',
	'campaign',
	'connection',
];

function triggerWith(parameters: IDataObject = {}) {
	return new TriggerUnderTest(
		{ events: ['buttonOrListReply', 'messageReceived', 'pollVote'], options: {}, ...parameters },
		imitation.credentials,
	);
}

const webhooks = () => imitation.server.state.webhooks;
const calls = () => imitation.server.requests.map((request) => `${request.method} ${request.path}`);
const posted = () =>
	imitation.server.requests
		.filter((request) => request.method === 'POST')
		.map((request) => request.body as IDataObject);

/** The user's own webhook (e.g. Chatwoot), set up in uazapi's simple mode before the trigger. */
async function usersWebhook() {
	const response = await fetch(`${imitation.server.url}/webhook`, {
		method: 'POST',
		headers: { token: FIXTURE_TOKEN, 'content-type': 'application/json' },
		body: JSON.stringify({
			url: 'https://chatwoot.example.com/webhooks/uazapi',
			enabled: true,
			events: ['messages', 'connection'],
			excludeMessages: [],
		}),
	});
	expect(response.status).toBe(200);
	imitation.server.requests.length = 0;
	return structuredClone(webhooks()[0]);
}

describe('registering the webhook on the uazapi instance', () => {
	test('activation adds one webhook with action "add", the events, excludeMessages and a secret URL, confirmed by GET', async () => {
		const trigger = triggerWith({ events: ['buttonOrListReply', 'messageStatus', 'pollVote'] });
		expect(await trigger.checkExists()).toBe(false);
		expect(await trigger.create()).toBe(true);
		expect(calls()).toEqual(['GET /webhook', 'POST /webhook', 'GET /webhook']);
		const [add] = posted();
		expect(add).toEqual({
			action: 'add',
			enabled: true,
			addUrlEvents: false,
			addUrlTypesMessages: false,
			url: expect.stringMatching(
				/^http:\/\/127\.0\.0\.1\/webhook\/5b0c2f7e-7d1a-4c43-9a55-3f1f0b7a1c11\/webhook\?secret=[0-9a-f]{48}$/,
			),
			events: ['messages', 'messages_update'],
			excludeMessages: ['wasSentByApi'],
		});
		expect(
			imitation.server.requests.every((request) => request.headers.token === FIXTURE_TOKEN),
		).toBe(true);
		expect(webhooks()).toEqual([{ ...without(add, 'action'), id: expect.any(String) }]);
		// Only the id is kept: the secret is derived from the token, so no process needs it stored.
		expect(trigger.staticData).toEqual({ webhookId: webhooks()[0].id });
	});

	test('checkExists is true while the webhook is listed as registered, false once it is gone', async () => {
		const trigger = triggerWith();
		await trigger.activate();
		imitation.server.requests.length = 0;
		expect(await trigger.checkExists()).toBe(true);
		expect(calls()).toEqual(['GET /webhook']);
		webhooks().length = 0;
		expect(await trigger.checkExists()).toBe(false);
		expect(trigger.staticData).toEqual({});
	});

	test('changed events: checkExists removes the old webhook by id, activation adds the new one', async () => {
		const trigger = triggerWith();
		await trigger.activate();
		const [old] = structuredClone(webhooks());
		trigger.node.parameters.events = ['connection'];
		await trigger.activate();
		expect(posted()).toContainEqual({ action: 'delete', id: old.id, url: old.url });
		expect(webhooks()).toEqual([
			expect.objectContaining({ events: ['connection'], excludeMessages: ['wasSentByApi'] }),
		]);
		expect(webhooks()[0].id).not.toBe(old.id);
	});

	test('deactivation deletes the webhook by its id; the user’s other webhook is untouched', async () => {
		const users = await usersWebhook();
		const trigger = triggerWith();
		await trigger.activate();
		expect(webhooks()).toHaveLength(2);
		const ours = webhooks()[1];
		imitation.server.requests.length = 0;
		expect(await trigger.delete()).toBe(true);
		expect(posted()).toEqual([{ action: 'delete', id: ours.id, url: ours.url }]);
		expect(calls()).toEqual(['GET /webhook', 'POST /webhook', 'GET /webhook']);
		expect(webhooks()).toEqual([users]);
		expect(trigger.staticData).toEqual({});
	});

	test('no request of the trigger ever uses simple mode or touches another webhook', async () => {
		const users = await usersWebhook();
		const trigger = triggerWith();
		await trigger.activate();
		trigger.node.parameters.options = { chats: 'private' };
		await trigger.activate();
		await trigger.delete();
		expect(posted().every((body) => body.action === 'add' || body.action === 'delete')).toBe(true);
		expect(
			posted()
				.filter((body) => body.action === 'delete')
				.map((body) => body.id),
		).not.toContain(users.id);
		expect(webhooks()).toEqual([users]);
	});

	test('a POST answered 200 without being applied is detected: activation fails, nothing is kept', async () => {
		imitation.server.setResponder((request) =>
			request.method === 'POST' && request.path === '/webhook'
				? { status: 200, body: [] }
				: undefined,
		);
		const trigger = triggerWith();
		await expect(trigger.create()).rejects.toThrow(
			'uazapi did not add the webhook of this trigger',
		);
		expect(trigger.staticData).toEqual({});
	});

	test('a webhook added disabled is removed again and activation fails', async () => {
		imitation.server.setResponder((request) => {
			const body = request.body as IDataObject;
			if (request.method === 'POST' && body.action === 'add') body.enabled = false;
			return undefined;
		});
		const trigger = triggerWith();
		await expect(trigger.create()).rejects.toThrow(
			'uazapi did not add the webhook of this trigger',
		);
		expect(posted().map((body) => body.action)).toEqual(['add', 'delete']);
		expect(webhooks()).toEqual([]);
	});

	test('a delete answered 200 but not applied fails the deactivation, naming the webhook id', async () => {
		const trigger = triggerWith();
		await trigger.activate();
		const { id } = webhooks()[0];
		imitation.server.setResponder((request) =>
			request.method === 'POST' ? { status: 200, body: webhooks() } : undefined,
		);
		await expect(trigger.delete()).rejects.toThrow(
			'uazapi did not delete the webhook of this trigger',
		);
		expect(webhooks().map((webhook) => webhook.id)).toEqual([id]);
	});

	test('webhooks left on this node’s URL by an unclean deactivation are removed on activation', async () => {
		const users = await usersWebhook();
		const first = triggerWith();
		await first.activate();
		const orphan = webhooks()[1];
		const again = triggerWith();
		await again.activate();
		expect(posted()).toContainEqual({ action: 'delete', id: orphan.id, url: orphan.url });
		expect(webhooks()).toHaveLength(2);
		expect(webhooks()[0]).toEqual(users);
		expect(webhooks()[1].id).not.toBe(orphan.id);
	});

	test("n8n's test URL and production URL are registered side by side", async () => {
		const trigger = triggerWith();
		await trigger.activate(true);
		const test = webhooks()[0];
		expect(test.url.startsWith(`${trigger.url(true)}?secret=`)).toBe(true);
		const production = triggerWith();
		await production.activate(false);
		expect(webhooks().map((webhook) => webhook.url.split('?')[0])).toEqual([
			trigger.url(true),
			production.url(false),
		]);
		await trigger.delete(true);
		expect(webhooks().map((webhook) => webhook.url.split('?')[0])).toEqual([production.url(false)]);
	});

	test('a chat filter also asks uazapi not to deliver the other chats', async () => {
		await triggerWith({ options: { chats: 'private' } }).create();
		await triggerWith({ options: { chats: 'groups', excludeMessages: [] } }).create();
		const adds = posted().filter((body) => body.action === 'add');
		expect(adds.map((body) => body.excludeMessages)).toEqual([
			['isGroupYes', 'wasSentByApi'],
			['isGroupNo'],
		]);
	});

	test('uazapi refusing the token fails the activation with the credential hint', async () => {
		const trigger = new TriggerUnderTest({ events: ['connection'], options: {} }, () => ({
			engineCredential: { serverUrl: imitation.server.url, token: 'another-token' },
		}));
		const error = await trigger.create().catch((caught: Error) => caught);
		expect(error).toMatchObject({
			message: 'uazapi refused the instance token',
			description: expect.stringContaining('Check the uazapi Sender credential'),
		});
		expect(JSON.stringify(error)).not.toContain('another-token');
		expect(webhooks()).toEqual([]);
	});
});

describe('receiving a delivery', () => {
	async function activated(parameters: IDataObject = {}) {
		const trigger = triggerWith(parameters);
		await trigger.activate();
		return { trigger, query: secretQuery(webhooks()[0].url) };
	}

	test.each(FIXTURE_CASES)('%s: one item, exactly normalised', async (_name, fixture, expected) => {
		const { trigger, query } = await activated({
			events: ALL_EVENTS,
			options: { includeOwnMessages: true },
		});
		const { result, answer } = await trigger.deliver(fixture, query);
		expect(result.workflowData).toEqual([
			[{ json: { ...receivedItem(expected), raw: rawOf(fixture) } }],
		]);
		expect(answer.status).toBe(200);
		expect(JSON.stringify(result)).not.toContain(FIXTURE_TOKEN);
	});

	test('a contact answering "Sair!" is flagged as an opt-out, with the word', async () => {
		const { trigger, query } = await activated();
		const sair = { ...textReceived, message: { ...textReceived.message, text: 'Sair!' } };
		const { result } = await trigger.deliver(sair, query);
		expect(result.workflowData?.[0][0].json).toMatchObject({
			event: 'messageReceived',
			text: 'Sair!',
			optOut: true,
			optOutWord: 'SAIR',
		});
	});

	test.each([
		['no secret', {}],
		['a wrong secret', { secret: 'f'.repeat(48) }],
		['the secret as another parameter', { token: 'x' }],
	])('a call with %s is refused with 403 and starts nothing', async (_name, query) => {
		const { trigger } = await activated();
		const { result, answer } = await trigger.deliver(textReceived, query);
		expect(result).toEqual({ noWebhookResponse: true });
		expect(answer).toEqual({ status: 403, body: { error: 'This webhook URL is not registered' } });
	});

	test.each([
		['another instance token', { ...textReceived, token: 'someone-elses-token' }],
		['no token', rawOf(textReceived)],
		['an empty token', { ...textReceived, token: '' }],
	])(
		'a call with the secret but %s is refused with 401 and starts nothing',
		async (_name, body) => {
			const { trigger, query } = await activated();
			const { result, answer } = await trigger.deliver(body, query);
			expect(result).toEqual({ noWebhookResponse: true });
			expect(answer.status).toBe(401);
			expect(JSON.stringify(answer)).not.toContain('someone-elses-token');
		},
	);

	test('before any activation every call is refused', async () => {
		const trigger = triggerWith();
		const { answer } = await trigger.deliver(textReceived, { secret: 'anything' });
		expect(answer.status).toBe(403);
	});

	test('a delivery is accepted before n8n has saved the static data, or after a stale save erased it', async () => {
		const { trigger, query } = await activated();
		delete trigger.staticData.webhookId;
		const { answer, result } = await trigger.deliver(textReceived, query);
		expect(answer.status).toBe(200);
		expect(result.workflowData?.[0]).toHaveLength(1);
	});

	test("the OpenAPI's envelope is accepted with the token inside data", async () => {
		const { trigger, query } = await activated();
		const data = without(listReply, 'EventType', 'token');
		const { result } = await trigger.deliver(
			{ event: 'message', instance: 'fixture-instance', data: { ...data, token: FIXTURE_TOKEN } },
			query,
		);
		expect(result.workflowData?.[0][0].json).toMatchObject({
			event: 'buttonOrListReply',
			replyId: 'opt_b',
		});
		expect(JSON.stringify(result)).not.toContain(FIXTURE_TOKEN);
	});

	describe('events and filters the user did not ask for are answered 200 and start nothing', () => {
		const ignored = { webhookResponse: { received: true, started: false } };

		test('our own messages, unless Include Own Messages', async () => {
			const { trigger, query } = await activated();
			expect((await trigger.deliver(sentByApi, query)).result).toEqual(ignored);
		});

		test('an event kind not picked', async () => {
			const { trigger, query } = await activated({ events: ['buttonOrListReply'] });
			expect((await trigger.deliver(textReceived, query)).result).toEqual(ignored);
			expect((await trigger.deliver(listReply, query)).result.workflowData).toHaveLength(1);
		});

		test('Only Private Chats and Only Groups', async () => {
			const privateOnly = await activated({ options: { chats: 'private' } });
			expect(
				(await privateOnly.trigger.deliver(textReceivedGroup, privateOnly.query)).result,
			).toEqual(ignored);
			expect(
				(await privateOnly.trigger.deliver(textReceived, privateOnly.query)).result.workflowData,
			).toHaveLength(1);
			webhooks().length = 0;
			const groupsOnly = await activated({ options: { chats: 'groups' } });
			expect((await groupsOnly.trigger.deliver(textReceived, groupsOnly.query)).result).toEqual(
				ignored,
			);
			expect(
				(await groupsOnly.trigger.deliver(textReceivedGroup, groupsOnly.query)).result.workflowData,
			).toHaveLength(1);
		});

		test('Only Replies to Our Messages', async () => {
			const { trigger, query } = await activated({ options: { onlyReplies: true } });
			expect((await trigger.deliver(textReceived, query)).result).toEqual(ignored);
			expect((await trigger.deliver(listReply, query)).result.workflowData).toHaveLength(1);
		});

		test('an event kind the trigger does not offer', async () => {
			const { trigger, query } = await activated();
			const presence = { EventType: 'presence', token: FIXTURE_TOKEN };
			expect((await trigger.deliver(presence, query)).result).toEqual(ignored);
		});
	});
});

describe('a trigger uazapi cannot reach', () => {
	it('activation against a uazapi server on the internet stops at a local URL, asking nothing of uazapi', async () => {
		const [id] = Object.keys(imitation.credentials());
		const trigger = new TriggerUnderTest({ events: ['messageReceived'], options: {} }, () => ({
			[id]: { serverUrl: 'https://demo.uazapi.com', token: FIXTURE_TOKEN },
		}));
		await expect(trigger.create()).rejects.toMatchObject({
			message:
				"uazapi cannot reach this trigger's URL: http://127.0.0.1 is an address of this machine or its network",
			description: expect.stringContaining('WEBHOOK_URL'),
		});
		expect(imitation.server.requests).toHaveLength(0);
	});
});
