import type { IDataObject } from 'n8n-workflow';

import { CAMPAIGN_DELETED_STATUSES } from '../../shared/contract';
import { folderIdOf } from '../../shared/folders';
import { describeValue } from '../messages/recipient';
import { FieldProblem } from '../messages';

/**
 * The duplicate guard. uazapi has no idempotency key, so the node writes the user's Campaign Key
 * at the end of the campaign's description (`info`), where uazapi's panel still shows it, and
 * before posting looks in /sender/listfolders for a campaign that already carries it: a re-run,
 * a retry or a run after a timeout then finds the campaign instead of queueing it twice.
 *
 * Format: "<description> [key:<key>]", and for the parts of a split campaign
 * "<description> [key:<key> part <n>/<parts>]".
 */

const LABEL = 'Campaign Key';
const MAX_KEY_LENGTH = 100;

/**
 * The Campaign Key of one campaign, from the Options collection: undefined when the option was not
 * added. Once added, every campaign needs a key, so an expression that gives nothing is refused.
 */
export function readCampaignKey(options: IDataObject): string | undefined {
	if (!('campaignKey' in options)) return undefined;
	const value = options.campaignKey;
	const key = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	if (key === '' && (value === undefined || value === null || typeof value === 'string')) {
		throw new FieldProblem(
			LABEL,
			'is empty for this item',
			'Map a value every item has, e.g. {{ $json.batchId }}, or remove the option to send without the duplicate guard.',
		);
	}
	if (typeof value !== 'string' && typeof value !== 'number') {
		throw new FieldProblem(
			LABEL,
			`must be text, but it is ${describeValue(value)}`,
			'Map one value that identifies this send, e.g. {{ $json.batchId }}.',
		);
	}
	if (key.length > MAX_KEY_LENGTH || /[[\]\r\n]/.test(key)) {
		throw new FieldProblem(
			LABEL,
			`"${key.slice(0, 40)}${key.length > 40 ? '…' : ''}" must be one line of at most ${MAX_KEY_LENGTH} characters without "[" or "]"`,
			'Use a short ID such as a CRM batch number or a date, e.g. promo-2026-11-27.',
		);
	}
	return key;
}

export function keyMarker(key: string, part?: { index: number; count: number }): string {
	return part ? `[key:${key} part ${part.index}/${part.count}]` : `[key:${key}]`;
}

/** The description with the marker at its end. */
export function markedInfo(info: string | undefined, marker: string): string {
	return info ? `${info} ${marker}` : marker;
}

/** The campaign that already carries this marker and is not being deleted, if any. */
export function campaignWithMarker(
	folders: IDataObject[],
	marker: string,
): IDataObject | undefined {
	return folders.find(
		(folder) =>
			typeof folder.info === 'string' &&
			folder.info.trimEnd().endsWith(marker) &&
			folderIdOf(folder) !== '' &&
			!CAMPAIGN_DELETED_STATUSES.includes(String(folder.status ?? '').toLowerCase()),
	);
}
