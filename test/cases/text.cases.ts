import fc from 'fast-check';

import { fileRef, TO as to, words, type ValuePicker } from './kit';
import type { MessageTypeCases, Shape } from './types';

function fieldsOf(pick: ValuePicker): Shape {
	return {
		text: pick(words),
		linkPreview: pick(fc.boolean()),
		linkPreviewTitle: pick(words),
		linkPreviewDescription: pick(words),
		linkPreviewImage: pick(fileRef),
		linkPreviewLarge: pick(fc.boolean()),
	};
}

export const textCases: MessageTypeCases = {
	types: ['text'],
	builds: [
		[
			'text',
			{ type: 'text', text: 'Olá, Maria!' },
			{ number: to, type: 'text', text: 'Olá, Maria!' },
		],
		[
			'text with link preview',
			{
				type: 'text',
				text: 'Veja https://loja.com',
				textMessageOptions: {
					linkPreview: true,
					linkPreviewTitle: 'Loja',
					linkPreviewDescription: 'Ofertas',
					linkPreviewImage: 'https://loja.com/capa.jpg',
					linkPreviewLarge: true,
				},
			},
			{
				number: to,
				type: 'text',
				text: 'Veja https://loja.com',
				linkPreview: true,
				linkPreviewTitle: 'Loja',
				linkPreviewDescription: 'Ofertas',
				linkPreviewImage: 'https://loja.com/capa.jpg',
				linkPreviewLarge: true,
			},
		],
		[
			'text ignores preview fields while preview is off',
			{
				type: 'text',
				text: 'Oi',
				textMessageOptions: { linkPreview: false, linkPreviewTitle: 'hidden' },
			},
			{ number: to, type: 'text', text: 'Oi' },
		],
		[
			'a message can go to another recipient',
			{
				type: 'text',
				text: 'Aviso ao grupo',
				textMessageOptions: { number: '120363012345678901@g.us' },
			},
			{ number: '120363012345678901@g.us', type: 'text', text: 'Aviso ao grupo' },
		],
	],
	messageOptions: {
		text: [
			'Extra Fields (JSON)',
			'Large Preview',
			'Link Preview',
			'Preview Description',
			'Preview Image',
			'Preview Title',
			'Recipient Override',
			'Text Variants',
		],
	},
	json: (_type, { pick }) => ({ shape: fieldsOf(pick), required: ['text'] }),
	// The editor's fields of a text message carry uazapi's own names.
	fields: (_type, { pick }) => fieldsOf(pick),
	parity: {
		shape: (_type, { text, optional, optionalFile }) => ({
			text,
			linkPreview: fc.constant(true),
			linkPreviewTitle: optional(text),
			linkPreviewImage: optionalFile,
		}),
		optional: ['linkPreviewTitle', 'linkPreviewImage'],
		editorNames: {
			text: 'text',
			linkPreview: 'linkPreview',
			linkPreviewTitle: 'linkPreviewTitle',
			linkPreviewImage: 'linkPreviewImage',
		},
	},
};
