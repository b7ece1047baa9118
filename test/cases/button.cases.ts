import fc from 'fast-check';

import { button, buttonChoice, buttons, fileRef, TO as to, url, words } from './kit';
import type { MessageTypeCases } from './types';

export const buttonCases: MessageTypeCases = {
	types: ['button'],
	builds: [
		[
			'buttons written one per line',
			{
				type: 'button',
				buttonsText: 'Escolha',
				choicesInput: 'lines',
				choiceLines: 'Sim|yes\n\nSite|https://loja.com\nCupom|copy:PROMO10\n',
			},
			{
				number: to,
				type: 'button',
				text: 'Escolha',
				choices: ['Sim|yes', 'Site|https://loja.com', 'Cupom|copy:PROMO10'],
			},
		],
		[
			'buttons of every action',
			{
				type: 'button',
				buttonsText: 'Escolha',
				buttons: {
					button: [
						button('reply', 'Sim', { id: 'yes' }),
						button('reply', 'Talvez'),
						button('url', 'Site', { url: 'https://loja.com' }),
						button('copy', 'Cupom', { code: 'PROMO10' }),
						button('call', 'Ligar', { phone: '+55 (11) 99999-9999' }),
					],
				},
			},
			{
				number: to,
				type: 'button',
				text: 'Escolha',
				choices: [
					'Sim|yes',
					'Talvez',
					'Site|https://loja.com',
					'Cupom|copy:PROMO10',
					'Ligar|call:+5511999999999',
				],
			},
		],
		[
			'raw choices (expert mode) pass through',
			{
				type: 'button',
				buttonsText: 'Escolha',
				choicesInput: 'raw',
				rawChoices: '["A|a", "B|https://b.com"]',
			},
			{ number: to, type: 'button', text: 'Escolha', choices: ['A|a', 'B|https://b.com'] },
		],
	],
	messageOptions: {
		button: ['Extra Fields (JSON)', 'Footer', 'Image', 'Recipient Override', 'Text Variants'],
	},
	json: (_type, { pick, choices }) => ({
		shape: {
			text: pick(words),
			footerText: pick(words),
			imageButton: pick(fileRef),
			choices: choices(fc.array(buttonChoice, { minLength: 1, maxLength: 3 })),
		},
		required: ['text', 'choices'],
	}),
	fields: (_type, { pick }) => ({
		buttonsText: pick(words),
		footerText: pick(words),
		buttonsImage: pick(url),
		buttons: pick(buttons(pick, 1)),
		choicesInput: fc.constantFrom('builder', 'builder', 'builder', 'lines', 'raw'),
		rawChoices: pick(fc.constant('["Sim|yes", "Não|no"]')),
		choiceLines: pick(fc.constant('Sim|yes\nNão|no')),
	}),
	parity: {
		shape: (_type, { text, optional, optionalFile, choices }) => ({
			text,
			footerText: optional(text),
			imageButton: optionalFile,
			choices,
		}),
		optional: [],
		editorNames: { text: 'buttonsText', footerText: 'footerText', imageButton: 'buttonsImage' },
	},
};
