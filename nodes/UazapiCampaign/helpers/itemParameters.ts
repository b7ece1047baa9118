import type { IExecuteFunctions } from 'n8n-workflow';

import { ItemParameters } from '../../UazapiAdvancedSend/parameters/itemParameters';

/**
 * The Campaign node's parameters read item by item as the sender reads its own: a
 * `{{ $json… }}` expression (the defaults `{{ $json.folder_id }}` and `{{ $json.recipient }}`)
 * is evaluated here, not by n8n's engine for each of 10,000 contacts' items. One reader per run.
 */
const readers = new WeakMap<IExecuteFunctions, ItemParameters>();

export function itemParameters(context: IExecuteFunctions): ItemParameters {
	let reader = readers.get(context);
	// None of the parameters read this way has a type n8n converts after evaluating it.
	if (!reader) readers.set(context, (reader = new ItemParameters(context, [])));
	return reader;
}
