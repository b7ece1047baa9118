import fc from 'fast-check';

import { button, buttonChoice, buttons, label, TO as to, url, words } from './kit';
import type { MessageTypeCases } from './types';

/** Cards in the choices grammar: title and body, image, buttons. */
const carouselChoices = fc
	.array(
		fc.tuple(label, fc.option(label), url, fc.array(buttonChoice, { minLength: 1, maxLength: 2 })),
		{ minLength: 1, maxLength: 3 },
	)
	.map((cards) =>
		cards.flatMap(([title, body, image, buttons]) => [
			body === null ? `[${title}]` : `[${title}\n${body}]`,
			`{${image}}`,
			...buttons,
		]),
	);

export const carouselCases: MessageTypeCases = {
	types: ['carousel'],
	builds: [
		[
			'carousel written one per line, a card text on two lines',
			{
				type: 'carousel',
				carouselText: 'Produtos',
				choicesInput: 'lines',
				choiceLines: '[Caneca\nA melhor]\n{https://loja.com/c.jpg}\nQuero|mug',
			},
			{
				number: to,
				type: 'carousel',
				text: 'Produtos',
				choices: ['[Caneca\nA melhor]', '{https://loja.com/c.jpg}', 'Quero|mug'],
			},
		],
		[
			'carousel card without body',
			{
				type: 'carousel',
				carouselText: 'Produtos',
				cards: {
					card: [
						{
							title: 'Caneca',
							image: 'https://x.com/c.jpg',
							buttons: { button: [button('reply', 'Quero', { id: 'caneca' })] },
						},
					],
				},
			},
			{
				number: to,
				type: 'carousel',
				text: 'Produtos',
				choices: ['[Caneca]', '{https://x.com/c.jpg}', 'Quero|caneca'],
			},
		],
	],
	messageOptions: {
		carousel: ['Extra Fields (JSON)', 'Footer', 'Recipient Override', 'Text Variants'],
	},
	json: (_type, { pick, choices }) => ({
		shape: { text: pick(words), choices: choices(carouselChoices) },
		required: ['text', 'choices'],
	}),
	fields: (_type, { pick }) => ({
		carouselText: pick(words),
		cards: pick(
			fc
				.array(
					fc.record(
						{
							title: pick(label),
							body: pick(label),
							image: pick(url),
							buttons: buttons(pick, 1),
						},
						{ requiredKeys: ['title', 'image', 'buttons'] },
					),
					{ minLength: 1, maxLength: 3 },
				)
				.map((card) => ({ card })),
		),
	}),
	parity: {
		shape: (_type, { text, optional, choices }) => ({
			text,
			footerText: optional(text),
			choices,
		}),
		optional: [],
		editorNames: { text: 'carouselText', footerText: 'footerText' },
	},
};
