import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { button } from './button';
import { carousel } from './carousel';
import { choicesInputProperties } from './choices';
import { contact } from './contact';
import type { BuildContext, MessageTypeDefinition } from './definition';
import { list } from './list';
import { location } from './location';
import { mediaTypes } from './media';
import { poll } from './poll';
import { FieldProblem } from '../../shared/problem';
import { describeValue } from '../../shared/text';
import { normaliseRecipient } from './recipient';
import { checkMessage } from './schema';
import { text } from './text';

export type { BinaryFile, BuildContext, MessageTypeDefinition } from './definition';
export { FieldProblem, fieldPath } from '../../shared/problem';
export { parseJsonField } from './read';
export { normaliseRecipient } from './recipient';

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

/** In JSON mode problems are named by uazapi's own field names, which is what the user wrote. */
const RAW_LABELS = new Map(
	MESSAGE_TYPES.map((definition) => [
		definition.type as string,
		Object.fromEntries(Object.keys(definition.labels).map((key) => [key, `"${key}"`])),
	]),
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

const typeField: INodeProperties = {
	displayName: 'Type',
	name: 'type',
	type: 'options',
	options: MESSAGE_TYPES.map((definition) => ({
		name: definition.displayName,
		value: definition.type,
		description: definition.description,
	})),
	default: 'text',
};

const recipientOverrideField: INodeProperties = {
	displayName: 'Recipient Override',
	name: 'number',
	type: 'string',
	default: '',
	placeholder: 'e.g. 120363012345678901@g.us',
	description: "Send this message to another number or group instead of the item's recipient",
};

/** The fields of one entry of the Messages list: type selector, each type's fields, override. */
export const messageEntryProperties: INodeProperties[] = [
	typeField,
	...new Set(MESSAGE_TYPES.flatMap((definition) => definition.properties)),
	...choicesInputProperties,
	recipientOverrideField,
];

/**
 * One entry of the Messages list (Fields mode) → a checked uazapi message. Only builders that read
 * binary data return a promise, so large campaigns of other types skip two awaits per message;
 * problems are thrown, or rejected through that promise.
 */
export function buildMessage(
	entry: IDataObject,
	recipient: string,
	context: BuildContext,
): IDataObject | Promise<IDataObject> {
	const definition = definitionOf(entry.type ?? 'text');
	const override = entry.number === undefined || entry.number === '' ? undefined : entry.number;
	const number =
		override === undefined ? recipient : normaliseRecipient(override, 'Recipient Override');
	const fields = definition.build(entry, context);
	if (fields instanceof Promise) {
		return fields.then((built) => checkedMessage(definition, number, built));
	}
	return checkedMessage(definition, number, fields);
}

function checkedMessage(
	definition: MessageTypeDefinition,
	number: string,
	fields: IDataObject,
): IDataObject {
	const message = { number, type: definition.type, ...fields };
	return checkMessage(definition.schema, message, definition.labels, definition.type);
}

/** A message the user wrote as uazapi JSON (JSON mode) → the same message, checked. */
export function checkJsonMessage(value: unknown): IDataObject {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw new FieldProblem(
			'message',
			`must be a JSON object, but it is ${describeValue(value)}`,
			'Write each message as {"number": "5511999999999", "type": "text", "text": "Hello"}.',
		);
	}
	const message = value as IDataObject;
	const definition = definitionOf(message.type);
	const number = normaliseRecipient(message.number, '"number"');
	const checked = number === message.number ? message : { ...message, number };
	return checkMessage(
		definition.schema,
		checked,
		RAW_LABELS.get(definition.type)!,
		definition.type,
	);
}
