import { createHash, createHmac, timingSafeEqual } from 'crypto';

/**
 * uazapi signs nothing, so a delivery is trusted on two counts: the webhook URL carries a secret
 * only this trigger and uazapi know (a query parameter, so n8n's test and production URLs both
 * keep it), and the delivery carries the instance token of the trigger's credential. The secret is
 * derived from that token and the trigger's identity rather than kept in n8n's static data: every
 * n8n process can check it, also before n8n has saved the static data, or after a save from a
 * stale copy of the workflow erased it.
 */

export const SECRET_PARAMETER = 'secret';

/** The URL secret of one trigger node: unguessable without the instance token. */
export function secretFor(
	token: string,
	workflowId: string | undefined,
	webhookId: string | undefined,
): string {
	return createHmac('sha256', token)
		.update(`uazapi-trigger:${workflowId ?? ''}:${webhookId ?? ''}`)
		.digest('hex')
		.slice(0, 48);
}

/** The registered URL: n8n's webhook URL of this node with the secret. */
export function secretUrl(webhookUrl: string, secret: string): string {
	return `${webhookUrl}${webhookUrl.includes('?') ? '&' : '?'}${SECRET_PARAMETER}=${secret}`;
}

/** Compares in constant time, so the answer's timing tells nothing about the expected value. */
export function sameSecret(given: unknown, expected: string): boolean {
	if (typeof given !== 'string' || given === '' || expected === '') return false;
	const digest = (value: string) => createHash('sha256').update(value).digest();
	return timingSafeEqual(digest(given), digest(expected));
}
