import fc from 'fast-check';

import { label, TO as to, words } from './kit';
import type { MessageTypeCases } from './types';

/** Sections and rows in the choices grammar. */
const listChoices = fc
	.array(
		fc.tuple(
			label,
			fc.array(
				fc.oneof(
					label,
					fc.tuple(label, label).map(([title, id]) => `${title}|${id}`),
					fc.tuple(label, label, label).map(([title, id, text]) => `${title}|${id}|${text}`),
				),
				{ minLength: 1, maxLength: 3 },
			),
		),
		{ minLength: 1, maxLength: 3 },
	)
	.map((sections) => sections.flatMap(([title, rows]) => [`[${title}]`, ...rows]));

export const listCases: MessageTypeCases = {
	types: ['list'],
	builds: [
		[
			'list written one per line',
			{
				type: 'list',
				listText: 'Escolha',
				listButton: 'Ver',
				choicesInput: 'lines',
				choiceLines: '[Frutas]\nMaçã|apple|Vermelha\nBanana',
			},
			{
				number: to,
				type: 'list',
				text: 'Escolha',
				listButton: 'Ver',
				choices: ['[Frutas]', 'Maçã|apple|Vermelha', 'Banana'],
			},
		],
		[
			'list with ids, descriptions and a row without id',
			{
				type: 'list',
				listText: 'Escolha',
				listButton: 'Ver',
				listMessageOptions: { footerText: 'Rodapé' },
				listSections: {
					section: [
						{
							title: 'Frutas',
							rows: {
								row: [
									{ title: 'Maçã', id: 'apple', description: 'Vermelha' },
									{ title: 'Banana' },
									{ title: 'Uva', description: 'Roxa' },
								],
							},
						},
					],
				},
			},
			{
				number: to,
				type: 'list',
				text: 'Escolha',
				listButton: 'Ver',
				footerText: 'Rodapé',
				choices: ['[Frutas]', 'Maçã|apple|Vermelha', 'Banana', 'Uva|Uva|Roxa'],
			},
		],
	],
	messageOptions: {
		list: ['Extra Fields (JSON)', 'Footer', 'Recipient Override', 'Text Variants'],
	},
	json: (_type, { pick, choices }) => ({
		shape: {
			text: pick(words),
			listButton: pick(words),
			footerText: pick(words),
			choices: choices(listChoices),
		},
		required: ['text', 'listButton', 'choices'],
	}),
	fields: (_type, { pick }) => {
		const row = fc.record(
			{ title: pick(label), id: pick(label), description: pick(label) },
			{ requiredKeys: ['title'] },
		);
		return {
			listText: pick(words),
			listButton: pick(words),
			footerText: pick(words),
			listSections: pick(
				fc
					.array(
						fc.record({
							title: pick(label),
							rows: fc.array(row, { minLength: 1, maxLength: 3 }).map((rows) => ({ row: rows })),
						}),
						{ minLength: 1, maxLength: 3 },
					)
					.map((section) => ({ section })),
			),
		};
	},
	parity: {
		shape: (_type, { text, optional, choices }) => ({
			text,
			listButton: text,
			footerText: optional(text),
			choices,
		}),
		optional: [],
		editorNames: { text: 'listText', listButton: 'listButton', footerText: 'footerText' },
	},
};
