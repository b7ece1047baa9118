import fc from 'fast-check';

import { label, TO as to, words } from './kit';
import type { MessageTypeCases } from './types';

export const pollCases: MessageTypeCases = {
	types: ['poll'],
	builds: [
		[
			'poll options one per line',
			{
				type: 'poll',
				pollQuestion: 'Qual dia?',
				choicesInput: 'lines',
				choiceLines: 'Segunda\nQuarta\nSexta',
			},
			{
				number: to,
				type: 'poll',
				text: 'Qual dia?',
				choices: ['Segunda', 'Quarta', 'Sexta'],
				selectableCount: 1,
			},
		],
		[
			'poll',
			{
				type: 'poll',
				pollQuestion: 'Qual dia?',
				pollOptions: { option: [{ text: 'Segunda' }, { text: 'Terça' }] },
				pollMessageOptions: { selectableCount: 2 },
			},
			{
				number: to,
				type: 'poll',
				text: 'Qual dia?',
				choices: ['Segunda', 'Terça'],
				selectableCount: 2,
			},
		],
	],
	messageOptions: {
		poll: [
			'Extra Fields (JSON)',
			'Footer',
			'Recipient Override',
			'Selectable Count',
			'Text Variants',
		],
	},
	json: (_type, { pick, choices }) => ({
		shape: {
			text: pick(words),
			choices: choices(fc.uniqueArray(label, { minLength: 2, maxLength: 12 })),
			selectableCount: pick(fc.integer({ min: 1, max: 3 })),
		},
		required: ['text', 'choices'],
	}),
	fields: (_type, { pick }) => ({
		pollQuestion: pick(words),
		pollOptions: pick(
			fc.uniqueArray(label, { minLength: 2, maxLength: 12 }).map((texts) => ({
				option: texts.map((text) => ({ text })),
			})),
		),
		selectableCount: pick(fc.integer({ min: 1, max: 3 })),
		choicesInput: fc.constantFrom('builder', 'builder', 'lines', 'raw'),
		rawChoices: pick(
			fc.uniqueArray(label, { minLength: 2, maxLength: 4 }).map((list) => JSON.stringify(list)),
		),
		choiceLines: pick(
			fc.uniqueArray(label, { minLength: 2, maxLength: 4 }).map((list) => list.join('\n')),
		),
	}),
	parity: {
		shape: (_type, { text, optional, choices }) => ({
			text,
			choices,
			selectableCount: fc.constantFrom(1, 2, 0, 1.5, 20),
			footerText: optional(text),
		}),
		optional: [],
		editorNames: {
			text: 'pollQuestion',
			selectableCount: 'selectableCount',
			footerText: 'footerText',
		},
	},
};
