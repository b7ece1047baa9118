import { LIMITS } from '../../shared/contract';
import { showFor, type MessageTypeDefinition } from './definition';
import { readBoolean, readText, withoutEmpty } from './read';
import { messageSchema, optionalBoolean, optionalText, requiredText, urlOrBase64 } from './schema';

const previewOnly = { linkPreview: [true] };

export const text: MessageTypeDefinition = {
	type: 'text',
	displayName: 'Text',
	description: 'A text message, optionally with a link preview',
	properties: showFor(
		['text'],
		[
			{
				displayName: 'Text',
				name: 'text',
				type: 'string',
				typeOptions: { rows: 4 },
				default: '',
				required: true,
				placeholder: 'e.g. Hi {{ $json.firstName }}, your order has shipped!',
				description: 'The message. Use expressions to personalise it for each input item.',
			},
			{
				displayName: 'Link Preview',
				name: 'linkPreview',
				type: 'boolean',
				default: false,
				description: 'Whether WhatsApp shows a preview of the first link in the text',
			},
			{
				displayName: 'Preview Title',
				name: 'linkPreviewTitle',
				type: 'string',
				default: '',
				description: 'Replaces the title read from the page',
				displayOptions: { show: previewOnly },
			},
			{
				displayName: 'Preview Description',
				name: 'linkPreviewDescription',
				type: 'string',
				default: '',
				description: 'Replaces the description read from the page',
				displayOptions: { show: previewOnly },
			},
			{
				displayName: 'Preview Image',
				name: 'linkPreviewImage',
				type: 'string',
				default: '',
				placeholder: 'e.g. https://example.com/cover.jpg',
				description: 'URL or base64 of the image shown in the preview',
				displayOptions: { show: previewOnly },
			},
			{
				displayName: 'Large Preview',
				name: 'linkPreviewLarge',
				type: 'boolean',
				default: false,
				description: 'Whether the preview uses a large image',
				displayOptions: { show: previewOnly },
			},
		],
	),
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
	labels: {
		text: 'Text',
		linkPreview: 'Link Preview',
		linkPreviewTitle: 'Preview Title',
		linkPreviewDescription: 'Preview Description',
		linkPreviewImage: 'Preview Image',
		linkPreviewLarge: 'Large Preview',
	},
	build(fields) {
		const message = { text: readText(fields, 'text', 'Text') };
		if (!readBoolean(fields, 'linkPreview')) return message;
		return withoutEmpty({
			...message,
			linkPreview: true,
			linkPreviewTitle: readText(fields, 'linkPreviewTitle', 'Preview Title'),
			linkPreviewDescription: readText(fields, 'linkPreviewDescription', 'Preview Description'),
			linkPreviewImage: readText(fields, 'linkPreviewImage', 'Preview Image'),
			linkPreviewLarge: readBoolean(fields, 'linkPreviewLarge') || undefined,
		});
	},
};
