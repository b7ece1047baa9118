import type { IBinaryData, IExecuteFunctions } from 'n8n-workflow';

import { base64Bytes, FieldProblem, type BuildContext } from '../messages';
import type { PendingBinary } from './model';

/**
 * Binary media are checked from their metadata and read only when their campaign is about to be
 * sent: a campaign refused for its size, or for any other reason, never holds its files in memory,
 * and campaigns sent one after another hold one campaign's files at a time.
 */

/** Stands in for a file's base64 in a built message until `loadBinaries` puts the content there. */
const NOT_YET_READ = 'AAAA';

/** Length of base64 for this many bytes: what a file adds to the request body. */
export function base64Length(bytes: number): number {
	return Math.ceil(bytes / 3) * 4;
}

/** What a pending file adds to its message's size in the body once its content is in. */
export function bodyBytesOfFile(binary: PendingBinary): number {
	return base64Length(binary.size) - NOT_YET_READ.length;
}

async function sizeOf(context: IExecuteFunctions, binary: IBinaryData): Promise<number> {
	if (typeof binary.bytes === 'number') return binary.bytes;
	// Without an id the content is kept in memory as base64 in `data`; otherwise it is stored.
	if (!binary.id) return base64Bytes(binary.data ?? '');
	return (await context.helpers.getBinaryMetadata(binary.id)).fileSize;
}

/** A BuildContext for one input item that records the binary files its messages will carry. */
export function binaryReader(
	context: IExecuteFunctions,
	itemIndex: number,
	pending: PendingBinary[],
): BuildContext {
	return {
		async readBinary(property) {
			const binary = context.getInputData()[itemIndex]?.binary;
			const data = binary?.[property];
			if (!data) {
				const present = Object.keys(binary ?? {});
				throw new FieldProblem(
					'Binary Property',
					`"${property}" is not on this input item (${present.length ? `it has: ${present.join(', ')}` : 'it has no binary data'})`,
					'Enter the name of the binary property that holds the file (often "data"), or add a node before this one that downloads or creates the file.',
				);
			}
			const size = await sizeOf(context, data);
			if (size === 0) {
				throw new FieldProblem(
					'Binary Property',
					`"${property}" is an empty file`,
					'Check the node that produced the file.',
				);
			}
			pending.push({ itemIndex, property, fileName: data.fileName, size });
			return { file: NOT_YET_READ, fileName: data.fileName, mimeType: data.mimeType, size };
		},
	};
}

/** Puts each pending file's content, as base64, into its message. */
export async function loadBinaries(
	context: IExecuteFunctions,
	pending: PendingBinary[],
): Promise<void> {
	for (const binary of pending) {
		const buffer = await context.helpers.getBinaryDataBuffer(binary.itemIndex, binary.property);
		binary.message!.file = buffer.toString('base64');
	}
}

/** Drops the files' content again once their campaign was posted (or failed). */
export function unloadBinaries(pending: PendingBinary[]): void {
	for (const binary of pending) binary.message!.file = NOT_YET_READ;
}
