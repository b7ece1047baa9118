// A local imitation of a uazapi server on 127.0.0.1 that records every request and keeps the
// campaigns it is sent, so tests can create, list, page, pause and wait for them. Plain CommonJS
// because it needs Node's own APIs, which n8n's lint rules forbid in TypeScript test files.
const http = require('node:http');

const FOLDER_FIELDS = [
	'id',
	'info',
	'status',
	'scheduled_for',
	'delayMin',
	'delayMax',
	'log_total',
	'log_sucess',
	'log_failed',
	'log_delivered',
	'log_read',
	'log_played',
	'owner',
	'created',
	'updated',
];

function createState() {
	return {
		folders: [],
		nextId: 1,
		instanceStatus: 'connected',
		// /chat/check: numbers WhatsApp does not know, and numbers it knows in another form.
		notOnWhatsApp: new Set(),
		knownAs: new Map(),
		// The instance's webhooks, as GET /webhook lists them.
		webhooks: [],
		nextWebhookId: 1,
	};
}

/** A webhook as uazapi keeps it: every field of the OpenAPI's Webhook schema, with its defaults. */
function webhookFrom(body, id) {
	return {
		id,
		enabled: body.enabled === true,
		url: body.url,
		events: Array.isArray(body.events) ? body.events : [],
		excludeMessages: Array.isArray(body.excludeMessages) ? body.excludeMessages : [],
		addUrlEvents: body.addUrlEvents === true,
		addUrlTypesMessages: body.addUrlTypesMessages === true,
	};
}

/**
 * POST /webhook as the OpenAPI describes it: without an action ("simple mode") the instance's
 * first webhook is created or overwritten; `add` creates one more with a new id; `update`
 * replaces every field of the webhook with that id; `delete` removes it. Answers with the list.
 */
function changeWebhooks(state, body) {
	const { webhooks } = state;
	const index = webhooks.findIndex((webhook) => webhook.id === body.id);
	switch (body.action) {
		case undefined: {
			if (!body.url) return { status: 400, body: { error: 'url is required' } };
			const id = webhooks[0]?.id ?? `wh_${String(state.nextWebhookId++).padStart(10, '0')}`;
			webhooks.splice(0, 1, webhookFrom(body, id));
			break;
		}
		case 'add':
			if (!body.url) return { status: 400, body: { error: 'url is required' } };
			webhooks.push(webhookFrom(body, `wh_${String(state.nextWebhookId++).padStart(10, '0')}`));
			break;
		case 'update':
			if (index === -1) return { status: 400, body: { error: 'Webhook not found' } };
			webhooks[index] = webhookFrom(body, body.id);
			break;
		case 'delete':
			if (index === -1) return { status: 400, body: { error: 'Webhook not found' } };
			webhooks.splice(index, 1);
			break;
		default:
			return { status: 400, body: { error: 'Invalid action' } };
	}
	return { status: 200, body: webhooks };
}

function folderView(folder) {
	const view = {};
	for (const key of FOLDER_FIELDS) view[key] = folder[key];
	return view;
}

function createFolder(state, body) {
	const now = new Date().toISOString();
	const id = 'r' + (0x10000000000000 + state.nextId++).toString(16).slice(-14);
	const folder = {
		id,
		info: body.info || '',
		status: 'scheduled',
		scheduled_for: body.scheduled_for === undefined ? Date.now() : body.scheduled_for,
		// uazapi reports the delays it was given in seconds back in milliseconds.
		delayMin: (body.delayMin || 0) * 1000,
		delayMax: (body.delayMax || 0) * 1000,
		log_total: body.messages.length,
		log_sucess: 0,
		log_failed: 0,
		log_delivered: 0,
		log_read: 0,
		log_played: 0,
		owner: '5511999999999',
		created: now,
		updated: now,
		messages: body.messages.map((message, index) => ({
			id: `5511999999999:${id}${String(index).padStart(6, '0')}`,
			messageid: `${id}${String(index).padStart(6, '0')}`,
			chatid: `${message.number}@s.whatsapp.net`,
			status: 'Scheduled',
			messageType: message.type,
			text: message.text || '',
			send_folder_id: id,
		})),
	};
	state.folders.unshift(folder);
	return folder;
}

/** Marks the next `count` scheduled messages of a folder as sent (or failed) and updates counters. */
function progress(folder, count, outcome = 'Sent') {
	for (const message of folder.messages) {
		if (count === 0) break;
		if (message.status !== 'Scheduled') continue;
		message.status = outcome;
		if (outcome === 'Sent') folder.log_sucess++;
		else folder.log_failed++;
		count--;
	}
	const pending = folder.messages.some((message) => message.status === 'Scheduled');
	folder.status = pending ? 'sending' : 'done';
	folder.updated = new Date().toISOString();
}

function defaultReply(request, server) {
	const { state, token } = server;
	if (request.headers.token !== token) return { status: 401, body: { error: 'Invalid token' } };
	const url = new URL(request.path, 'http://imitation');
	const route = `${request.method} ${url.pathname}`;
	const body = request.body || {};
	switch (route) {
		case 'GET /instance/status': {
			const connected = state.instanceStatus === 'connected';
			return {
				status: 200,
				body: {
					instance: { status: state.instanceStatus },
					status: { connected, loggedIn: connected },
				},
			};
		}
		case 'POST /chat/check': {
			if (state.instanceStatus !== 'connected')
				return { status: 401, body: { error: 'No active session' } };
			if (!Array.isArray(body.numbers) || body.numbers.length === 0)
				return { status: 400, body: { error: 'Missing numbers in payload' } };
			return {
				status: 200,
				body: body.numbers.map((query) => {
					const digits = String(query).replace(/\D/g, '');
					const isInWhatsapp = !state.notOnWhatsApp.has(digits);
					const known = state.knownAs.get(digits) ?? digits;
					return {
						query,
						jid: isInWhatsapp ? `${known}@s.whatsapp.net` : '',
						lid: '',
						isInWhatsapp,
						verifiedName: '',
						groupName: '',
						error: '',
					};
				}),
			};
		}
		case 'POST /sender/advanced': {
			if (!Array.isArray(body.messages) || body.messages.length === 0) {
				return { status: 400, body: { error: 'messages is required' } };
			}
			const folder = createFolder(state, body);
			return {
				status: 200,
				body: { folder_id: folder.id, count: body.messages.length, status: 'queued' },
			};
		}
		case 'GET /sender/listfolders':
			if (server.beforeListFolders) server.beforeListFolders(state);
			return { status: 200, body: state.folders.map(folderView) };
		case 'POST /sender/listmessages': {
			if (!body.folder_id) return { status: 400, body: { error: 'folder_id is required' } };
			const folder = state.folders.find((candidate) => candidate.id === body.folder_id);
			if (!folder) return { status: 400, body: { error: 'folder not found' } };
			const wanted = folder.messages.filter(
				(message) => !body.messageStatus || message.status === body.messageStatus,
			);
			const limit = Math.min(body.limit || 1000, 1000);
			const offset = body.offset || 0;
			return {
				status: 200,
				body: {
					messages: wanted.slice(offset, offset + limit),
					pagination: { totalRecords: wanted.length, limit, offset },
				},
			};
		}
		case 'POST /sender/edit': {
			if (!body.folder_id) return { status: 400, body: { error: 'folder_id is required' } };
			const index = state.folders.findIndex((candidate) => candidate.id === body.folder_id);
			if (index === -1) return { status: 400, body: { error: 'folder not found' } };
			const folder = state.folders[index];
			if (body.action === 'stop') {
				folder.status = 'paused';
				return { status: 200, body: { status: 'paused' } };
			}
			if (body.action === 'continue') {
				if (folder.status === 'done')
					return { status: 400, body: { error: 'cannot continue a finished campaign' } };
				folder.status = 'scheduled';
				return {
					status: 200,
					body: { status: 'scheduled', message: 'Folder resumed successfully' },
				};
			}
			if (body.action === 'delete') {
				state.folders.splice(index, 1);
				return {
					status: 200,
					body: { status: 'deleting', message: 'Folder deletion has been initiated' },
				};
			}
			return { status: 400, body: { error: 'invalid action' } };
		}
		case 'GET /webhook':
			return { status: 200, body: state.webhooks };
		case 'POST /webhook':
			return changeWebhooks(state, body);
		case 'POST /sender/cleardone':
			return { status: 200, body: { status: 'cleanup started' } };
		case 'DELETE /sender/clearall': {
			const messagesDeleted = state.folders.reduce(
				(sum, folder) => sum + folder.messages.length,
				0,
			);
			const foldersDeleted = state.folders.length;
			state.folders.length = 0;
			return {
				status: 200,
				body: {
					status: 'processed',
					messages_deleted: messagesDeleted,
					folders_deleted: foldersDeleted,
				},
			};
		}
		default:
			return { status: 404, body: { error: 'not found' } };
	}
}

/**
 * Starts the imitation. `respond(request)` may return {status, body, raw, contentType, headers,
 * delayMs} to answer a request differently; returning undefined falls back to the imitation.
 */
async function startUazapiServer(options = {}) {
	const server = {
		token: options.token || 'test-token',
		state: createState(),
		requests: [],
		respond: options.respond,
		beforeListFolders: undefined,
	};
	const httpServer = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => {
			const raw = Buffer.concat(chunks).toString('utf8');
			let body;
			try {
				body = raw === '' ? undefined : JSON.parse(raw);
			} catch {
				body = raw;
			}
			const request = {
				method: req.method,
				path: req.url,
				headers: req.headers,
				body,
				sequence: server.requests.length,
				at: performance.now(),
			};
			server.requests.push(request);
			// A responder's reply without a status only delays the imitation's own answer (which
			// has already happened: a campaign is created even if the client has stopped waiting).
			const custom = server.respond && server.respond(request);
			const reply =
				custom && custom.status !== undefined
					? custom
					: { ...defaultReply(request, server), ...custom };
			const send = () => {
				if (res.destroyed) return;
				res.writeHead(reply.status, {
					'content-type': reply.contentType || 'application/json',
					...reply.headers,
				});
				res.end(reply.raw !== undefined ? reply.raw : JSON.stringify(reply.body));
			};
			if (reply.delayMs) setTimeout(send, reply.delayMs).unref();
			else send();
		});
	});
	await new Promise((resolve) => httpServer.listen(options.port || 0, '127.0.0.1', resolve));
	const { port } = httpServer.address();
	return {
		url: `http://127.0.0.1:${port}`,
		token: server.token,
		requests: server.requests,
		state: server.state,
		progress,
		setResponder(next) {
			server.respond = next;
		},
		/** 'connected', 'connecting' or 'disconnected', as GET /instance/status reports it. */
		setInstanceStatus(status) {
			server.state.instanceStatus = status;
		},
		setBeforeListFolders(hook) {
			server.beforeListFolders = hook;
		},
		reset() {
			server.requests.length = 0;
			server.state.folders.length = 0;
			server.state.instanceStatus = 'connected';
			server.state.notOnWhatsApp.clear();
			server.state.knownAs.clear();
			server.state.webhooks.length = 0;
			server.respond = undefined;
			server.beforeListFolders = undefined;
		},
		close() {
			return new Promise((resolve) => {
				httpServer.closeAllConnections();
				httpServer.close(() => resolve());
			});
		},
	};
}

module.exports = { startUazapiServer };
