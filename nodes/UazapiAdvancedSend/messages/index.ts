import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { SEND_EXTRA_FIELDS } from '../../shared/contract';

import { button } from './button';
import { carousel } from './carousel';
import { choicesInputProperty, rawChoicesProperty } from './choices';
import { contact } from './contact';
import {
	EXTRA_FIELDS_LABEL,
	extraLabel,
	type BuildContext,
	type MessageOptions,
	type MessageTypeDefinition,
} from './definition';
import { artifactsIn, entryFieldLabel, type TextHole } from './textHoles';
import { list } from './list';
import { location } from './location';
import { mediaTypes } from './media';
import { poll } from './poll';
import { FieldProblem } from '../../shared/problem';
import { describeValue } from '../../shared/text';
import { parseJsonField } from './read';
import { normaliseRecipient, type NumberRules } from './phoneNumber';
import { checkMessage } from './schema';
import { text } from './text';

export type { BinaryFile, BuildContext, MessageTypeDefinition } from './definition';
export type { TextHole } from './textHoles';
export { FieldProblem, fieldPath } from '../../shared/problem';
export { parseJsonField } from './read';
export { base64Bytes } from './schema';
export { isCountryCallingCode, normaliseRecipient, type NumberRules } from './phoneNumber';

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

const EXTRA_FIX = `Give a JSON object with any of: ${SEND_EXTRA_FIELDS.join(', ')} (and buttonText for buttons, lists, polls and carousels), e.g. {"track_id": "crm-123"}.`;

/** In the editor, a problem with an extra field is named inside Extra Fields. */
const EDITOR_LABELS = new Map(
	MESSAGE_TYPES.map((definition) => [
		definition.type as string,
		{
			...Object.fromEntries(SEND_EXTRA_FIELDS.map((key) => [key, extraLabel(key)])),
			...definition.labels,
		},
	]),
);

/** In JSON mode problems are named by uazapi's own field names, which is what the user wrote. */
const RAW_LABELS = new Map(
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
const EXTRA_KEYS = new Map(
	MESSAGE_TYPES.map((definition) => [definition.type as string, extraKeys(definition)]),
);
const NO_EXTRAS: IDataObject = {};

/** The documented fields an editor entry passes through Extra Fields (JSON). */
function readExtras(entry: IDataObject, definition: MessageTypeDefinition): IDataObject {
	const value = messageOptionsOf(entry, definition).extraFields;
	if (value === undefined || value === '' || value === '{}') return NO_EXTRAS;
	const extras = parseJsonField(value, EXTRA_FIELDS_LABEL, EXTRA_FIX);
	if (typeof extras !== 'object' || extras === null || Array.isArray(extras)) {
		throw new FieldProblem(
			EXTRA_FIELDS_LABEL,
			`must be a JSON object, but it is ${describeValue(extras)}`,
			EXTRA_FIX,
		);
	}
	const allowed = EXTRA_KEYS.get(definition.type)!;
	const unknown = Object.keys(extras).find((key) => !allowed.has(key));
	if (unknown !== undefined) {
		throw new FieldProblem(
			EXTRA_FIELDS_LABEL,
			`has "${unknown}", which is not a documented extra field of a ${definition.displayName} message`,
			definition.labels[unknown]
				? `Set it with its own field, "${String(definition.labels[unknown])}".`
				: EXTRA_FIX,
		);
	}
	return extras as IDataObject;
}

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
	description: "Changing the type clears this message's fields: n8n keeps only the fields it shows",
};

/** What any message may also have, next to its type's optional fields. */
const COMMON_OPTIONS: INodeProperties[] = [
	{
		displayName: EXTRA_FIELDS_LABEL,
		name: 'extraFields',
		type: 'json',
		default: '{}',
		description: `Fields uazapi documents for its single-message endpoints, passed with this message as they are, e.g. {"track_source": "crm"}: ${SEND_EXTRA_FIELDS.join(', ')}. Whether campaigns honour them is not documented.`,
	},
	{
		displayName: 'Recipient Override',
		name: 'number',
		type: 'string',
		default: '',
		placeholder: 'e.g. 120363012345678901@g.us',
		description: "Send this message to another number or group instead of the item's recipient",
	},
];

/**
 * Each type's optional fields and the common ones, behind "Add Option" so that a long campaign
 * stays readable: one collection per distinct set of fields, shown for the types that have it.
 */
function messageOptionsFields(): INodeProperties[] {
	const typesByOptions = new Map<MessageOptions, string[]>();
	for (const definition of MESSAGE_TYPES) {
		const types = typesByOptions.get(definition.options) ?? [];
		typesByOptions.set(definition.options, [...types, definition.type]);
	}
	return [...typesByOptions].map(([{ name, fields }, types]) => ({
		displayName: 'Message Options',
		name,
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { type: types } },
		options: [...fields, ...COMMON_OPTIONS].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	}));
}

function messageOptionsOf(entry: IDataObject, definition: MessageTypeDefinition): IDataObject {
	const options = entry[definition.options.name];
	return typeof options === 'object' && options !== null ? (options as IDataObject) : NO_EXTRAS;
}

/** The fields of one entry of the Messages list: type selector, each type's fields, options. */
export const messageEntryProperties: INodeProperties[] = [
	typeField,
	choicesInputProperty,
	...new Set(MESSAGE_TYPES.flatMap((definition) => definition.properties)),
	rawChoicesProperty,
	...messageOptionsFields(),
];

/** One entry of the Messages list (Fields mode) → a checked uazapi message. */
export async function buildMessage(
	entry: IDataObject,
	recipient: string,
	context: BuildContext,
	rules?: NumberRules,
): Promise<IDataObject> {
	const definition = definitionOf(entry.type ?? 'text');
	const options = messageOptionsOf(entry, definition);
	const { number: override } = options;
	const number =
		override === undefined ? recipient : normaliseRecipient(override, 'Recipient Override', rules);
	const extras = readExtras(entry, definition);
	const values = { ...entry, ...options };
	const fields = await definition.build(values, context);
	return checkedMessage(definition, number, fields, extras, values);
}

function checkedMessage(
	definition: MessageTypeDefinition,
	number: string,
	fields: IDataObject,
	extras: IDataObject,
	entry: IDataObject,
): IDataObject {
	const message = { number, type: definition.type, ...fields, ...extras };
	const labels = EDITOR_LABELS.get(definition.type)!;
	return checkMessage(definition.schema, message, labels, definition.type, entry);
}

/** A message the user wrote as uazapi JSON (JSON mode) → the same message, checked. */
export function checkJsonMessage(value: unknown, rules?: NumberRules): IDataObject {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw new FieldProblem(
			'message',
			`must be a JSON object, but it is ${describeValue(value)}`,
			'Write each message as {"number": "5511999999999", "type": "text", "text": "Hello"}.',
		);
	}
	const message = value as IDataObject;
	const definition = definitionOf(message.type);
	const number = normaliseRecipient(message.number, '"number"', rules);
	const checked = number === message.number ? message : { ...message, number };
	return checkMessage(
		definition.schema,
		checked,
		RAW_LABELS.get(definition.type)!,
		definition.type,
	);
}

/** The label of a value saved inside a Messages entry, from its path there. */
export function entryLabel(path: Array<string | number>): string {
	return entryFieldLabel(messageEntryProperties, path);
}

/**
 * Texts of a checked message that show "[object Object]" or "undefined", named as the user sees
 * them: by the editor entry's labels, or without an entry (JSON mode) by uazapi's keys.
 */
export function artifactHoles(message: IDataObject, entry?: IDataObject): TextHole[] {
	const definition = definitionOf(message.type);
	const labels = (entry ? EDITOR_LABELS : RAW_LABELS).get(definition.type)!;
	const values = entry ? { ...entry, ...messageOptionsOf(entry, definition) } : {};
	return artifactsIn(message, (key) => {
		const named = labels[key];
		return typeof named === 'function' ? named(values) : (named ?? `"${key}"`);
	});
}
