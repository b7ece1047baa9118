import type { INodeProperties } from 'n8n-workflow';

import { SEND_EXTRA_FIELDS } from '../../shared/contract';
import { choicesInputProperty } from './choices';
import { EXTRA_FIELDS_LABEL, type MessageOptions } from './definition';
import { MESSAGE_TYPES } from './registry';
import { textVariantsField } from './variants';

/**
 * The editor's Messages entry, assembled from the registered types: the type selector, each
 * type's fields shown for it, and each type's Message Options.
 */

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

/** Text Variants, for the types whose message has a text (a caption, a question). */
function variantsFor(types: string[]): INodeProperties[] {
	const withText = types.every((type) =>
		MESSAGE_TYPES.some((definition) => definition.type === type && 'text' in definition.labels),
	);
	return withText ? [textVariantsField] : [];
}

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
		options: [...fields, ...variantsFor(types), ...COMMON_OPTIONS].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	}));
}

/** The fields of one entry of the Messages list: type selector, each type's fields, options. */
export const messageEntryProperties: INodeProperties[] = [
	typeField,
	...new Set(MESSAGE_TYPES.flatMap((definition) => definition.properties)),
	...messageOptionsFields(),
];

/**
 * The same fields in a uazapi Message node, which holds one message: its choices are written one
 * per line by default, a single short field instead of a builder block per button, row or card.
 */
export const messageNodeProperties: INodeProperties[] = messageEntryProperties.map((property) =>
	property.name === choicesInputProperty.name ? { ...property, default: 'lines' } : property,
);
