import type { IDataObject } from 'n8n-workflow';

import { describeValue } from '../../shared/text';
import { FieldProblem } from '../../shared/problem';
import type { MessageField } from './definition';

/**
 * Readers for one message's parameters. Expressions can hand back any JSON type, and n8n omits
 * parameters that still hold their default, so every reader accepts a missing value.
 */

/** Text of a field: '' when missing, numbers and booleans as written, anything else refused. */
export function readText(fields: IDataObject, key: string, label: string): string {
	const value = fields[key];
	if (value === undefined || value === null) return '';
	if (typeof value === 'string') return value.trim();
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	throw new FieldProblem(
		label,
		`must be text, but the expression gave ${describeValue(value)}`,
		'Map a single text value, e.g. {{ $json.name }}, not a whole object or list.',
	);
}

/** The text of a declared field, named by its label. */
export function readField(fields: IDataObject, declared: MessageField): string {
	return readText(fields, declared.property.name, declared.property.displayName);
}

/** A number field; numeric text is accepted. Empty gives the fallback, for the schema to judge. */
export function readNumber(
	fields: IDataObject,
	key: string,
	label: string,
	fallback?: number,
): number | undefined {
	const value = fields[key];
	if (value === undefined || value === null || value === '') return fallback;
	const parsed = typeof value === 'string' ? Number(value.trim().replace(',', '.')) : value;
	if (typeof parsed !== 'number' || !Number.isFinite(parsed)) {
		throw new FieldProblem(
			label,
			`must be a number, but it is ${describeValue(value)}`,
			'Enter a number such as -23.5505, or map a field that holds one.',
		);
	}
	return parsed;
}

export function readBoolean(fields: IDataObject, key: string): boolean {
	return fields[key] === true || fields[key] === 'true';
}

/** The entries of a fixedCollection with multiple values, e.g. fields.buttons.button. */
export function readEntries(fields: IDataObject, key: string, entryKey: string): IDataObject[] {
	const collection = fields[key] as IDataObject | undefined;
	const entries = collection?.[entryKey];
	if (!Array.isArray(entries)) return [];
	// An entry that is not an object (hand-written JSON) reads as empty, so its fields say so.
	return entries.map((entry) =>
		typeof entry === 'object' && entry !== null ? (entry as IDataObject) : {},
	);
}

/**
 * Drops optional fields left empty, so the body carries only what the user set. Required fields
 * stay, even empty, so the schema reports them as empty rather than missing. The kept fields are
 * copied into a new object rather than deleted from this one: deleting turns an object into a
 * slow hash map, which costs memory and serialisation time in large campaigns.
 */
export function withoutEmpty(message: IDataObject, required: string[] = []): IDataObject {
	const kept: IDataObject = {};
	for (const key of Object.keys(message)) {
		const value = message[key];
		if ((value !== undefined && value !== '') || required.includes(key)) kept[key] = value;
	}
	return kept;
}

function parseJsonText(text: string): { value: unknown } | { error: string } {
	try {
		return { value: JSON.parse(text) as unknown };
	} catch (error) {
		// Node's own message ends by quoting the text and saying "is not valid JSON" again.
		return { error: (error as Error).message.replace(/, ".*" is not valid JSON$/s, '') };
	}
}

/** A json parameter: n8n hands over text as typed, or a value when an expression produced one. */
export function parseJsonField(value: unknown, label: string, fix: string): unknown {
	if (typeof value !== 'string') return value;
	const parsed = parseJsonText(value);
	if ('error' in parsed) throw new FieldProblem(label, `is not valid JSON (${parsed.error})`, fix);
	return parsed.value;
}
