import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { LIMITS } from '../../shared/contract';
import {
	buttonsProperty,
	carouselChoicesProblem,
	checkedChoices,
	choiceFields,
	choicesLabel,
	compileButtons,
	readChoices,
	footerField,
	interactiveText,
} from './choices';
import { extraLabel, labelsOf, showFor, type MessageTypeDefinition } from './definition';
import { FieldProblem, fieldPath } from '../../shared/problem';
import { readEntries, readField, readText, withoutEmpty } from './read';
import { isBase64, isHttpUrl, messageSchema, optionalText, requiredText } from './schema';

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
	const titleField = fieldPath(path, 'Card Title');
	const title = guardCardText(readText(card, 'title', titleField), titleField);
	if (title === '')
		throw new FieldProblem(titleField, 'is empty', 'Give the card a title, e.g. the product name.');
	if (/[\r\n]/.test(title)) {
		throw new FieldProblem(
			titleField,
			'contains a line break, which moves the rest into the card body',
			'Put the title on one line and the rest in Card Body.',
		);
	}
	const body = guardCardText(
		readText(card, 'body', fieldPath(path, 'Card Body')),
		fieldPath(path, 'Card Body'),
	);
	const imageField = fieldPath(path, 'Card Image');
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
	return [
		body === '' ? `[${title}]` : `[${title}\n${body}]`,
		`{${image}}`,
		...compileButtons(card, path),
	];
}

function compileCards(fields: IDataObject): string[] {
	return readEntries(fields, 'cards', 'card').flatMap((card, index) =>
		compileCard(card, fieldPath(cards.displayName, `card ${index + 1}`)),
	);
}

const body = interactiveText('carouselText', 'e.g. Meet our products');
const footer = footerField();
const cards: INodeProperties = {
	displayName: 'Cards',
	name: 'cards',
	description: `1 to ${LIMITS.carouselCardsMax} cards; each needs a title, an image and at least one button`,
	type: 'fixedCollection',
	typeOptions: { multipleValues: true, sortable: true },
	placeholder: 'Add Card',
	default: {},
	options: [
		{
			displayName: 'Card',
			name: 'card',
			values: [
				{
					displayName: 'Card Title',
					name: 'title',
					type: 'string',
					default: '',
					placeholder: 'e.g. Smartphone XYZ',
				},
				{
					displayName: 'Card Body',
					name: 'body',
					type: 'string',
					typeOptions: { rows: 2 },
					default: '',
					placeholder: 'e.g. Our most advanced smartphone',
				},
				{
					displayName: 'Card Image',
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
};

export const carousel: MessageTypeDefinition = {
	type: 'carousel',
	displayName: 'Carousel',
	description: 'Text followed by swipeable cards, each with an image and buttons',
	properties: showFor(
		['carousel'],
		[
			body.property,
			...choiceFields(cards, {
				placeholder:
					'e.g.\n[Mug\nThe best mug]\n{https://example.com/mug.jpg}\nI want it|mug\n[Shirt]\n{https://example.com/shirt.jpg}\nI want it|shirt',
				description:
					'Each card: "[Title]", or "[Title" and "Body]" on two lines; then "{image URL}"; then its buttons, one per line, written as in Buttons',
			}),
		],
	),
	options: { name: 'carouselMessageOptions', fields: [footer.property] },
	schema: messageSchema('carousel', {
		text: requiredText(LIMITS.textLength, 'Enter the text shown above the cards.'),
		choices: checkedChoices(carouselChoicesProblem, CHOICES_FIX),
		footerText: optionalText(LIMITS.captionLength),
		buttonText: optionalText(LIMITS.captionLength),
	}),
	labels: labelsOf([body, footer], {
		choices: choicesLabel(cards.displayName),
		buttonText: extraLabel('buttonText'),
	}),
	build(fields) {
		return withoutEmpty(
			{
				text: readField(fields, body),
				choices: readChoices(fields, compileCards),
				footerText: readField(fields, footer),
			},
			['text'],
		);
	},
};
