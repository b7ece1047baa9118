import { field, type MessageField } from '../definition';

/** Fields every interactive type has. */

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
