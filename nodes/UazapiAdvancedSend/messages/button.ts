import { LIMITS } from '../../shared/contract';
import {
	buttonChoicesProblem,
	buttonsProperty,
	builderOnly,
	checkedChoices,
	compileButtons,
	readRawChoices,
	usesRawChoices,
} from './choices';
import { showFor, type MessageTypeDefinition } from './definition';
import { FieldProblem } from '../../shared/problem';
import { readText, withoutEmpty } from './read';
import { messageSchema, optionalText, requiredText, urlOrBase64 } from './schema';

const CHOICES_FIX = 'Add at least one button, each with a label and an action.';

export const button: MessageTypeDefinition = {
	type: 'button',
	displayName: 'Buttons',
	description: 'Text with reply, link, copy-code or call buttons, and an optional image',
	properties: showFor(
		['button'],
		[
			{
				displayName: 'Text',
				name: 'buttonsText',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
				required: true,
				placeholder: 'e.g. Special offer! See our deals',
			},
			{
				displayName: 'Footer',
				name: 'buttonsFooter',
				type: 'string',
				default: '',
				placeholder: 'e.g. Valid until 31/12',
				description: 'Small text under the message',
			},
			{
				displayName: 'Image',
				name: 'buttonsImage',
				type: 'string',
				default: '',
				placeholder: 'e.g. https://example.com/banner.jpg',
				description: 'URL or base64 of an image shown above the text',
			},
			{
				...buttonsProperty(
					'Buttons in the order they are shown. Avoid mixing Reply with other actions: WhatsApp Web then asks to open the phone.',
				),
				displayOptions: { show: builderOnly },
			},
		],
	),
	schema: messageSchema('button', {
		text: requiredText(LIMITS.textLength, 'Enter the text shown above the buttons.'),
		footerText: optionalText(LIMITS.captionLength),
		imageButton: urlOrBase64(
			'Use a public image URL, e.g. https://example.com/banner.jpg.',
		).optional(),
		choices: checkedChoices(buttonChoicesProblem, CHOICES_FIX),
	}),
	labels: { text: 'Text', footerText: 'Footer', imageButton: 'Image', choices: 'Buttons' },
	build(fields) {
		const choices = usesRawChoices(fields) ? readRawChoices(fields) : compileButtons(fields);
		if (Array.isArray(choices) && choices.length === 0) {
			throw new FieldProblem('Buttons', 'has no buttons', CHOICES_FIX);
		}
		return withoutEmpty(
			{
				text: readText(fields, 'buttonsText', 'Text'),
				footerText: readText(fields, 'buttonsFooter', 'Footer'),
				imageButton: readText(fields, 'buttonsImage', 'Image'),
				choices: choices as string[],
			},
			['text'],
		);
	},
};
