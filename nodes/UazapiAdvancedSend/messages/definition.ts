import type { IDataObject, INodeProperties } from 'n8n-workflow';
import type { z } from 'zod/v3';

import type { SenderMessageType } from '../../shared/contract';

/**
 * A file from an input item's binary property, as the message model needs it. Its content is not
 * read here: `file` stands in for it until the campaign has passed every check (size included) and
 * is about to be sent, so a campaign that is refused never holds its files in memory.
 */
export interface BinaryFile {
	file: string;
	fileName?: string;
	mimeType: string;
	/** Size in bytes before base64 encoding. */
	size: number;
}

/** What a builder may ask of the running node, for the current input item. */
export interface BuildContext {
	readBinary(propertyName: string): Promise<BinaryFile>;
}

/**
 * One uazapi sender message type: its editor fields, the schema of the message it produces and
 * the builder from the first to the second. Adding a message type means adding one of these.
 */
export interface MessageTypeDefinition {
	type: SenderMessageType;
	displayName: string;
	description: string;
	/** Editor fields inside a message entry; the same array object may serve several types. */
	properties: INodeProperties[];
	/** The complete uazapi message ({number, type, ...}) this type sends. */
	schema: z.ZodType<IDataObject>;
	/** uazapi field → the editor label it comes from, so schema problems name what the user sees. */
	labels: Record<string, string>;
	/** Editor values of one message entry → the type's uazapi fields (without number and type). */
	build(fields: IDataObject, context: BuildContext): IDataObject | Promise<IDataObject>;
}

/** Shows each property only for the given message types (keeping any other conditions). */
export function showFor(
	types: SenderMessageType[],
	properties: INodeProperties[],
): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { ...property.displayOptions?.show, type: types },
		},
	}));
}
