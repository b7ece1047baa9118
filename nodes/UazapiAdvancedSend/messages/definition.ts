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
 * The editor label a uazapi field comes from, as errors name it. A function when it depends on
 * the entry, e.g. a media file given as a URL or as base64.
 */
export type Label = string | ((entry: IDataObject) => string);

/**
 * One editor field that fills one key of the uazapi message, declared once: it gives the editor
 * property, the label errors use (its displayName) and how the builder reads it.
 *
 * Editor parameter names are saved in users' workflows: an existing name is never renamed (that
 * needs a new node version). All types share one Messages entry, so a name is unique across types
 * unless the field means the same for them (mediaUrl, caption, footerText); new names are the
 * type's prefix followed by the uazapi key, e.g. pollQuestion. Optional fields live in the type's
 * Message Options and are saved under its name, e.g. `buttonMessageOptions.footerText`.
 */
export interface MessageField {
	key: string;
	property: INodeProperties;
}

export function field(key: string, property: INodeProperties): MessageField {
	return { key, property };
}

/** Labels of uazapi keys, from the fields that fill them and any the builder words itself. */
export function labelsOf(
	fields: MessageField[],
	others: Record<string, Label> = {},
): Record<string, Label> {
	const labels: Record<string, Label> = {};
	for (const { key, property } of fields) labels[key] = property.displayName;
	return { ...labels, ...others };
}

/**
 * The label of a field the contract lists for a type but the editor offers only through Extra
 * Fields (JSON), such as buttonText, whose meaning uazapi does not document.
 */
export const EXTRA_FIELDS_LABEL = 'Extra Fields (JSON)';

export function extraLabel(key: string): string {
	return `${EXTRA_FIELDS_LABEL} › "${key}"`;
}

/**
 * One uazapi sender message type: its editor fields, the schema of the message it produces and
 * the builder from the first to the second. Adding a message type means adding one of these.
 * The schema is the only gate: every rule a message must follow is there, so messages built in
 * the editor and messages written as JSON are accepted or refused alike. A builder only reads the
 * editor's values and writes them in uazapi's form, refusing what that form cannot express.
 */
export interface MessageTypeDefinition {
	type: SenderMessageType;
	displayName: string;
	description: string;
	/** Editor fields inside a message entry; the same array object may serve several types. */
	properties: INodeProperties[];
	/** The type's optional fields; the same object may serve several types. */
	options: MessageOptions;
	/** The complete uazapi message ({number, type, ...}) this type sends. */
	schema: z.ZodType<IDataObject>;
	/** uazapi field → the editor label it comes from, so schema problems name what the user sees. */
	labels: Record<string, Label>;
	/** Editor values of one message entry → the type's uazapi fields (without number and type). */
	build(fields: IDataObject, context: BuildContext): IDataObject | Promise<IDataObject>;
}

/**
 * Optional fields of a type, offered under its Message Options ("Add Option") so that a long
 * campaign shows only what each message uses; builders read them like the others. Each type's
 * collection has its own parameter name, so a saved value always belongs to one type and never
 * depends on n8n telling same-named parameters apart by their display conditions.
 */
export interface MessageOptions {
	/** The collection's parameter name, e.g. textMessageOptions. */
	name: string;
	fields: INodeProperties[];
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
