import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { CHECK_NUMBERS_BATCH, ENDPOINTS } from '../../shared/contract';
import { describeValue } from '../../shared/text';
import { uazapiRequest } from '../../shared/transport';
import {
	FieldProblem,
	isCountryCallingCode,
	normaliseRecipient,
	type NumberRules,
} from '../messages';

/**
 * List hygiene before anything is sent: opt-outs, duplicates and numbers that are not on
 * WhatsApp are left out of the campaign, and a number WhatsApp knows under another form (Brazil's
 * 9th digit) is replaced by that form. Groups and LIDs are sent as given.
 */

export type CheckNumbers = 'off' | 'leaveOut' | 'fail';

export interface RecipientOptions {
	rules: NumberRules;
	skipDuplicates: boolean;
	exclude: Set<string>;
	checkNumbers: CheckNumbers;
}

export type LeftOutReason = 'excluded' | 'duplicate' | 'not on WhatsApp' | 'empty value';

export interface LeftOut {
	item: number;
	number: string;
	reason: LeftOutReason;
	/** For an empty value: where it is, and what it is. */
	field?: string;
	problem?: string;
}

export interface Replaced {
	item: number;
	number: string;
	sentTo: string;
}

/** What recipients an item stands for, and its messages, as hygiene needs them. */
export interface Addressed {
	itemIndex: number;
	recipient: string;
	messages: IDataObject[];
}

/** The phone number of a recipient: digits, or a contact JID's digits; none for groups and LIDs. */
export function phoneOf(number: string): string | undefined {
	if (/^\d+$/.test(number)) return number;
	const jid = /^(\d+)@s\.whatsapp\.net$/.exec(number);
	return jid?.[1];
}

const COUNTRY_CODE = /^\+?(\d{1,3})$/;

/** Default Country Code: a calling code in use, a leading + tolerated; empty means none. */
export function readCountryCode(value: unknown, label: string): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const match = COUNTRY_CODE.exec(String(value).trim());
	if (!match || !isCountryCallingCode(match[1])) {
		throw new FieldProblem(
			label,
			`must be a country calling code, but it is ${describeValue(value)}`,
			'Enter e.g. 55 for Brazil, 1 for the USA and Canada, 351 for Portugal.',
		);
	}
	return match[1];
}

/** Exclude Numbers: a list, or text separated by commas, semicolons or new lines. */
export function readExcluded(value: unknown, rules: NumberRules): Set<string> {
	if (value === undefined || value === null || value === '') return new Set();
	const entries = Array.isArray(value)
		? value
		: typeof value === 'string' || typeof value === 'number'
			? String(value).split(/[,;\n\r]+/)
			: undefined;
	if (entries === undefined) {
		throw new FieldProblem(
			'Exclude Numbers',
			`must be a list of numbers or text, but it is ${describeValue(value)}`,
			"Map a list, e.g. {{ $('Opt-outs').all().map(item => item.json.phone) }}, or numbers separated by commas.",
		);
	}
	const excluded = new Set<string>();
	entries.forEach((entry, index) => {
		if (typeof entry === 'string' && entry.trim() === '') return;
		const number = normaliseRecipient(entry, `Exclude Numbers (entry ${index + 1})`, rules);
		excluded.add(phoneOf(number) ?? number);
	});
	return excluded;
}

/** Leaves out excluded recipients and, unless turned off, items whose recipient came before. */
export function screenRecipients<T extends Addressed>(
	items: T[],
	options: RecipientOptions,
): { kept: T[]; leftOut: LeftOut[] } {
	const kept: T[] = [];
	const leftOut: LeftOut[] = [];
	const seen = new Set<string>();
	for (const item of items) {
		const key = phoneOf(item.recipient) ?? item.recipient;
		if (options.exclude.has(key)) {
			leftOut.push({ item: item.itemIndex, number: item.recipient, reason: 'excluded' });
		} else if (options.skipDuplicates && seen.has(key)) {
			leftOut.push({ item: item.itemIndex, number: item.recipient, reason: 'duplicate' });
		} else {
			seen.add(key);
			kept.push(item);
		}
	}
	return { kept, leftOut };
}

/** The distinct phone numbers the items' messages go to. */
export function phonesOf(items: Addressed[]): string[] {
	const phones = new Set<string>();
	for (const item of items) {
		for (const message of item.messages) {
			const phone = phoneOf(message.number as string);
			if (phone) phones.add(phone);
		}
	}
	return [...phones];
}

/** uazapi's answer for one number: on WhatsApp or not, and the number WhatsApp knows it by. */
export interface NumberCheck {
	onWhatsApp: boolean;
	phone?: string;
}

/**
 * Asks uazapi which numbers are on WhatsApp, CHECK_NUMBERS_BATCH at a time. Numbers uazapi does
 * not answer for are not in the map, and are sent as given.
 */
export async function checkOnWhatsApp(
	context: IExecuteFunctions,
	phones: string[],
	itemIndex: number,
): Promise<Map<string, NumberCheck>> {
	const checks = new Map<string, NumberCheck>();
	for (let start = 0; start < phones.length; start += CHECK_NUMBERS_BATCH) {
		const batch = phones.slice(start, start + CHECK_NUMBERS_BATCH);
		const answer: unknown = await uazapiRequest.call(context, {
			method: 'POST',
			endpoint: ENDPOINTS.checkNumbers,
			body: { numbers: batch },
			itemIndex,
		});
		for (const entry of Array.isArray(answer) ? (answer as IDataObject[]) : []) {
			const query = phoneOf(String(entry?.query ?? '').replace(/^\+/, ''));
			if (!query || typeof entry.isInWhatsapp !== 'boolean') continue;
			const known = phoneOf(String(entry.jid ?? '').split(':')[0]);
			checks.set(query, { onWhatsApp: entry.isInWhatsapp, phone: known });
		}
	}
	return checks;
}

/**
 * Applies uazapi's answers: messages to a number not on WhatsApp are left out, numbers WhatsApp
 * knows in another form are replaced. An item left with no message is left out.
 */
export function applyChecks<T extends Addressed>(
	items: T[],
	checks: Map<string, NumberCheck>,
): { kept: T[]; leftOut: LeftOut[]; replaced: Replaced[] } {
	const kept: T[] = [];
	const leftOut: LeftOut[] = [];
	const replaced: Replaced[] = [];
	for (const item of items) {
		const reported = new Set<string>();
		const report = (number: string, entry: () => void) => {
			if (!reported.has(number)) entry();
			reported.add(number);
		};
		item.messages = item.messages.filter((message) => {
			const number = message.number as string;
			const check = checks.get(phoneOf(number) ?? '');
			if (!check) return true;
			if (!check.onWhatsApp) {
				report(number, () =>
					leftOut.push({ item: item.itemIndex, number, reason: 'not on WhatsApp' }),
				);
				return false;
			}
			if (check.phone && check.phone !== phoneOf(number)) {
				const sentTo = check.phone;
				report(number, () => replaced.push({ item: item.itemIndex, number, sentTo }));
				message.number = sentTo;
			}
			return true;
		});
		if (item.messages.length > 0) kept.push(item);
	}
	return { kept, leftOut, replaced };
}
