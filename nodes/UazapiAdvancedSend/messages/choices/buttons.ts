import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { FieldProblem, fieldPath } from '../../../shared/problem';
import { readEntries, readText } from '../read';
import { isHttpUrl } from '../schema';
import { guardOpening, guardPart } from './grammar';

/** The button builder, for button messages and carousel cards, compiled to the grammar. */

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
