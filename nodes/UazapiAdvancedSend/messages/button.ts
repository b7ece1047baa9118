import { LIMITS } from '../../shared/contract';
import {
	buttonChoicesProblem,
	buttonsProperty,
	checkedChoices,
	choiceFields,
	choicesLabel,
	compileButtons,
	readChoices,
	footerField,
	interactiveText,
} from './choices';
import { extraLabel, field, labelsOf, showFor, type MessageTypeDefinition } from './definition';
import { readField, withoutEmpty } from './read';
import { messageSchema, optionalText, requiredText, urlOrBase64 } from './schema';

const CHOICES_FIX = 'Add at least one button, each with a label and an action.';

const body = interactiveText('buttonsText', 'e.g. Special offer! See our deals');
const footer = footerField();
const image = field('imageButton', {
	displayName: 'Image',
	name: 'buttonsImage',
	type: 'string',
	default: '',
	placeholder: 'e.g. https://example.com/banner.jpg',
	description: 'URL or base64 of an image shown above the text',
});
const buttons = buttonsProperty(
	'Buttons in the order they are shown. Avoid mixing Reply with other actions: WhatsApp Web then asks to open the phone.',
);

export const button: MessageTypeDefinition = {
	type: 'button',
	displayName: 'Buttons',
	description: 'Text with reply, link, copy-code or call buttons, and an optional image',
	properties: showFor(
		['button'],
		[
			body.property,
			...choiceFields(buttons, {
				placeholder:
					'e.g.\nI want it|want\nSee offers|https://example.com/offers\nCopy coupon|copy:PROMO10\nCall us|call:+5511999999999',
				description:
					'One button per line: "Label|id" replies with the id, "Label|https://…" opens a link, "Label|copy:CODE" copies a code, "Label|call:+55…" calls',
			}),
		],
	),
	options: { name: 'buttonMessageOptions', fields: [footer.property, image.property] },
	schema: messageSchema('button', {
		text: requiredText(LIMITS.textLength, 'Enter the text shown above the buttons.'),
		footerText: optionalText(LIMITS.captionLength),
		imageButton: urlOrBase64(
			'Use a public image URL, e.g. https://example.com/banner.jpg.',
		).optional(),
		choices: checkedChoices(buttonChoicesProblem, CHOICES_FIX),
		buttonText: optionalText(LIMITS.captionLength),
	}),
	labels: labelsOf([body, footer, image], {
		choices: choicesLabel(buttons.displayName),
		buttonText: extraLabel('buttonText'),
	}),
	build(fields) {
		return withoutEmpty(
			{
				text: readField(fields, body),
				footerText: readField(fields, footer),
				imageButton: readField(fields, image),
				choices: readChoices(fields, compileButtons),
			},
			['text'],
		);
	},
};
