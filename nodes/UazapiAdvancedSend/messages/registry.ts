import type { IDataObject } from 'n8n-workflow';

import { SEND_EXTRA_FIELDS } from '../../shared/contract';
import { FieldProblem } from '../../shared/problem';
import { describeValue } from '../../shared/text';
import { button } from './button';
import { carousel } from './carousel';
import { contact } from './contact';
import { extraLabel, type MessageTypeDefinition } from './definition';
import { list } from './list';
import { location } from './location';
import { mediaTypes } from './media';
import { poll } from './poll';
import { text } from './text';

/**
 * The registry: every message type, found by its uazapi type, with the labels its problems are
 * named by. Adding a type means its definition file and one entry in MESSAGE_TYPES.
 */

/** Every message type of uazapi's sender, in the order the type selector lists them. */
export const MESSAGE_TYPES: MessageTypeDefinition[] = [
	text,
	...mediaTypes,
	contact,
	location,
	poll,
	list,
	button,
	carousel,
].sort((a, b) => a.displayName.localeCompare(b.displayName));

const BY_TYPE = new Map(MESSAGE_TYPES.map((definition) => [definition.type as string, definition]));

/** In the editor, a problem with an extra field is named inside Extra Fields. */
export const EDITOR_LABELS = new Map(
	MESSAGE_TYPES.map((definition) => [
		definition.type as string,
		{
			...Object.fromEntries(SEND_EXTRA_FIELDS.map((key) => [key, extraLabel(key)])),
			...definition.labels,
		},
	]),
);

/** In JSON mode problems are named by uazapi's own field names, which is what the user wrote. */
export const RAW_LABELS = new Map(
	MESSAGE_TYPES.map((definition) => [
		definition.type as string,
		Object.fromEntries(Object.keys(definition.labels).map((key) => [key, `"${key}"`])),
	]),
);

/** The keys Extra Fields may set for a type: the /send/* extras, and what its own fields do not set. */
function extraKeys(definition: MessageTypeDefinition): Set<string> {
	const own = Object.keys(definition.labels).filter(
		(key) => definition.labels[key] === extraLabel(key),
	);
	return new Set([...SEND_EXTRA_FIELDS, ...own]);
}
export const EXTRA_KEYS = new Map(
	MESSAGE_TYPES.map((definition) => [definition.type as string, extraKeys(definition)]),
);

export function definitionOf(type: unknown): MessageTypeDefinition {
	const definition = typeof type === 'string' ? BY_TYPE.get(type) : undefined;
	if (definition) return definition;
	throw new FieldProblem(
		'Type',
		`${describeValue(type)} is not a uazapi message type`,
		`Use one of: ${MESSAGE_TYPES.map((d) => d.type).join(', ')}.`,
	);
}

const NO_OPTIONS: IDataObject = {};

/** The values of an entry's Message Options, wherever its type keeps them. */
export function messageOptionsOf(
	entry: IDataObject,
	definition: MessageTypeDefinition,
): IDataObject {
	const options = entry[definition.options.name];
	return typeof options === 'object' && options !== null ? (options as IDataObject) : NO_OPTIONS;
}
