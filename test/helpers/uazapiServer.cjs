// A stand-in for a uazapi server on 127.0.0.1 that records every request. Plain CommonJS because
// it needs Node's own APIs, which n8n's lint rules forbid in TypeScript test files.
const http = require('node:http');

const TOKEN_ERROR = { status: 401, body: { error: 'Invalid token' } };

function defaultReply(request, token) {
	if (request.headers.token !== token) return TOKEN_ERROR;
	if (request.method === 'GET' && request.path === '/instance/status') {
		return {
			status: 200,
			body: { instance: { status: 'connected' }, status: { connected: true, loggedIn: true } },
		};
	}
	if (request.method === 'POST' && request.path === '/sender/advanced') {
		const messages = request.body && request.body.messages;
		if (!Array.isArray(messages) || messages.length === 0) {
			return { status: 400, body: { error: 'messages is required' } };
		}
		const folderId = 'r' + (0x10000000000000 + request.sequence).toString(16).slice(-14);
		return { status: 200, body: { folder_id: folderId, count: messages.length, status: 'queued' } };
	}
	return { status: 404, body: { error: 'not found' } };
}

/**
 * Starts the server. `respond(request)` may return {status, body, delayMs, raw} to answer a
 * request differently; returning undefined falls back to the default behaviour.
 */
async function startUazapiServer(options = {}) {
	const token = options.token || 'test-token';
	let respond = options.respond;
	const requests = [];
	const server = http.createServer((req, res) => {
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
				sequence: requests.length,
			};
			requests.push(request);
			const reply = (respond && respond(request)) || defaultReply(request, token);
			const send = () => {
				if (res.destroyed) return;
				res.writeHead(reply.status, { 'content-type': reply.contentType || 'application/json' });
				res.end(reply.raw !== undefined ? reply.raw : JSON.stringify(reply.body));
			};
			if (reply.delayMs) setTimeout(send, reply.delayMs).unref();
			else send();
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address();
	return {
		url: `http://127.0.0.1:${port}`,
		token,
		requests,
		setResponder(next) {
			respond = next;
		},
		close() {
			return new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			});
		},
	};
}

module.exports = { startUazapiServer };
