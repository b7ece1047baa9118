import type { IDataObject } from 'n8n-workflow';

import { LIMITS } from '../../shared/contract';
import {
	buttonsProperty,
	builderOnly,
	carouselChoicesProblem,
	checkedChoices,
	compileButtons,
	readRawChoices,
	usesRawChoices,
} from './choices';
import { showFor, type MessageTypeDefinition } from './definition';
import { FieldProblem, fieldPath } from '../../shared/problem';
import { readEntries, readText } from './read';
import { isBase64, isHttpUrl, messageSchema, requiredText } from './schema';

const CHOICES_FIX = `Add 1 to ${LIMITS.carouselCardsMax} cards, each with a title, an image and at least one button.`;

function guardCardText(value: string, field: string): string {
	if (/[[\]]/.test(value)) {
		throw new FieldProblem(
			field,
			'contains a square bracket, which would end the card text early',
			'Remove "[" and "]", e.g. use round brackets.',
		);
	}
	return value;
}

function compileCard(card: IDataObject, path: string): string[] {
	const titleField = fieldPath(path, 'Title');
	const title = guardCardText(readText(card, 'title', titleField), titleField);
	if (title === '')
		throw new FieldProblem(titleField, 'is empty', 'Give the card a title, e.g. the product name.');
	if (/[\r\n]/.test(title)) {
		throw new FieldProblem(
			titleField,
			'contains a line break, which moves the rest into the card body',
			'Put the title on one line and the rest in Body.',
		);
	}
	const body = guardCardText(
		readText(card, 'body', fieldPath(path, 'Body')),
		fieldPath(path, 'Body'),
	);
	const imageField = fieldPath(path, 'Image');
	const image = readText(card, 'image', imageField);
	if (image === '') {
		throw new FieldProblem(
			imageField,
			'is empty: every carousel card needs an image',
			'Enter a public image URL, e.g. https://example.com/product.jpg.',
		);
	}
	if (/[{}]/.test(image) || !(isHttpUrl(image) || isBase64(image))) {
		throw new FieldProblem(
			imageField,
			'is neither an http(s) URL nor base64 content',
			'Enter a public image URL, e.g. https://example.com/product.jpg.',
		);
	}
	const buttons = compileButtons(card, path);
	if (buttons.length === 0) {
		throw new FieldProblem(
			fieldPath(path, 'Buttons'),
			'is empty: every carousel card needs a button',
			'Add at least one button to the card.',
		);
	}
	return [body === '' ? `[${title}]` : `[${title}\n${body}]`, `{${image}}`, ...buttons];
}

function compileCards(fields: IDataObject): string[] {
	const cards = readEntries(fields, 'cards', 'card');
	if (cards.length === 0 || cards.length > LIMITS.carouselCardsMax) {
		throw new FieldProblem('Cards', `has ${cards.length} cards`, CHOICES_FIX);
	}
	return cards.flatMap((card, index) => compileCard(card, fieldPath('Cards', `card ${index + 1}`)));
}

export const carousel: MessageTypeDefinition = {
	type: 'carousel',
	displayName: 'Carousel',
	description: 'Text followed by swipeable cards, each with an image and buttons',
	properties: showFor(
		['carousel'],
		[
			{
				displayName: 'Text',
				name: 'carouselText',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
				required: true,
				placeholder: 'e.g. Meet our products',
			},
			{
				displayName: 'Cards',
				name: 'cards',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true, sortable: true },
				placeholder: 'Add Card',
				default: {},
				displayOptions: { show: builderOnly },
				options: [
					{
						displayName: 'Card',
						name: 'card',
						values: [
							{
								displayName: 'Title',
								name: 'title',
								type: 'string',
								default: '',
								placeholder: 'e.g. Smartphone XYZ',
							},
							{
								displayName: 'Body',
								name: 'body',
								type: 'string',
								typeOptions: { rows: 2 },
								default: '',
								placeholder: 'e.g. Our most advanced smartphone',
							},
							{
								displayName: 'Image',
								name: 'image',
								type: 'string',
								default: '',
								placeholder: 'e.g. https://example.com/product1.jpg',
								description: 'URL or base64 of the card image (required)',
							},
							buttonsProperty('Buttons of this card'),
						],
					},
				],
			},
		],
	),
	schema: messageSchema('carousel', {
		text: requiredText(LIMITS.textLength, 'Enter the text shown above the cards.'),
		choices: checkedChoices(carouselChoicesProblem, CHOICES_FIX),
	}),
	labels: { text: 'Text', choices: 'Cards' },
	build(fields) {
		return {
			text: readText(fields, 'carouselText', 'Text'),
			choices: (usesRawChoices(fields) ? readRawChoices(fields) : compileCards(fields)) as string[],
		};
	},
};
