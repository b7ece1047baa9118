import {
	NodeApiError,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestMethods,
	type JsonObject,
} from 'n8n-workflow';

import { CREDENTIAL_TYPE } from './contract';
import { plural } from './text';

/**
 * The only place this package talks HTTP. Requests go through n8n's helper with the uazapi
 * credential (which adds the `token` header); failures become NodeApiErrors built from a clean
 * object, so the request configuration, and with it the token, never reaches an error or a log.
 */

export interface UazapiRequest {
	method: IHttpRequestMethods;
	endpoint: string;
	body?: IDataObject;
	qs?: IDataObject;
	itemIndex: number;
	timeoutSeconds: number;
}

interface UazapiCredentials {
	serverUrl: string;
	token: string;
}

/**
 * The server's origin, whatever the user pasted: surrounding spaces, a missing scheme, a trailing
 * slash or a path such as /docs or /instance/status are all dropped. The credential test applies
 * the same rules in its baseURL expression.
 */
export function serverOrigin(serverUrl: string): string {
	const trimmed = serverUrl.trim();
	const withScheme = /^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
	return withScheme.replace(/^(https?:\/\/[^/?#]+).*$/i, '$1');
}

export async function uazapiRequest<T = IDataObject>(
	this: IExecuteFunctions,
	request: UazapiRequest,
): Promise<T> {
	const credentials = await this.getCredentials<UazapiCredentials>(
		CREDENTIAL_TYPE,
		request.itemIndex,
	);
	let answer: unknown;
	try {
		answer = await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, {
			method: request.method,
			baseURL: serverOrigin(credentials.serverUrl),
			url: request.endpoint,
			body: request.body,
			qs: request.qs,
			json: true,
			timeout: request.timeoutSeconds * 1000,
		});
	} catch (error) {
		throw toUazapiError(this, error as JsonObject, request, credentials.token);
	}
	return withoutSecret(answer, credentials.token) as T;
}

/**
 * An answer with every occurrence of the token masked: a server that echoes the request back
 * must not put the token into output items, errors or logs.
 */
function withoutSecret(value: unknown, secret: string): unknown {
	if (!secret || value === undefined) return value;
	const text = JSON.stringify(value);
	const inJson = JSON.stringify(secret).slice(1, -1);
	if (!text.includes(inJson)) return value;
	return JSON.parse(text.split(inJson).join('***')) as unknown;
}

interface FailedRequest {
	status?: number;
	code?: string;
	data?: unknown;
	/** Seconds a 429 asks to wait (its Retry-After header). */
	retryAfter?: number;
}

/** Status, network code, body and Retry-After of a failed request, from n8n's error or axios'. */
function failedRequest(error: JsonObject): FailedRequest {
	const cause = (error.cause ?? error) as {
		code?: string;
		response?: { status?: number; data?: unknown; headers?: Record<string, unknown> };
	};
	const httpCode = Number(error.httpCode);
	return {
		status:
			cause.response?.status ?? (Number.isInteger(httpCode) && httpCode > 0 ? httpCode : undefined),
		code: cause.code,
		data: cause.response?.data,
		retryAfter: retryAfterSeconds(cause.response?.headers?.['retry-after']),
	};
}

/** A Retry-After header, in seconds from now: it holds either seconds or an HTTP date. */
function retryAfterSeconds(header: unknown): number | undefined {
	if (typeof header !== 'string' && typeof header !== 'number') return undefined;
	const text = String(header).trim();
	const seconds = /^\d+$/.test(text)
		? Number(text)
		: Math.ceil((Date.parse(text) - Date.now()) / 1000);
	return Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}

/** When WhatsApp's reach-out restriction ends, if uazapi's 463 answer says so. */
function reachOutUntil(data: unknown): string | undefined {
	const until = ((data as IDataObject | undefined)?.details as IDataObject | undefined)
		?.reachout_timelock as IDataObject | undefined;
	const value = until?.until;
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const time = new Date(typeof value === 'number' && value < 1e12 ? value * 1000 : value);
	return Number.isNaN(time.getTime()) ? undefined : time.toISOString();
}

/** uazapi answers errors as {"error": "..."}; some endpoints use "message" or a bare string. */
function uazapiText(data: unknown): string | undefined {
	if (typeof data === 'string') return data.trim().slice(0, 500) || undefined;
	if (typeof data !== 'object' || data === null) return undefined;
	const body = data as IDataObject;
	for (const key of ['error', 'message']) {
		if (typeof body[key] === 'string' && body[key] !== '') return body[key] as string;
	}
	return undefined;
}

function explain(failed: FailedRequest, request: UazapiRequest, said: string | undefined) {
	const quote = said ? ` uazapi said: "${said}".` : '';
	const notSure =
		request.method === 'POST'
			? ' The request may still have reached uazapi: check the campaigns list before running the workflow again, because running it again can queue every message twice.'
			: '';
	switch (failed.status) {
		case 400:
			return {
				message: `uazapi rejected the request: ${said ?? 'bad request'}`,
				description: `Fix the value uazapi names and run again.${quote}`,
			};
		case 401:
			return {
				message: 'uazapi refused the instance token',
				description: `Check the uazapi Sender credential: paste the instance token again from the uazapi panel and make sure the server URL is your own (e.g. https://SUBDOMAIN.uazapi.com).${quote}`,
			};
		case 403:
			return {
				message: 'uazapi denied access to this instance',
				description: `Check that the token belongs to this server's instance.${quote}`,
			};
		case 404:
			return {
				message: `uazapi has no ${request.endpoint} on this server`,
				description: `Check the server URL in the credential: it should be your uazapi server, e.g. https://SUBDOMAIN.uazapi.com.${quote}`,
			};
		case 413:
			return {
				message: 'uazapi refused the request as too large',
				description: `Send fewer messages per campaign or smaller media (use URLs instead of base64).${quote}`,
			};
		case 429:
			return failed.retryAfter
				? {
						message: `uazapi is rate-limiting this instance and asks to wait ${plural(failed.retryAfter, 'second')}`,
						description: `Run the workflow again after ${plural(failed.retryAfter, 'second')} (uazapi's Retry-After).${quote}`,
					}
				: {
						message: 'uazapi is rate-limiting this instance',
						description: `Wait a few minutes before sending again.${quote}`,
					};
	}
	if (failed.status === 463 || (failed.data as IDataObject | undefined)?.provider_code === 463) {
		const until = reachOutUntil(failed.data);
		return {
			message: 'WhatsApp is restricting this number from messaging new contacts (463)',
			description: `WhatsApp limits how many people a number may message first, and this number is over that limit${until ? ` until ${until}` : ' for now'}. The instance is connected; do not reconnect it. Wait until the restriction ends, then send again more slowly (longer delays, smaller campaigns), preferably to contacts who have messaged this number before. uazapi shows the limits at /instance/wa_messages_limits.${quote}${notSure}`,
		};
	}
	if (failed.status !== undefined && failed.status >= 500) {
		return {
			message: `uazapi failed to process the request (HTTP ${failed.status})`,
			description: `The uazapi server had a problem; check that the WhatsApp instance is connected.${quote}${notSure}`,
		};
	}
	if (failed.code === 'ECONNABORTED' || failed.code === 'ETIMEDOUT') {
		return {
			message: `uazapi did not answer within ${plural(request.timeoutSeconds, 'second')}`,
			description: `Raise the Timeout option or try later.${notSure}`,
		};
	}
	if (
		failed.code === 'ECONNREFUSED' ||
		failed.code === 'ENOTFOUND' ||
		failed.code === 'EAI_AGAIN'
	) {
		return {
			message: 'Could not reach the uazapi server',
			description: `Check the server URL in the uazapi Sender credential (e.g. https://SUBDOMAIN.uazapi.com). Network error: ${failed.code}.`,
		};
	}
	return {
		message: `The request to uazapi failed${failed.status ? ` (HTTP ${failed.status})` : ''}`,
		description: `${failed.code ? `Network error: ${failed.code}.` : ''}${quote}${notSure}`.trim(),
	};
}

function toUazapiError(
	context: IExecuteFunctions,
	error: JsonObject,
	request: UazapiRequest,
	token: string,
): NodeApiError {
	const failed = failedRequest(error);
	const said = uazapiText(withoutSecret(failed.data, token));
	const { message, description } = explain(failed, request, said);
	const httpCode = failed.status === undefined ? undefined : String(failed.status);
	return new NodeApiError(
		context.getNode(),
		{ message, description, httpCode: httpCode ?? null, uazapiError: said ?? null } as JsonObject,
		{ message, description, httpCode, itemIndex: request.itemIndex },
	);
}
