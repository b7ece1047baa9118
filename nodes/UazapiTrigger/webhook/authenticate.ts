import { createHash, randomBytes, timingSafeEqual } from 'crypto';

/**
 * uazapi signs nothing, so a delivery is trusted on two counts: the webhook URL carries a random
 * secret only this trigger and uazapi know (a query parameter, so n8n's test and production URLs
 * both keep it), and the delivery carries the instance token of the trigger's credential.
 */

export const SECRET_PARAMETER = 'secret';

export function newSecret(): string {
	return randomBytes(24).toString('hex');
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
