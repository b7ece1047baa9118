import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { FieldProblem } from '../../../shared/problem';
import type { Label } from '../definition';
import { parseJsonField } from '../read';

/**
 * How a message's choices are written: in the editor's builder (a field per button, row or card),
 * one per line in uazapi's own grammar (one field, short, what uazapi's users know), or as a raw
 * JSON array (the expert escape hatch).
 */

const RAW_CHOICES_LABEL = 'Raw Choices (JSON)';
const CHOICE_LINES_LABEL = 'Choices';

export const choicesInputProperty: INodeProperties = {
	displayName: 'Write Choices',
	name: 'choicesInput',
	type: 'options',
	options: [
		{
			name: 'In the Editor',
			value: 'builder',
			description:
				'A field for each button, row, option or card. Switching clears what was entered the other way.',
		},
		{
			name: 'One per Line',
			value: 'lines',
			description:
				'One field, one choice per line, e.g. "Yes|yes". Switching clears what was entered the other way.',
		},
		{
			name: 'As Raw JSON',
			value: 'raw',
			description:
				"For experts: uazapi's choices strings as a JSON array. Switching clears what was entered the other way.",
		},
	],
	default: 'builder',
	description:
		'Switching clears what was entered the other way: n8n keeps only the fields it shows',
};

const rawChoicesProperty: INodeProperties = {
	displayName: RAW_CHOICES_LABEL,
	name: 'rawChoices',
	type: 'json',
	default: '[]',
	required: true,
	description:
		'A JSON array of uazapi choices strings, e.g. ["Yes|yes", "No|no"]. See the README for the grammar.',
	displayOptions: { show: { choicesInput: ['raw'] } },
};

/** Shows builder fields only while the builder is chosen. */
const builderOnly = { choicesInput: ['builder'] };

/**
 * A type's choice fields in the order a person fills them, after the message's text: how to
 * write them, then the one-per-line field with this type's example, the builder, the raw list.
 */
export function choiceFields(
	builder: INodeProperties,
	lines: { placeholder: string; description: string },
): INodeProperties[] {
	return [
		choicesInputProperty,
		{
			displayName: CHOICE_LINES_LABEL,
			name: 'choiceLines',
			type: 'string',
			typeOptions: { rows: 5 },
			default: '',
			required: true,
			...lines,
			displayOptions: { show: { choicesInput: ['lines'] } },
		},
		{ ...builder, displayOptions: { show: builderOnly } },
		rawChoicesProperty,
	];
}

/** The label of `choices` in errors: the field the person wrote them in. */
export function choicesLabel(builderLabel: string): Label {
	return (entry) =>
		entry.choicesInput === 'raw'
			? RAW_CHOICES_LABEL
			: entry.choicesInput === 'lines'
				? CHOICE_LINES_LABEL
				: builderLabel;
}

/** The message's `choices`, from whichever way they were written. */
export function readChoices(
	fields: IDataObject,
	compileBuilder: (fields: IDataObject) => string[],
): string[] {
	if (fields.choicesInput === 'raw') {
		// Checked by the type's schema, as choices written in JSON mode are.
		return parseJsonField(
			fields.rawChoices,
			RAW_CHOICES_LABEL,
			'Write a JSON array of strings, e.g. ["Yes|yes", "No|no"], with double quotes.',
		) as string[];
	}
	if (fields.choicesInput === 'lines') return readChoiceLines(fields.choiceLines);
	return compileBuilder(fields);
}

/**
 * One choice per non-empty line. A card text may span lines: from a line opening "[" to the line
 * closing "]", as uazapi's "[Title\nBody]" does.
 */
function readChoiceLines(value: unknown): string[] {
	const lines = (typeof value === 'string' ? value : '')
		.split(/\r?\n/)
		.map((line) => line.trim())
		.filter((line) => line !== '');
	const choices: string[] = [];
	let card: string[] | undefined;
	for (const line of lines) {
		if (card) {
			card.push(line);
			if (line.endsWith(']')) {
				choices.push(card.join('\n'));
				card = undefined;
			}
		} else if (line.startsWith('[') && !line.endsWith(']')) {
			card = [line];
		} else {
			choices.push(line);
		}
	}
	if (card) {
		throw new FieldProblem(
			CHOICE_LINES_LABEL,
			`opens "${card[0]}" with "[" but no later line closes it with "]"`,
			'End the card text with "]": "[Mug]" on one line, or "[Mug" and "A great mug]" on two.',
		);
	}
	return choices;
}
