import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { LIMITS, type SenderMessageType } from '../../shared/contract';
import { article } from '../../shared/text';
import {
	field,
	labelsOf,
	showFor,
	type BuildContext,
	type MessageOptions,
	type MessageTypeDefinition,
} from './definition';
import { FieldProblem } from '../../shared/problem';
import { readField, withoutEmpty } from './read';
import {
	base64Bytes,
	isHttpUrl,
	messageSchema,
	optionalText,
	refine,
	says,
	urlOrBase64,
} from './schema';
import { z } from 'zod/v3';

interface MediaKind {
	type: SenderMessageType;
	displayName: string;
	description: string;
	/** MIME type family a binary file must belong to, or undefined for any file. */
	mimePrefix?: string;
	/** An example link, shown in the Media URL field. */
	example: string;
}

const KINDS: MediaKind[] = [
	{
		type: 'image',
		displayName: 'Image',
		description: 'A picture (JPG or PNG) with an optional caption',
		mimePrefix: 'image/',
		example: 'https://example.com/photo.jpg',
	},
	{
		type: 'video',
		displayName: 'Video',
		description: 'An MP4 video with an optional caption',
		mimePrefix: 'video/',
		example: 'https://example.com/video.mp4',
	},
	{
		type: 'videoplay',
		displayName: 'Video (Autoplay)',
		description: 'An MP4 video that plays and loops by itself',
		mimePrefix: 'video/',
		example: 'https://example.com/video.mp4',
	},
	{
		type: 'audio',
		displayName: 'Audio',
		description: 'An audio file shown with a play button, like a song (MP3, OGG)',
		mimePrefix: 'audio/',
		example: 'https://example.com/song.mp3',
	},
	{
		type: 'ptt',
		displayName: 'Voice Note',
		description: 'A voice message, shown as if recorded in the chat (OGG/Opus works best)',
		mimePrefix: 'audio/',
		example: 'https://example.com/voice.ogg',
	},
	{
		type: 'myaudio',
		displayName: 'My Audio',
		description:
			"uazapi's other way of sending a voice message; try it if Voice Note does not play",
		mimePrefix: 'audio/',
		example: 'https://example.com/voice.ogg',
	},
	{
		type: 'sticker',
		displayName: 'Sticker',
		description: 'A sticker, usually WEBP',
		mimePrefix: 'image/',
		example: 'https://example.com/sticker.webp',
	},
	{
		type: 'document',
		displayName: 'Document',
		description: 'A file such as a PDF, with file name and caption',
		example: 'https://example.com/catalog.pdf',
	},
];

const MEDIA_TYPES = KINDS.map((kind) => kind.type);
const CAPTIONED: SenderMessageType[] = ['image', 'video', 'videoplay', 'document'];

const FILE_FIX =
	'Give a public http(s) URL, base64 content, or pick "Binary Property" to send a file from the input item.';

const source: INodeProperties = {
	displayName: 'Media Source',
	name: 'mediaSource',
	type: 'options',
	options: [
		{ name: 'URL', value: 'url', description: 'A public link uazapi downloads the file from' },
		{ name: 'Base64', value: 'base64', description: 'The file content encoded as base64' },
		{
			name: 'Binary Property',
			value: 'binary',
			description: 'A file attached to the input item by an earlier node',
		},
	],
	default: 'url',
};
const fromUrl = field('file', {
	displayName: 'Media URL',
	name: 'mediaUrl',
	type: 'string',
	default: '',
	required: true,
	displayOptions: { show: { mediaSource: ['url'] } },
});
const fromBase64 = field('file', {
	displayName: 'Base64 Content',
	name: 'mediaBase64',
	type: 'string',
	typeOptions: { rows: 2 },
	default: '',
	required: true,
	description: 'The file encoded as base64 (a data: URI prefix is accepted)',
	displayOptions: { show: { mediaSource: ['base64'] } },
});
const fromBinary = field('file', {
	displayName: 'Binary Property',
	name: 'binaryProperty',
	type: 'string',
	default: 'data',
	required: true,
	description: "Name of the input item's binary property that holds the file",
	displayOptions: { show: { mediaSource: ['binary'] } },
});
const caption = field('text', {
	displayName: 'Caption',
	name: 'caption',
	type: 'string',
	typeOptions: { rows: 2 },
	default: '',
	description: 'Text shown under the media',
});
const fileName = field('docName', {
	displayName: 'File Name',
	name: 'docName',
	type: 'string',
	default: '',
	placeholder: 'e.g. Invoice-1234.pdf',
	description: 'Name shown for the document. With a binary file, defaults to its file name.',
});

const FILE_FIELDS = { url: fromUrl, base64: fromBase64, binary: fromBinary };
type Source = keyof typeof FILE_FIELDS;

function sourceOf(fields: IDataObject): Source {
	const chosen = fields.mediaSource;
	return chosen === 'base64' || chosen === 'binary' ? chosen : 'url';
}

/** The Media URL field with an example that fits the kind of media. */
const urlExamples = KINDS.map((kind) =>
	showFor([kind.type], [{ ...fromUrl.property, placeholder: `e.g. ${kind.example}` }]),
).flat();

const MEDIA_PROPERTIES = [
	...showFor(MEDIA_TYPES, [source]),
	...urlExamples,
	...showFor(MEDIA_TYPES, [fromBase64.property, fromBinary.property]),
	...showFor(CAPTIONED, [caption.property]),
	...showFor(['document'], [fileName.property]),
];

function megabytes(bytes: number): string {
	return (bytes / 1024 / 1024).toFixed(1);
}

function sizeLimit(kind: MediaKind): number {
	return kind.type === 'document' ? LIMITS.documentBytes : LIMITS.mediaBytes;
}

interface MediaFile {
	file: string;
	fileName?: string;
	mimeType?: string;
}

/**
 * A binary file's size is known from its metadata before its content is read, which happens only
 * when the campaign is sent; so this one rule is checked here rather than on the built message.
 */
async function readBinaryMedia(
	kind: MediaKind,
	fields: IDataObject,
	context: BuildContext,
): Promise<MediaFile> {
	const property = readField(fields, fromBinary) || 'data';
	const binary = await context.readBinary(property);
	const limit = sizeLimit(kind);
	if (binary.size > limit) {
		throw new FieldProblem(
			fromBinary.property.displayName,
			`"${property}" is ${megabytes(binary.size)} MB; WhatsApp accepts at most ${megabytes(limit)} MB for this type`,
			'Compress the file, or send a link to it instead.',
		);
	}
	return { file: binary.file, fileName: binary.fileName, mimeType: binary.mimeType };
}

/** The file of a media message, from a URL, base64 text or the item's binary data. */
async function readMedia(
	kind: MediaKind,
	fields: IDataObject,
	context: BuildContext,
): Promise<MediaFile> {
	const chosen = sourceOf(fields);
	if (chosen === 'binary') return readBinaryMedia(kind, fields, context);
	return { file: readField(fields, FILE_FIELDS[chosen]) };
}

/** Shared by every media type, so their Message Options are one parameter. */
const MEDIA_OPTIONS: MessageOptions = { name: 'mediaMessageOptions', fields: [] };

function mediaType(kind: MediaKind): MessageTypeDefinition {
	const captioned = CAPTIONED.includes(kind.type);
	const isDocument = kind.type === 'document';
	const limit = sizeLimit(kind);
	return {
		type: kind.type,
		displayName: kind.displayName,
		description: kind.description,
		properties: MEDIA_PROPERTIES,
		options: MEDIA_OPTIONS,
		schema: messageSchema(kind.type, {
			file: refine(
				urlOrBase64(FILE_FIX),
				(value) => isHttpUrl(value) || base64Bytes(value) <= limit,
				(value) => ({
					message: says(
						`is ${megabytes(base64Bytes(value))} MB; WhatsApp accepts at most ${megabytes(limit)} MB for this type`,
						'Compress the file, or send a link to it instead.',
					),
				}),
			),
			mimetype: refine(
				z.string(),
				(value) => !kind.mimePrefix || value.startsWith(kind.mimePrefix),
				(value) => ({
					message: says(
						`is ${article(value)} ${value} file, which is not ${article(kind.mimePrefix ?? '')} ${(kind.mimePrefix ?? '').slice(0, -1)}`,
						`Choose a message type that fits the file (e.g. Document), or give a ${kind.mimePrefix}* file.`,
					),
				}),
			).optional(),
			...(captioned ? { text: optionalText(LIMITS.captionLength) } : {}),
			...(isDocument ? { docName: optionalText(255) } : {}),
		}) as z.ZodType<IDataObject>,
		labels: labelsOf(captioned ? [caption, ...(isDocument ? [fileName] : [])] : [], {
			file: (entry) => FILE_FIELDS[sourceOf(entry)].property.displayName,
			mimetype: fromBinary.property.displayName,
		}),
		build(fields, context) {
			const finish = (media: MediaFile) =>
				withoutEmpty(
					{
						file: media.file,
						text: captioned ? readField(fields, caption) : undefined,
						docName: isDocument ? readField(fields, fileName) || media.fileName : undefined,
						mimetype: media.mimeType,
					},
					['file'],
				);
			return readMedia(kind, fields, context).then(finish);
		},
	};
}

export const mediaTypes: MessageTypeDefinition[] = KINDS.map(mediaType);
