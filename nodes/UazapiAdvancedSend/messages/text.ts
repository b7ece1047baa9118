import { LIMITS } from '../../shared/contract';
import { field, labelsOf, showFor, type MessageTypeDefinition } from './definition';
import { readBoolean, readField, withoutEmpty } from './read';
import { messageSchema, optionalBoolean, optionalText, requiredText, urlOrBase64 } from './schema';

const previewOnly = { linkPreview: [true] };

const body = field('text', {
	displayName: 'Text',
	name: 'text',
	type: 'string',
	typeOptions: { rows: 4 },
	default: '',
	required: true,
	placeholder: 'e.g. Hi {{ $json.firstName }}, your order has shipped!',
	description: 'The message. Use expressions to personalise it for each input item.',
});
const preview = field('linkPreview', {
	displayName: 'Link Preview',
	name: 'linkPreview',
	type: 'boolean',
	default: false,
	description: 'Whether WhatsApp shows a preview of the first link in the text',
});
/** A detail of the link preview, shown once Link Preview is on. */
function previewText(key: string, displayName: string, description: string, placeholder?: string) {
	return field(key, {
		displayName,
		name: key,
		type: 'string',
		default: '',
		...(placeholder ? { placeholder } : {}),
		description,
		displayOptions: { show: previewOnly },
	});
}
const previewTitle = previewText(
	'linkPreviewTitle',
	'Preview Title',
	'Replaces the title read from the page',
);
const previewDescription = previewText(
	'linkPreviewDescription',
	'Preview Description',
	'Replaces the description read from the page',
);
const previewImage = previewText(
	'linkPreviewImage',
	'Preview Image',
	'URL or base64 of the image shown in the preview',
	'e.g. https://example.com/cover.jpg',
);
const previewLarge = field('linkPreviewLarge', {
	displayName: 'Large Preview',
	name: 'linkPreviewLarge',
	type: 'boolean',
	default: false,
	description: 'Whether the preview uses a large image',
	displayOptions: { show: previewOnly },
});
const FIELDS = [body, preview, previewTitle, previewDescription, previewImage, previewLarge];

export const text: MessageTypeDefinition = {
	type: 'text',
	displayName: 'Text',
	description: 'A text message, optionally with a link preview',
	properties: showFor(['text'], [body.property]),
	options: {
		name: 'textMessageOptions',
		fields: [preview, previewTitle, previewDescription, previewImage, previewLarge].map(
			(declared) => declared.property,
		),
	},
	schema: messageSchema('text', {
		text: requiredText(LIMITS.textLength, 'Enter the text to send.'),
		linkPreview: optionalBoolean,
		linkPreviewTitle: optionalText(),
		linkPreviewDescription: optionalText(),
		linkPreviewImage: urlOrBase64(
			'Use a public image URL such as https://example.com/cover.jpg.',
		).optional(),
		linkPreviewLarge: optionalBoolean,
	}),
	labels: labelsOf(FIELDS),
	build(fields) {
		const message = { text: readField(fields, body) };
		if (!readBoolean(fields, preview.property.name)) return message;
		return withoutEmpty({
			...message,
			linkPreview: true,
			linkPreviewTitle: readField(fields, previewTitle),
			linkPreviewDescription: readField(fields, previewDescription),
			linkPreviewImage: readField(fields, previewImage),
			linkPreviewLarge: readBoolean(fields, previewLarge.property.name) || undefined,
		});
	},
};
