import type { IDataObject } from 'n8n-workflow';

import { definitionOf } from '../../nodes/UazapiAdvancedSend/messages';

/**
 * A message entry written flat by a generator, its common options (number, extraFields) under
 * `options` → the entry as the editor saves it: the type's optional fields and those options
 * inside the type's Message Options. Tests that build entries flat stay faithful to where n8n
 * really puts each value.
 */
export function savedEntry(flat: IDataObject, options: IDataObject = {}): IDataObject {
	let definition;
	try {
		definition = definitionOf(flat.type ?? 'text');
	} catch {
		return flat; // an unknown type, which the node must name
	}
	const optional = new Set(definition.options.fields.map((field) => field.name));
	const entry: IDataObject = {};
	const saved: IDataObject = { ...options };
	for (const [key, value] of Object.entries(flat)) {
		if (optional.has(key)) saved[key] = value;
		else entry[key] = value;
	}
	if (Object.keys(saved).length > 0) entry[definition.options.name] = saved;
	return entry;
}

/** The common options of a saved entry (Recipient Override, Extra Fields), wherever its type keeps them. */
export function savedOptions(entry: IDataObject): IDataObject | undefined {
	try {
		return entry[definitionOf(entry.type ?? 'text').options.name] as IDataObject | undefined;
	} catch {
		return undefined;
	}
}
