import type { IDataObject } from 'n8n-workflow';

import { describeValue } from '../../shared/text';
import { phoneOf } from '../../shared/whatsappIds';
import {
	FieldProblem,
	isCountryCallingCode,
	normaliseRecipient,
	type NumberRules,
} from '../messages';
import type { LeftOut, RecipientOptions } from './model';

/**
 * List hygiene before anything is sent: opt-outs, duplicates and numbers that are not on
 * WhatsApp are left out of the campaign, and a number WhatsApp knows under another form (Brazil's
 * 9th digit) is replaced by that form. Groups and LIDs are sent as given.
 */

/** What recipients an item stands for, and its messages, as hygiene needs them. */
export interface Addressed {
	itemIndex: number;
	recipient: string;
	messages: IDataObject[];
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
