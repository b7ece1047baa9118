import type { IDataObject } from 'n8n-workflow';

import {
	startUazapiServer,
	type RecordedRequest,
	type Reply,
	type UazapiServer,
} from '../helpers/uazapiServer.cjs';
import { runWorkflow, type EngineRun } from './harness';
import { contacts, CREDENTIAL_ID, fieldsParameters, SEND_NODE, sendWorkflow } from './workflows';

/**
 * Every way the campaign POST can fail, through n8n-core's real request helper against the uazapi
 * imitation: the error the user sees, how often the POST reached the server (a campaign must never
 * be queued twice), and with Continue On Fail, that the other campaigns still go out.
 */

const TOKEN = 'faults-secret-token';
let server: UazapiServer;
/** A URL nothing listens on: a server was started there and closed again. */
let closedUrl: string;

beforeAll(async () => {
	server = await startUazapiServer({ token: TOKEN });
	const closed = await startUazapiServer({ token: TOKEN });
	closedUrl = closed.url;
	await closed.close();
});
beforeEach(() => {
	server.requests.length = 0;
	server.setResponder(undefined);
});
afterAll(async () => server.close());

const credentials = (url = server.url) => ({ [CREDENTIAL_ID]: { serverUrl: url, token: TOKEN } });
const TEMPLATES = [{ type: 'text', text: '=Olá {{ $json.name }}!' }];
const CHECK_CAMPAIGNS =
	'The request may still have reached uazapi: check the campaigns list before running the workflow again, because running it again can queue every message twice.';

const campaignPosts = () =>
	server.requests.filter(
		(request) => request.method === 'POST' && request.path === '/sender/advanced',
	);

interface Fault {
	name: string;
	/** The reply to the campaign POST; undefined for faults that are not a reply. */
	reply?: Reply;
	/** Send to the closed port instead of the imitation. */
	refused?: boolean;
	options?: IDataObject;
	message: string | RegExp;
	/** Parts the description must contain. */
	description: Array<string | RegExp>;
	httpCode: string | null;
	/** How many times the campaign POST reaches the server. */
	posts: number;
}

const FAULTS: Fault[] = [
	{
		name: '400 with uazapi text that echoes the token',
		reply: { status: 400, body: { error: `Número inválido para o token ${TOKEN}` } },
		message: 'uazapi rejected the request: Número inválido para o token ***',
		description: ['Fix the value uazapi names and run again.', 'uazapi said: "Número inválido'],
		httpCode: '400',
		posts: 1,
	},
	{
		name: '401',
		reply: { status: 401, body: { error: 'Invalid token' } },
		message: 'uazapi refused the instance token',
		description: ['Check the uazapi Sender credential', 'uazapi said: "Invalid token"'],
		httpCode: '401',
		// n8n's request helper refreshes credentials and repeats a request once after a 401. uazapi
		// queues nothing on a 401 (the token is checked before anything else), so the repeat cannot
		// queue the campaign twice; it is only a second refusal.
		posts: 2,
	},
	{
		name: '403',
		reply: { status: 403, body: { error: 'instance belongs to another owner' } },
		message: 'uazapi denied access to this instance',
		description: [
			"Check that the token belongs to this server's instance.",
			'uazapi said: "instance belongs to another owner"',
		],
		httpCode: '403',
		posts: 1,
	},
	{
		name: '404',
		reply: { status: 404, raw: '404 page not found', contentType: 'text/plain' },
		message: 'uazapi has no /sender/advanced on this server',
		description: ['Check the server URL in the credential', 'uazapi said: "404 page not found"'],
		httpCode: '404',
		posts: 1,
	},
	{
		name: '409',
		reply: { status: 409, body: { error: 'a campaign with this info is already running' } },
		message: 'The request to uazapi failed (HTTP 409)',
		description: ['uazapi said: "a campaign with this info is already running".', CHECK_CAMPAIGNS],
		httpCode: '409',
		posts: 1,
	},
	{
		name: '413',
		reply: { status: 413, raw: 'request entity too large', contentType: 'text/plain' },
		message: 'uazapi refused the request as too large',
		description: [
			'Send fewer messages per campaign or smaller media (use URLs instead of base64).',
			'uazapi said: "request entity too large"',
		],
		httpCode: '413',
		posts: 1,
	},
	{
		name: '429 with Retry-After in seconds',
		reply: {
			status: 429,
			body: { error: 'rate limit exceeded' },
			headers: { 'retry-after': '30' },
		},
		message: 'uazapi is rate-limiting this instance and asks to wait 30 seconds',
		description: [
			"Run the workflow again after 30 seconds (uazapi's Retry-After).",
			'uazapi said: "rate limit exceeded"',
		],
		httpCode: '429',
		posts: 1,
	},
	{
		name: '429 with Retry-After as an HTTP date',
		reply: {
			status: 429,
			body: { error: 'rate limit exceeded' },
			headers: { 'retry-after': new Date(Date.now() + 120_000).toUTCString() },
		},
		// The date is 120 s ahead when the table is built; the test runs a moment later.
		message: /^uazapi is rate-limiting this instance and asks to wait (9\d|1[01]\d|120) seconds$/,
		description: [
			/Run the workflow again after (9\d|1[01]\d|120) seconds \(uazapi's Retry-After\)\./,
		],
		httpCode: '429',
		posts: 1,
	},
	{
		name: '429 without Retry-After',
		reply: { status: 429, body: { error: 'rate limit exceeded' } },
		message: 'uazapi is rate-limiting this instance',
		description: ['Wait a few minutes before sending again.', 'uazapi said: "rate limit exceeded"'],
		httpCode: '429',
		posts: 1,
	},
	{
		name: '500 with uazapi text that echoes the token',
		reply: { status: 500, body: { error: `session ${TOKEN} is not connected` } },
		message: "The instance's WhatsApp is not connected",
		description: [
			'Connect it in the uazapi panel (scan the QR code with the phone), then run again.',
			'uazapi said: "session *** is not connected".',
			CHECK_CAMPAIGNS,
		],
		httpCode: '500',
		posts: 1,
	},
	{
		name: '503',
		reply: { status: 503, raw: 'Service Unavailable', contentType: 'text/plain' },
		message: 'uazapi is unavailable (HTTP 503)',
		description: ['so nothing was created', 'uazapi said: "Service Unavailable".'],
		httpCode: '503',
		posts: 1,
	},
	{
		name: 'a slow answer past the Timeout option',
		reply: { status: 200, body: { folder_id: 'too-late' }, delayMs: 2500 },
		options: { timeout: 1 },
		message: 'uazapi did not answer within 1 second',
		description: ['Raise the Timeout option or try later.', CHECK_CAMPAIGNS],
		httpCode: null,
		posts: 1,
	},
	{
		name: 'connection refused',
		refused: true,
		message: 'Could not reach the uazapi server',
		description: [
			'Check the server URL in the uazapi Sender credential',
			'Network error: ECONNREFUSED.',
		],
		httpCode: null,
		// Nothing listens on the port, so the POST cannot reach any server.
		posts: 0,
	},
	{
		name: 'a 200 whose body is not JSON',
		reply: { status: 200, raw: '<html><body>Bad Gateway</body></html>', contentType: 'text/html' },
		message: 'uazapi answered without a campaign ID (folder_id)',
		description: [
			'The campaign may have been created anyway: check the campaigns in uazapi before running the workflow again, or every message could be queued twice.',
			'uazapi answered: <html><body>Bad Gateway</body></html>',
		],
		httpCode: null,
		posts: 1,
	},
	{
		name: "500 with WhatsApp's 463 (new contacts restricted)",
		reply: {
			status: 500,
			body: {
				error:
					'WhatsApp server error 463: WhatsApp reported that the currently connected account is under a temporary restriction for starting new conversations, usually related to sending volume or quality.',
				error_source: 'whatsapp_server',
				provider: 'whatsapp',
				provider_code: 463,
				error_key: 'WHATSAPP_REACHOUT_TIMELOCK',
				details: { reachout_timelock: { active: true, until: '2026-04-07T12:00:00Z' } },
			},
		},
		message: 'WhatsApp is restricting this number from messaging new contacts (463)',
		description: [
			'until 2026-04-07T12:00:00.000Z',
			'The instance is connected; do not reconnect it.',
			CHECK_CAMPAIGNS,
			'/instance/wa_messages_limits',
		],
		httpCode: '500',
		posts: 1,
	},
	{
		name: 'an empty 200',
		reply: { status: 200, raw: '' },
		message: 'uazapi answered without a campaign ID (folder_id)',
		// The description ends on an empty quote of what uazapi answered.
		description: [
			'The campaign may have been created anyway',
			/uazapi answered: \(an empty body\)$/,
		],
		httpCode: null,
		posts: 1,
	},
];

function expectTokenHidden(result: EngineRun, ...texts: unknown[]): void {
	for (const text of texts) expect(String(text ?? '')).not.toContain(TOKEN);
	expect(JSON.stringify(result.run.data)).not.toContain(TOKEN);
}

function expectDescription(description: unknown, parts: Array<string | RegExp>): void {
	for (const part of parts) {
		if (typeof part === 'string') expect(description).toContain(part);
		else expect(description).toMatch(part);
	}
}

describe('a failing campaign POST stops the node with a specific error', () => {
	it.each(FAULTS.map((fault) => [fault.name, fault] as const))('%s', async (_name, fault) => {
		if (fault.reply) server.setResponder(() => fault.reply);
		const result = await runWorkflow(
			sendWorkflow(fieldsParameters(TEMPLATES, { options: fault.options ?? {} }), contacts(2)),
			credentials(fault.refused ? closedUrl : server.url),
		);
		const error = result.error;
		expect(error).toBeDefined();
		if (typeof fault.message === 'string') expect(error?.message).toBe(fault.message);
		else expect(error?.message).toMatch(fault.message);
		expectDescription(error?.description, fault.description);
		// An answer that says the campaign was refused must not say it may have been created.
		if (!fault.description.includes(CHECK_CAMPAIGNS)) {
			expect(error?.description).not.toContain('may still have reached uazapi');
		}
		expect((error as { httpCode?: unknown } | undefined)?.httpCode ?? null).toBe(fault.httpCode);
		expect(campaignPosts()).toHaveLength(fault.posts);
		expectTokenHidden(result, error?.message, error?.description);
		// The node's output holds nothing: the whole campaign failed.
		expect(result.output(SEND_NODE)).toEqual([]);
	});
});

describe('with Continue On Fail, one campaign per item', () => {
	const items = contacts(3);
	/** The campaign of item 1 fails; items 0 and 2 are queued as usual. */
	const failItemOne = (fault: Fault) => (request: RecordedRequest) => {
		const body = request.body as { messages?: Array<{ number: string }> } | undefined;
		return body?.messages?.[0]?.number === items[1].json.phone ? fault.reply : undefined;
	};

	it.each(FAULTS.map((fault) => [fault.name, fault] as const))(
		'%s: the error becomes item 1 and the other campaigns go out',
		async (_name, fault) => {
			if (fault.reply) server.setResponder(failItemOne(fault));
			const result = await runWorkflow(
				sendWorkflow(
					fieldsParameters(TEMPLATES, { campaignMode: 'perItem', options: fault.options ?? {} }),
					items,
					{ onError: 'continueRegularOutput' },
				),
				credentials(fault.refused ? closedUrl : server.url),
			);
			expect(result.error).toBeUndefined();
			const output = result.output(SEND_NODE);
			expect(output.map((item) => item.pairedItem)).toEqual([
				{ item: 0 },
				{ item: 1 },
				{ item: 2 },
			]);
			// A refused connection fails every campaign; any other fault only item 1's.
			const failed = fault.refused ? [0, 1, 2] : [1];
			output.forEach((item, index) => {
				if (!failed.includes(index)) {
					expect(item.json).toMatchObject({ status: 'queued', messageCount: 1 });
					expect(typeof item.json.folder_id).toBe('string');
					return;
				}
				expect(item.json.folder_id).toBeUndefined();
				// Item 0's campaign was created before item 1's failed: the error names it at the end.
				const created = index === 1 && !fault.refused ? output[0].json.folder_id : undefined;
				const said = created ? `. This run already created campaign ${created}` : '';
				const error = item.json.error as string;
				expect(error.endsWith(said)).toBe(true);
				const own = error.slice(0, error.length - said.length);
				if (typeof fault.message === 'string') expect(own).toBe(fault.message);
				else expect(own).toMatch(fault.message);
				const description = item.json.description as string;
				const named = ` Already created by this run, and queued in uazapi: ${created} (item 0).`;
				const at = description.indexOf(named);
				expect(at >= 0).toBe(Boolean(created));
				expectDescription(created ? description.slice(0, at) : description, fault.description);
			});
			// Items 0 and 2 once each, plus item 1 as often as in the table above.
			expect(campaignPosts()).toHaveLength(fault.refused ? 0 : 2 + fault.posts);
			expectTokenHidden(result, JSON.stringify(output));
		},
	);
});
