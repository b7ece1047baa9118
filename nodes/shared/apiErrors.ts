import { NodeApiError, type IDataObject, type INode, type JsonObject } from 'n8n-workflow';

import { ENDPOINTS } from './contract';
import { plural } from './text';

/**
 * The words of a failed request to uazapi: a NodeApiError with uazapi's own text, what happened
 * and what to do. Input problems are worded in inputErrors.ts.
 */

/** What the wording needs of a failed request; transport.ts reads it from n8n's error. */
export interface FailedRequest {
	endpoint: string;
	itemIndex: number;
	timeoutSeconds: number;
	status?: number;
	code?: string;
	data?: unknown;
	/** Seconds a 429 asks to wait (its Retry-After header). */
	retryAfter?: number;
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

function explain(failed: FailedRequest, said: string | undefined) {
	const quote = said ? ` uazapi said: "${said}".` : '';
	// Only a campaign POST can have queued messages that a re-run would queue again, and only an
	// answer that does not say the request was refused leaves that open: a 503 says it was.
	const notSure =
		failed.endpoint === ENDPOINTS.senderAdvanced && failed.status !== 503
			? ' The request may still have reached uazapi: check the campaigns list before running the workflow again, because running it again can queue every message twice.'
			: '';
	if (
		(failed.status === 401 || (failed.status ?? 0) >= 500) &&
		/no active session|not connected|disconnected/i.test(said ?? '')
	) {
		return {
			message: "The instance's WhatsApp is not connected",
			description: `Connect it in the uazapi panel (scan the QR code with the phone), then run again.${quote}${notSure}`,
		};
	}
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
				message: `uazapi has no ${failed.endpoint} on this server`,
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
	if (failed.status === 503) {
		return {
			message: 'uazapi is unavailable (HTTP 503)',
			description: `uazapi answered that it cannot take requests now, so nothing was created. Check that the WhatsApp instance is connected, then run again later.${quote}`,
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
			message: `uazapi did not answer within ${plural(failed.timeoutSeconds, 'second')}`,
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

/** A failed request → the NodeApiError n8n shows, with uazapi's own words and what to do. */
export function apiError(
	node: INode,
	failed: FailedRequest,
	said: string | undefined,
): NodeApiError {
	const { message, description } = explain(failed, said);
	const httpCode = failed.status === undefined ? undefined : String(failed.status);
	return new NodeApiError(
		node,
		{ message, description, httpCode: httpCode ?? null, uazapiError: said ?? null } as JsonObject,
		{ message, description, httpCode, itemIndex: failed.itemIndex },
	);
}
