import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { LIMITS, type SenderMessageType } from '../../shared/contract';
import { field, showFor, type Label, type MessageField } from './definition';
import { FieldProblem, fieldPath } from '../../shared/problem';
import { parseJsonField, readEntries, readText } from './read';
import { choiceList, isHttpUrl, says } from './schema';

/**
 * uazapi's `choices` grammar (shared by buttons, lists, polls and carousels) is a flat list of
 * strings with no escaping: "|" and line breaks separate parts, "[...]" opens a list section or a
 * carousel card, "{...}" is a card image. Text that would change that structure is refused here
 * rather than sent garbled.
 */

export const CHOICE_TYPES: SenderMessageType[] = ['button', 'list', 'poll', 'carousel'];

/** Refuses a value that contains a separator of the grammar. */
export function guardPart(value: string, field: string, what: string): string {
	if (value.includes('|')) {
		throw new FieldProblem(
			field,
			`contains "|", which uazapi reads as the separator between a ${what}'s parts`,
			'Remove the "|" or replace it, e.g. with "-" or "/".',
		);
	}
	if (/[\r\n]/.test(value)) {
		throw new FieldProblem(
			field,
			`contains a line break, which uazapi reads as the separator between a ${what}'s parts`,
			'Put the text on one line.',
		);
	}
	return value;
}

/** Refuses a value that would open a list section, a carousel card or a card image. */
export function guardOpening(value: string, field: string): string {
	if (/^[[{]/.test(value)) {
		throw new FieldProblem(
			field,
			`starts with "${value[0]}", which uazapi reads as the start of a section, card or image`,
			'Start the text with another character, e.g. remove the bracket.',
		);
	}
	return value;
}

// --- Fields every interactive type has ---------------------------------------------------------

/** The main text above the buttons, menu, poll or cards. */
export function interactiveText(name: string, placeholder: string): MessageField {
	return field('text', {
		displayName: 'Text',
		name,
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		required: true,
		placeholder,
	});
}

/** The small text under the message, `footerText` in uazapi's contract. */
export function footerField(note = ''): MessageField {
	return field('footerText', {
		displayName: 'Footer',
		name: 'footerText',
		type: 'string',
		default: '',
		description: `Small text under the message${note}`,
	});
}

// --- Buttons (button messages and carousel cards) -------------------------------------------

const ACTION_PREFIX = /^(https?:\/\/|url:|copy:|call:)/i;
const PHONE = /^\+?\d{8,15}$/;

const actionField: INodeProperties = {
	displayName: 'Action',
	name: 'kind',
	type: 'options',
	options: [
		{ name: 'Call', value: 'call', description: 'Calls a phone number' },
		{
			name: 'Copy Code',
			value: 'copy',
			description: 'Copies a code, e.g. a coupon, to the clipboard',
		},
		{ name: 'Open URL', value: 'url', description: 'Opens a link' },
		{
			name: 'Reply',
			value: 'reply',
			description: 'Sends a reply your webhook receives with the button ID',
		},
	],
	default: 'reply',
};

const labelField: INodeProperties = {
	displayName: 'Label',
	name: 'label',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. Talk to Sales',
	description: 'Text on the button',
};

/** The one value each action needs; only the field of the chosen action is shown. */
const actionValueFields: INodeProperties[] = [
	{
		displayName: 'Button ID',
		name: 'id',
		type: 'string',
		default: '',
		placeholder: 'e.g. sales',
		description: 'ID your webhook receives when the button is tapped. Defaults to the label.',
		displayOptions: { show: { kind: ['reply'] } },
	},
	{
		displayName: 'URL',
		name: 'url',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. https://shop.example.com/offers',
		displayOptions: { show: { kind: ['url'] } },
	},
	{
		displayName: 'Code',
		name: 'code',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. PROMO2024',
		displayOptions: { show: { kind: ['copy'] } },
	},
	{
		displayName: 'Phone Number',
		name: 'phone',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. +5511999999999',
		displayOptions: { show: { kind: ['call'] } },
	},
];

export function buttonsProperty(description: string): INodeProperties {
	return {
		displayName: 'Buttons',
		name: 'buttons',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Button',
		default: {},
		description,
		options: [
			{
				displayName: 'Button',
				name: 'button',
				values: [actionField, labelField, ...actionValueFields],
			},
		],
	};
}

function compileButton(button: IDataObject, path: string): string {
	const labelField = fieldPath(path, 'Label');
	const label = readText(button, 'label', labelField);
	if (label === '') {
		throw new FieldProblem(labelField, 'is empty', 'Enter the text shown on the button.');
	}
	guardOpening(guardPart(label, labelField, 'button'), labelField);
	const kind = (button.kind as string | undefined) ?? 'reply';
	if (kind === 'url') {
		const field = fieldPath(path, 'URL');
		const url = readText(button, 'url', field);
		if (!isHttpUrl(url)) {
			throw new FieldProblem(
				field,
				url === '' ? 'is empty' : `"${url}" is not an http(s) URL`,
				'Enter a full link starting with https://.',
			);
		}
		return `${label}|${guardPart(url, field, 'button')}`;
	}
	if (kind === 'copy') {
		const field = fieldPath(path, 'Code');
		const code = guardPart(readText(button, 'code', field), field, 'button');
		if (code === '') throw new FieldProblem(field, 'is empty', 'Enter the code the button copies.');
		return `${label}|copy:${code}`;
	}
	if (kind === 'call') {
		const field = fieldPath(path, 'Phone Number');
		const phone = readText(button, 'phone', field).replace(/[\s().-]/g, '');
		if (!PHONE.test(phone)) {
			throw new FieldProblem(
				field,
				phone === '' ? 'is empty' : `"${phone}" is not a phone number`,
				'Enter the number with country code, e.g. +5511999999999.',
			);
		}
		return `${label}|call:${phone}`;
	}
	const field = fieldPath(path, 'Button ID');
	const id = guardPart(readText(button, 'id', field), field, 'button');
	if (ACTION_PREFIX.test(id)) {
		throw new FieldProblem(
			field,
			`"${id}" would turn the reply into a link, copy or call button`,
			"Use an ID that does not start with http(s)://, url:, copy: or call:, or change the button's Action.",
		);
	}
	return id === '' ? label : `${label}|${id}`;
}

export function compileButtons(fields: IDataObject, path?: string): string[] {
	return readEntries(fields, 'buttons', 'button').map((button, index) =>
		compileButton(button, fieldPath(path, 'Buttons', `button ${index + 1}`)),
	);
}

// --- Raw choices (the expert escape hatch) ---------------------------------------------------

const RAW_CHOICES_LABEL = 'Raw Choices (JSON)';

/** The switch comes first, above what it governs: the builder's fields or the raw list. */
export const [choicesInputProperty, rawChoicesProperty] = showFor(CHOICE_TYPES, [
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
]);

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

// --- Structure checks of a finished choices list, used by the schemas -------------------------

export type ChoiceCheck = (choices: string[]) => string | undefined;

const isSection = (choice: string) => choice.startsWith('[') && choice.endsWith(']');
const isImage = (choice: string) => choice.startsWith('{') && choice.endsWith('}');

export const buttonChoicesProblem: ChoiceCheck = (choices) => {
	const index = choices.findIndex((choice) => /^[[{]/.test(choice) || choice.startsWith('|'));
	return index === -1
		? undefined
		: `entry ${index + 1} ("${choices[index]}") is not a button: write "Label|action"`;
};

export const listChoicesProblem: ChoiceCheck = (choices) => {
	if (choices.every(isSection)) return 'has no rows: add at least one row under a section';
	for (let index = 0; index < choices.length; index++) {
		if (
			isSection(choices[index]) &&
			(index === choices.length - 1 || isSection(choices[index + 1]))
		) {
			return `section ${choices[index]} has no rows: add a row or remove the section`;
		}
	}
	return undefined;
};

export const carouselChoicesProblem: ChoiceCheck = (choices) => {
	if (choices.length === 0 || !isSection(choices[0]))
		return 'must start with a card text in brackets, e.g. "[Title\\nBody]"';
	const cards = choices.filter(isSection).length;
	if (cards > LIMITS.carouselCardsMax)
		return `has ${cards} cards; WhatsApp shows at most ${LIMITS.carouselCardsMax}`;
	for (let index = 0; index < choices.length; index++) {
		if (!isSection(choices[index])) continue;
		if (!isImage(choices[index + 1] ?? '')) {
			return `card ${choices[index]} has no image: follow the card text with "{https://...}"`;
		}
		const next = choices[index + 2];
		if (next === undefined || isSection(next)) {
			return `card ${choices[index]} has no button: every carousel card needs at least one`;
		}
	}
	return undefined;
};

/** The schema of a `choices` field whose structure must also pass a grammar check. */
export function checkedChoices(check: ChoiceCheck, fix: string) {
	return choiceList(fix).superRefine((choices, context) => {
		const problem = check(choices);
		if (problem) context.addIssue({ code: 'custom', message: says(problem, fix) });
	});
}
