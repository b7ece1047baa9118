import {
	NodeApiError,
	type IDataObject,
	type IExecuteFunctions,
	type IHookFunctions,
	type IHttpRequestMethods,
	type ILoadOptionsFunctions,
	type JsonObject,
} from 'n8n-workflow';

import { CREDENTIAL_TYPE, DEFAULT_TIMEOUT_SECONDS } from './contract';
import { apiError, type FailedRequest } from './apiErrors';
import { withoutSecret } from './secrets';

/**
 * The only place this package talks HTTP. Requests go through n8n's helper with the uazapi
 * credential (which adds the `token` header); failures become NodeApiErrors built from a clean
 * object, so the request configuration, and with it the token, never reaches an error or a log.
 */

/**
 * A node run, a trigger's webhook registration or a list the editor loads (the last two have no
 * input items: itemIndex 0).
 */
export type UazapiContext = IExecuteFunctions | IHookFunctions | ILoadOptionsFunctions;

export interface UazapiRequest {
	method: IHttpRequestMethods;
	endpoint: string;
	body?: IDataObject;
	qs?: IDataObject;
	itemIndex: number;
	/** How long to wait for the answer; DEFAULT_TIMEOUT_SECONDS unless a caller needs its own. */
	timeoutSeconds?: number;
}

/** A request as sent: its timeout is settled. */
export type SentRequest = UazapiRequest & { timeoutSeconds: number };

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
	this: UazapiContext,
	asked: UazapiRequest,
): Promise<T> {
	const request: SentRequest = {
		...asked,
		timeoutSeconds: asked.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS,
	};
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

/** Status, network code, body and Retry-After of a failed request, from n8n's error or axios'. */
function failedRequest(error: JsonObject, request: SentRequest): FailedRequest {
	const cause = (error.cause ?? error) as {
		code?: string;
		response?: { status?: number; data?: unknown; headers?: Record<string, unknown> };
	};
	const httpCode = Number(error.httpCode);
	const { endpoint, itemIndex, timeoutSeconds } = request;
	return {
		endpoint,
		itemIndex,
		timeoutSeconds,
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

function toUazapiError(
	context: UazapiContext,
	error: JsonObject,
	request: SentRequest,
	token: string,
): NodeApiError {
	const failed = failedRequest(error, request);
	return apiError(context.getNode(), failed, uazapiText(withoutSecret(failed.data, token)));
}
