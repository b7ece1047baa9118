import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
} from 'n8n-workflow';

import { CHECK_NUMBERS_BATCH, ENDPOINTS } from '../../shared/contract';
import { asNodeError, InputProblems, inputError } from '../../shared/inputErrors';
import { uazapiRequest } from '../../shared/transport';
import { phoneOf } from '../../shared/whatsappIds';
import { FieldProblem } from '../messages';
import type { CollectedCampaign, LeftOut, Replaced } from './model';
import { bytesOf } from './readItem';
import type { Addressed } from './screenRecipients';

/**
 * The WhatsApp check (Options → Check Numbers on WhatsApp), the screening that needs uazapi: the
 * numbers of every campaign that wants it are asked about once, in batches, before anything is
 * sent; numbers not on WhatsApp are then left out (or, with "Fail the Run", named), and numbers
 * WhatsApp knows in another form (Brazil's 9th digit) are replaced by that form.
 */

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
			const query = phoneOf(entry?.query);
			if (!query || typeof entry.isInWhatsapp !== 'boolean') continue;
			const known = phoneOf(entry.jid) ?? undefined;
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

/**
 * Applies uazapi's WhatsApp check to a collected campaign: numbers not on WhatsApp are left out;
 * with "fail" nothing is applied and each such number comes back as a problem naming its item.
 */
export function applyNumberChecks(
	context: IExecuteFunctions,
	campaign: CollectedCampaign,
	checks: Map<string, NumberCheck>,
): NodeOperationError[] {
	const { kept, leftOut, replaced } = applyChecks(campaign.items, checks);
	if (campaign.recipients.checkNumbers === 'fail' && leftOut.length > 0) {
		return leftOut.map(({ item, number }) => {
			const recipient = campaign.items.find((entry) => entry.itemIndex === item)?.recipient;
			return inputError(
				context.getNode(),
				new FieldProblem(
					number === recipient ? 'Recipient' : 'Recipient Override',
					`"${number}" is not on WhatsApp`,
					'Correct or remove the number, or set Check Numbers on WhatsApp to "Leave Them Out".',
				),
				{ itemIndex: item },
			);
		});
	}
	for (const item of kept) {
		// Dropped messages take their files with them; replaced numbers change the size.
		item.binaries = item.binaries.filter((binary) => item.messages.includes(binary.message!));
		item.bytes = bytesOf(item.messages, item.binaries);
	}
	campaign.items = kept;
	campaign.leftOut.push(...leftOut);
	campaign.replaced.push(...replaced);
	return [];
}

/**
 * Asks uazapi once, in batches, which of the numbers of every campaign that wants it are on
 * WhatsApp, before anything is sent; then leaves out or replaces numbers campaign by campaign.
 */
export async function checkNumbers(
	context: IExecuteFunctions,
	collected: CollectedCampaign[],
	fail: (error: unknown, items: number[]) => NodeOperationError | NodeApiError | undefined,
): Promise<CollectedCampaign[]> {
	const checked = collected.filter((campaign) => campaign.recipients.checkNumbers !== 'off');
	if (checked.length === 0) return collected;
	const phones = [...new Set(checked.flatMap((campaign) => phonesOf(campaign.items)))];
	let checks: Map<string, NumberCheck>;
	try {
		checks = await checkOnWhatsApp(context, phones, checked[0].group[0]);
	} catch (error) {
		const failure = asNodeError(context.getNode(), error, { itemIndex: checked[0].group[0] });
		failure.description =
			`Nothing was sent: the numbers could not be checked on WhatsApp. ${failure.description ?? ''}`.trim();
		throw failure;
	}
	const failed = new Set<CollectedCampaign>();
	// Every number not on WhatsApp is named: in one error for the run, or with Continue On Fail in
	// one error item per campaign.
	const problems = new InputProblems();
	for (const campaign of checked) {
		const refused = applyNumberChecks(context, campaign, checks);
		if (refused.length === 0) continue;
		failed.add(campaign);
		const reported = context.continueOnFail() ? new InputProblems() : problems;
		for (const problem of refused) reported.add(problem);
		if (reported !== problems) fail(reported.error(context.getNode()), campaign.group);
	}
	const problem = problems.error(context.getNode());
	if (problem) throw problem;
	return collected.filter((campaign) => !failed.has(campaign));
}
