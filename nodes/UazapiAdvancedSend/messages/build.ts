import type { IDataObject } from 'n8n-workflow';

import { SEND_EXTRA_FIELDS } from '../../shared/contract';
import { FieldProblem } from '../../shared/problem';
import { describeValue } from '../../shared/text';
import { EXTRA_FIELDS_LABEL, type BuildContext, type MessageTypeDefinition } from './definition';
import { messageEntryProperties } from './editor';
import { normaliseRecipient, type NumberRules } from './phoneNumber';
import { parseJsonField } from './read';
import { definitionOf, EDITOR_LABELS, EXTRA_KEYS, messageOptionsOf, RAW_LABELS } from './registry';
import { checkMessage } from './schema';
import { artifactsIn, entryFieldLabel, type TextHole } from './textHoles';
import { withVariant } from './variants';

/**
 * A message in, a checked uazapi message out: an editor entry is built by its type's builder, a
 * JSON message is taken as written; both pass the type's schema, the one gate.
 */

const EXTRA_FIX = `Give a JSON object with any of: ${SEND_EXTRA_FIELDS.join(', ')} (and buttonText for buttons, lists, polls and carousels), e.g. {"track_id": "crm-123"}.`;

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
	const fields = withVariant(await definition.build(values, context), options.textVariants, number);
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
	const { variants, ...message } = value as IDataObject;
	const definition = definitionOf(message.type);
	const number = normaliseRecipient(message.number, '"number"', rules);
	const written =
		variants === undefined ? (value as IDataObject) : jsonVariant(message, variants, number);
	const checked = number === written.number ? written : { ...written, number };
	return checkMessage(
		definition.schema,
		checked,
		RAW_LABELS.get(definition.type)!,
		definition.type,
	);
}

/** JSON mode's "variants": other wordings of "text", one chosen per recipient as in the editor. */
function jsonVariant(message: IDataObject, variants: unknown, recipient: string): IDataObject {
	if (!Array.isArray(variants) || !variants.every((variant) => typeof variant === 'string')) {
		throw new FieldProblem(
			'"variants"',
			`must be a list of texts, but it is ${describeValue(variants)}`,
			'Write the other wordings of "text", e.g. "variants": ["Olá!", "Oi, tudo bem?"].',
		);
	}
	return withVariant(message, variants, recipient);
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
