import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { Label } from '../definition';
import { parseJsonField } from '../read';

/** Raw Choices (JSON): the expert escape hatch, choices written in the grammar itself. */

const RAW_CHOICES_LABEL = 'Raw Choices (JSON)';

/**
 * The switch comes first, above what it governs: the builder's fields or the raw list. The editor
 * shows both for every type whose message has choices (editor.ts).
 */
export const [choicesInputProperty, rawChoicesProperty]: INodeProperties[] = [
	{
		displayName: 'Build Choices',
		name: 'choicesInput',
		type: 'options',
		options: [
			{
				name: 'In the Editor',
				value: 'builder',
				description: 'Add buttons, rows, options or cards with the fields below',
			},
			{
				name: 'As Raw JSON',
				value: 'raw',
				description: "Paste uazapi's choices strings yourself, for experts",
			},
		],
		default: 'builder',
		description:
			'Switching clears what was entered the other way: n8n keeps only the fields it shows',
	},
	{
		displayName: RAW_CHOICES_LABEL,
		name: 'rawChoices',
		type: 'json',
		default: '[]',
		required: true,
		description:
			'A JSON array of uazapi choices strings, e.g. ["Yes|yes", "No|no"]. See the README for the grammar.',
		displayOptions: { show: { choicesInput: ['raw'] } },
	},
];

/** Shows builder fields only while the builder is chosen. */
export const builderOnly = { choicesInput: ['builder'] };

export function usesRawChoices(fields: IDataObject): boolean {
	return fields.choicesInput === 'raw';
}

/** The label of `choices`: the builder's field, or Raw Choices when the user wrote them. */
export function choicesLabel(builderLabel: string): Label {
	return (entry) => (usesRawChoices(entry) ? RAW_CHOICES_LABEL : builderLabel);
}

export function readRawChoices(fields: IDataObject): unknown {
	return parseJsonField(
		fields.rawChoices,
		RAW_CHOICES_LABEL,
		'Write a JSON array of strings, e.g. ["Yes|yes", "No|no"], with double quotes.',
	);
}
