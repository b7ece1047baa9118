import type { IDataObject } from 'n8n-workflow';

import { MAX_SCHEDULE_MINUTES, MAX_TIMESTAMP_MS, NOW_WINDOW_MS } from '../../shared/contract';
import { plural, describeValue } from '../../shared/text';
import { FieldProblem } from '../messages';
import { wallClock } from '../../shared/time';
import type { CampaignFields } from './model';

export type ScheduleMode = 'now' | 'at' | 'inMinutes';

/** The node's campaign parameters as n8n hands them over (expressions already resolved). */
export interface CampaignParameters {
	delayMin: unknown;
	delayMax: unknown;
	info: unknown;
	schedule: ScheduleMode;
	scheduledAt?: unknown;
	scheduleInMinutes?: unknown;
}

function wholeSeconds(value: unknown, label: string): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isInteger(number) || number < 0) {
		throw new FieldProblem(
			label,
			`must be a whole number of seconds (0 or more), but it is ${describeValue(value)}`,
			'Enter seconds as a whole number, e.g. 10.',
		);
	}
	return number;
}

/** Offset of a time zone from UTC at a given instant, in milliseconds. */
function zoneOffset(epochMs: number, timeZone: string): number {
	const clock = wallClock(epochMs, timeZone);
	const wall = Date.UTC(
		Number(clock.year),
		Number(clock.month) - 1,
		Number(clock.day),
		Number(clock.hour),
		Number(clock.minute),
		Number(clock.second),
	);
	return wall - Math.floor(epochMs / 1000) * 1000;
}

const LOCAL_DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?$/;

/**
 * A date-time parameter → unix milliseconds. The date picker gives wall-clock time without an
 * offset, meant in the workflow's time zone; expressions may give ISO text with an offset, a
 * luxon DateTime, a JS Date or milliseconds.
 */
export function toEpochMs(value: unknown, timeZone: string): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (value instanceof Date) return value.getTime();
	if (
		typeof value === 'object' &&
		value !== null &&
		typeof (value as { toMillis?: unknown }).toMillis === 'function'
	) {
		return (value as { toMillis(): number }).toMillis();
	}
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	const local = LOCAL_DATE_TIME.exec(text);
	if (!local) {
		const parsed = Date.parse(text);
		return Number.isNaN(parsed) ? undefined : parsed;
	}
	const [, y, mo, d, h = '0', mi = '0', s = '0', ms = '0'] = local;
	const asUtc = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, +ms.padEnd(3, '0'));
	const firstGuess = asUtc - zoneOffset(asUtc, timeZone);
	// A second pass lands on the right side of a daylight-saving change.
	return asUtc - zoneOffset(firstGuess, timeZone);
}

function scheduledFor(
	parameters: CampaignParameters,
	now: number,
	timeZone: string,
): number | undefined {
	if (parameters.schedule === 'inMinutes') {
		const label = 'Minutes From Now';
		const raw = parameters.scheduleInMinutes;
		const minutes = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
		if (
			typeof minutes !== 'number' ||
			!Number.isInteger(minutes) ||
			minutes < 1 ||
			minutes > MAX_SCHEDULE_MINUTES
		) {
			throw new FieldProblem(
				label,
				`must be a whole number from 1 to ${MAX_SCHEDULE_MINUTES} (30 days), but it is ${describeValue(raw)}`,
				'Enter the delay in minutes, or use "At a Date and Time" for later dates.',
			);
		}
		return minutes;
	}
	if (parameters.schedule === 'at') {
		const label = 'Send At';
		const at = toEpochMs(parameters.scheduledAt, timeZone);
		if (at === undefined) {
			throw new FieldProblem(
				label,
				`is not a date and time: ${describeValue(parameters.scheduledAt)}`,
				'Pick a date and time, or map an ISO date such as 2026-12-01T09:00:00-03:00.',
			);
		}
		if (at < now - NOW_WINDOW_MS) {
			const minutesAgo = Math.max(1, Math.round((now - at) / 60_000));
			throw new FieldProblem(
				label,
				`is ${plural(minutesAgo, 'minute')} in the past (${new Date(at).toISOString()})`,
				'Choose a future date and time, or set Schedule to "Immediately".',
			);
		}
		if (at > MAX_TIMESTAMP_MS) {
			throw new FieldProblem(
				label,
				`is ${describeValue(parameters.scheduledAt)}, which is not a date in milliseconds (too many digits)`,
				'Give a date and time, or a 13-digit unix timestamp in milliseconds.',
			);
		}
		return scheduledAt(at, now);
	}
	return undefined;
}

/**
 * What `scheduled_for` carries for a date-time that has been checked: nothing when it falls within
 * a minute of `now` (uazapi starts at once), else the timestamp. Applied again just before posting,
 * so a time that has come while earlier campaigns were posted is sent as "immediately".
 */
export function scheduledAt(at: number, now: number): number | undefined {
	return at < now + NOW_WINDOW_MS ? undefined : at;
}

/** Reads and checks the campaign settings; `now` and the time zone come from the caller. */
export function campaignFields(
	parameters: CampaignParameters,
	now: number,
	timeZone: string,
): CampaignFields {
	const delayMin = wholeSeconds(parameters.delayMin, 'Delay Min (Seconds)');
	const delayMax = wholeSeconds(parameters.delayMax, 'Delay Max (Seconds)');
	if (delayMin > delayMax) {
		throw new FieldProblem(
			'Delay Min (Seconds)',
			`(${delayMin}) is greater than Delay Max (${delayMax})`,
			'Make Delay Min smaller than or equal to Delay Max, e.g. 10 and 30.',
		);
	}
	const fields: CampaignFields = { delayMin, delayMax };
	const info = typeof parameters.info === 'string' ? parameters.info.trim() : parameters.info;
	if (info !== undefined && info !== null && info !== '') {
		if (typeof info !== 'string' && typeof info !== 'number') {
			throw new FieldProblem(
				'Description',
				`must be text, but it is ${describeValue(info)}`,
				'Enter a short description of the campaign.',
			);
		}
		fields.info = String(info);
	}
	const scheduled = scheduledFor(parameters, now, timeZone);
	if (scheduled !== undefined) fields.scheduled_for = scheduled;
	return fields;
}

/**
 * Campaign fields a whole /sender/advanced body gave in JSON mode. A `scheduled_for` is held to
 * the same rules as the node's own schedule, so seconds or a stale timestamp are never sent.
 */
export function jsonCampaignFields(body: IDataObject, now: number): Partial<CampaignFields> {
	const fields: Partial<CampaignFields> = {};
	if (body.delayMin !== undefined) fields.delayMin = wholeSeconds(body.delayMin, '"delayMin"');
	if (body.delayMax !== undefined) fields.delayMax = wholeSeconds(body.delayMax, '"delayMax"');
	if (body.info !== undefined) {
		if (typeof body.info !== 'string') {
			throw new FieldProblem(
				'"info"',
				`must be text, but it is ${describeValue(body.info)}`,
				'Write the description as a JSON string.',
			);
		}
		fields.info = body.info;
	}
	const scheduled = body.scheduled_for;
	if (scheduled !== undefined) {
		const isMinutes =
			typeof scheduled === 'number' &&
			Number.isInteger(scheduled) &&
			scheduled >= 1 &&
			scheduled <= MAX_SCHEDULE_MINUTES;
		const isFutureMs =
			typeof scheduled === 'number' &&
			Number.isInteger(scheduled) &&
			scheduled >= 1e12 &&
			scheduled <= MAX_TIMESTAMP_MS &&
			scheduled >= now - NOW_WINDOW_MS;
		if (!isMinutes && !isFutureMs) {
			throw new FieldProblem(
				'"scheduled_for"',
				`${describeValue(scheduled)} is neither minutes from now (1 to ${MAX_SCHEDULE_MINUTES}) nor a future unix timestamp in milliseconds`,
				'Use minutes from now (e.g. 5) or a 13-digit millisecond timestamp; never seconds. Remove it to send immediately.',
			);
		}
		const sent = isMinutes ? scheduled : scheduledAt(scheduled as number, now);
		if (sent !== undefined) fields.scheduled_for = sent;
	}
	const unknown = Object.keys(body).filter(
		(key) => !['delayMin', 'delayMax', 'info', 'scheduled_for', 'messages'].includes(key),
	);
	if (unknown.length > 0) {
		throw new FieldProblem(
			`"${unknown[0]}"`,
			'is not a field of a /sender/advanced body',
			'Use only delayMin, delayMax, info, scheduled_for and messages.',
		);
	}
	return fields;
}
