import fc from 'fast-check';

import type { SenderMessageType } from '../../nodes/shared/contract';
import { base64, fileRef, PDF, TO as to, url, words } from './kit';
import type { MessageTypeCases } from './types';

const CAPTIONED: SenderMessageType[] = ['image', 'video', 'videoplay', 'document'];

export const mediaCases: MessageTypeCases = {
	types: ['image', 'video', 'videoplay', 'audio', 'ptt', 'myaudio', 'sticker', 'document'],
	builds: [
		[
			'image from URL with caption',
			{
				type: 'image',
				mediaSource: 'url',
				mediaUrl: 'https://x.com/a.jpg',
				caption: 'Nova coleção',
			},
			{ number: to, type: 'image', file: 'https://x.com/a.jpg', text: 'Nova coleção' },
		],
		[
			'video from base64',
			{ type: 'video', mediaSource: 'base64', mediaBase64: 'AAAAGGZ0eXBtcDQy' },
			{ number: to, type: 'video', file: 'AAAAGGZ0eXBtcDQy' },
		],
		[
			'videoplay',
			{ type: 'videoplay', mediaUrl: 'https://x.com/loop.mp4', caption: 'Loop' },
			{ number: to, type: 'videoplay', file: 'https://x.com/loop.mp4', text: 'Loop' },
		],
		[
			'audio (no caption field)',
			{ type: 'audio', mediaUrl: 'https://x.com/a.mp3', caption: 'dropped' },
			{ number: to, type: 'audio', file: 'https://x.com/a.mp3' },
		],
		[
			'ptt',
			{ type: 'ptt', mediaUrl: 'https://x.com/voz.ogg' },
			{ number: to, type: 'ptt', file: 'https://x.com/voz.ogg' },
		],
		[
			'myaudio',
			{ type: 'myaudio', mediaUrl: 'https://x.com/voz.ogg' },
			{ number: to, type: 'myaudio', file: 'https://x.com/voz.ogg' },
		],
		[
			'sticker',
			{ type: 'sticker', mediaUrl: 'https://x.com/s.webp' },
			{ number: to, type: 'sticker', file: 'https://x.com/s.webp' },
		],
		[
			'document from URL',
			{
				type: 'document',
				mediaUrl: 'https://example.com/doc.pdf',
				docName: 'Documento.pdf',
				caption: 'Seu boleto',
			},
			{
				number: to,
				type: 'document',
				file: 'https://example.com/doc.pdf',
				text: 'Seu boleto',
				docName: 'Documento.pdf',
			},
		],
		[
			'document from a binary property takes its file name and MIME type',
			{ type: 'document', mediaSource: 'binary', binaryProperty: 'boleto' },
			{
				number: to,
				type: 'document',
				file: PDF.toString('base64'),
				docName: 'boleto.pdf',
				mimetype: 'application/pdf',
			},
		],
		[
			'document from binary keeps an explicit file name',
			{ type: 'document', mediaSource: 'binary', docName: 'Fatura.pdf' },
			{
				number: to,
				type: 'document',
				file: PDF.toString('base64'),
				docName: 'Fatura.pdf',
				mimetype: 'application/pdf',
			},
		],
	],
	messageOptions: {
		image: ['Extra Fields (JSON)', 'Recipient Override'],
		document: ['Extra Fields (JSON)', 'Recipient Override'],
	},
	json: (type, { pick }) => ({
		shape: {
			file: pick(fileRef),
			mimetype: pick(fc.constantFrom('application/pdf', 'image/png', 'audio/ogg')),
			...(CAPTIONED.includes(type) ? { text: pick(words) } : {}),
			...(type === 'document' ? { docName: pick(words) } : {}),
		},
		required: ['file'],
	}),
	fields: (_type, { pick }) => ({
		mediaSource: pick(fc.constantFrom('url', 'url', 'base64', 'binary')),
		mediaUrl: pick(url),
		mediaBase64: pick(base64),
		binaryProperty: pick(fc.constantFrom('data', 'data', 'missing')),
		caption: pick(words),
		docName: pick(words),
	}),
	parity: {
		shape: (type, { text, optional, file }) => ({
			file,
			...(CAPTIONED.includes(type) ? { text: optional(text) } : {}),
			...(type === 'document' ? { docName: optional(text) } : {}),
		}),
		optional: [],
		editorNames: { text: 'caption', docName: 'docName' },
	},
};
