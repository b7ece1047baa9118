import { plural } from '../../shared/text';
import { FieldProblem } from '../messages';
import { base64Length } from './binaries';
import type { PendingBinary } from './model';

/**
 * The request body's size, known before any file is read: uazapi documents no limit, and a body
 * of hundreds of megabytes (a file sent as base64 to every recipient) strains n8n's memory, the
 * proxies in front of the server and the server itself.
 */

const MB = 1024 * 1024;

const NON_ASCII = /[\u0080-\uffff]/;

/** UTF-8 length of a text, the way it travels in the request. */
export function utf8Length(text: string): number {
	// Most campaign text is plain ASCII, where characters and bytes are the same count.
	if (!NON_ASCII.test(text)) return text.length;
	let bytes = text.length;
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (code < 0x80) continue;
		// A surrogate pair is two code units and four bytes: each unit adds one.
		bytes += code < 0x800 || (code >= 0xd800 && code <= 0xdfff) ? 1 : 2;
	}
	return bytes;
}

export function megabytes(bytes: number): string {
	const value = bytes / MB;
	return `${value >= 10 ? Math.round(value) : value.toFixed(1)} MB`;
}

/** One input item's share of a campaign body. */
export interface ItemSize {
	itemIndex: number;
	messageCount: number;
	bytes: number;
	binaries: PendingBinary[];
}

/** The file that weighs most in total, with how many messages carry it, for the error. */
function heaviestFile(items: ItemSize[]): string | undefined {
	const totals = new Map<string, { bytes: number; count: number; min: number; max: number }>();
	for (const item of items) {
		for (const binary of item.binaries) {
			const name = `binary "${binary.property}"${binary.fileName ? ` (${binary.fileName})` : ''}`;
			const size = base64Length(binary.size);
			const total = totals.get(name) ?? { bytes: 0, count: 0, min: size, max: size };
			total.bytes += size;
			total.count++;
			total.min = Math.min(total.min, size);
			total.max = Math.max(total.max, size);
			totals.set(name, total);
		}
	}
	const [name, total] = [...totals].sort((a, b) => b[1].bytes - a[1].bytes)[0] ?? [];
	if (!name || !total) return undefined;
	const each = `${total.min === total.max ? '' : 'up to '}${megabytes(total.max)}`;
	return `${name} ${each} as base64 × ${plural(total.count, 'message')} = ${megabytes(total.bytes)}`;
}

/**
 * Refuses a campaign body above the limit, naming what makes it heavy and the ways out. `items`
 * are the items of one campaign (or of one part of a split campaign).
 */
export function checkBodySize(
	bodyBytes: number,
	limitMb: number,
	items: ItemSize[],
	part?: { index: number; count: number },
): void {
	const limit = limitMb * MB;
	if (bodyBytes <= limit) return;
	const heavy = heaviestFile(items);
	const ofPart = part ? ` (part ${part.index} of ${part.count})` : '';
	// Whole items go into a part, so a cap of `fits` messages keeps every part under the limit.
	const perMessage = Math.max(...items.map((item) => item.bytes / item.messageCount));
	const fits = Math.floor(limit / perMessage);
	const largestItem = Math.max(...items.map((item) => item.messageCount));
	const split =
		fits >= largestItem
			? ` or set Max Messages per Campaign to ${fits} or fewer so that each campaign stays under the limit (read that option's note on pacing first),`
			: '';
	throw new FieldProblem(
		'Max Request Size (MB)',
		`is ${limitMb}, but this campaign${ofPart} would be a ${megabytes(bodyBytes)} request${heavy ? `; most of it is ${heavy}` : ''}`,
		`Put the file at a public link and choose Media Source "URL" (uazapi then downloads it, and the request stays small),${split} or raise Max Request Size in Options if your uazapi server accepts larger requests.`,
	);
}
