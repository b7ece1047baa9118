import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { CAMPAIGN_DELETED_STATUSES } from '../../shared/contract';
import { settingsError } from '../../shared/inputErrors';
import { campaignIdOf } from '../../shared/campaigns';
import { plural, describeValue } from '../../shared/text';
import { FieldProblem } from '../messages';
import type { PlannedCampaign } from './model';

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
	if (
		typeof value !== 'string' &&
		typeof value !== 'number' &&
		value !== undefined &&
		value !== null
	) {
		throw new FieldProblem(
			LABEL,
			`must be text, but it is ${describeValue(value)}`,
			'Map one value that identifies this send, e.g. {{ $json.batchId }}.',
		);
	}
	const key = String(value ?? '').trim();
	if (key === '') {
		throw new FieldProblem(
			LABEL,
			'is empty for this item',
			'Map a value every item has, e.g. {{ $json.batchId }}, or remove the option to send without the duplicate guard.',
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

const MARKER = /\[key:(.+?)(?: part (\d+)\/(\d+))?\]$/;

/** The key and part a campaign's description carries, if it ends with a marker. */
function parseMarker(info: unknown): { key: string; parts: number; marker: string } | undefined {
	if (typeof info !== 'string') return undefined;
	const match = MARKER.exec(info.trimEnd());
	if (!match) return undefined;
	return { key: match[1], parts: match[3] ? Number(match[3]) : 1, marker: match[0] };
}

/** What the instance already holds for one planned campaign's key. */
export interface KeyLookup {
	/** The campaign with the same key and part, not being deleted. */
	existing?: IDataObject;
	/** A campaign with the same key but split into another number of parts. */
	splitDifferently?: { marker: string; parts: number };
}

export function lookUpKey(
	folders: IDataObject[],
	key: string,
	marker: string,
	parts: number,
): KeyLookup {
	const lookup: KeyLookup = {};
	for (const folder of folders) {
		const found = parseMarker(folder.info);
		if (!found || found.key !== key || campaignIdOf(folder) === '') continue;
		if (CAMPAIGN_DELETED_STATUSES.includes(String(folder.status ?? '').toLowerCase())) continue;
		if (found.marker === marker) lookup.existing ??= folder;
		else if (found.parts !== parts) lookup.splitDifferently ??= found;
	}
	return lookup;
}

/**
 * Refuses a run whose split differs from an earlier one with the same key: part 2 of 3 and part 2
 * of 5 hold different recipients, so the guard could not tell which messages were already sent.
 */
export function splitConflict(
	key: string,
	earlier: { marker: string; parts: number },
	parts: number,
) {
	return new FieldProblem(
		LABEL,
		`"${key}" was used before for a campaign split into ${plural(earlier.parts, 'part')} (${earlier.marker}), but this run makes ${plural(parts, 'part')}`,
		'Keep Max Messages per Campaign as it was in that run, or check in uazapi which recipients got the campaign and send the rest with a new key.',
	);
}

/** Two campaigns of one run with the same key would make the guard skip the second. */
export function checkDistinctKeys(context: IExecuteFunctions, planned: PlannedCampaign[]): void {
	const seen = new Map<string, PlannedCampaign>();
	for (const campaign of planned) {
		if (!campaign.key) continue;
		const earlier = seen.get(campaign.key.marker);
		if (earlier) {
			throw settingsError(
				context.getNode(),
				new FieldProblem(
					'Campaign Key',
					`"${campaign.key.value}" is the key of item ${earlier.items[0]} and of item ${campaign.items[0]}; each campaign needs its own key`,
					'Map a value that differs per item in "One Campaign per Item" mode (e.g. {{ $json.batchId }}-{{ $json.id }}), or send all items as one campaign.',
				),
				campaign.items[0],
			);
		}
		seen.set(campaign.key.marker, campaign);
	}
}
