import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { LIMITS, type SenderMessageType } from '../../shared/contract';
import { article } from '../../shared/text';
import { showFor, type BuildContext, type MessageTypeDefinition } from './definition';
import { FieldProblem } from '../../shared/problem';
import { readText, withoutEmpty } from './read';
import { isBase64, isHttpUrl, messageSchema, optionalText, urlOrBase64 } from './schema';
import { z } from 'zod/v3';

interface MediaKind {
	type: SenderMessageType;
	displayName: string;
	description: string;
	/** MIME type family a binary file must belong to, or undefined for any file. */
	mimePrefix?: string;
}

const KINDS: MediaKind[] = [
	{
		type: 'image',
		displayName: 'Image',
		description: 'A picture (JPG or PNG) with an optional caption',
		mimePrefix: 'image/',
	},
	{
		type: 'video',
		displayName: 'Video',
		description: 'An MP4 video with an optional caption',
		mimePrefix: 'video/',
	},
	{
		type: 'videoplay',
		displayName: 'Video (Autoplay)',
		description: 'An MP4 video that plays and loops by itself',
		mimePrefix: 'video/',
	},
	{
		type: 'audio',
		displayName: 'Audio',
		description: 'An audio file (MP3 or OGG)',
		mimePrefix: 'audio/',
	},
	{
		type: 'ptt',
		displayName: 'Voice Note',
		description: 'A voice note (push-to-talk), usually OGG',
		mimePrefix: 'audio/',
	},
	{
		type: 'myaudio',
		displayName: 'My Audio',
		description: "A voice message, uazapi's alternative to the voice note",
		mimePrefix: 'audio/',
	},
	{
		type: 'sticker',
		displayName: 'Sticker',
		description: 'A sticker, usually WEBP',
		mimePrefix: 'image/',
	},
	{
		type: 'document',
		displayName: 'Document',
		description: 'A file such as a PDF, with file name and caption',
	},
];

const MEDIA_TYPES = KINDS.map((kind) => kind.type);
const CAPTIONED: SenderMessageType[] = ['image', 'video', 'videoplay', 'document'];

const SOURCE_LABEL = 'Media';
const FILE_FIX =
	'Give a public http(s) URL, base64 content, or pick "Binary Property" to send a file from the input item.';

const sourceProperties: INodeProperties[] = showFor(MEDIA_TYPES, [
	{
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
	},
	{
		displayName: 'Media URL',
		name: 'mediaUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. https://example.com/catalog.pdf',
		displayOptions: { show: { mediaSource: ['url'] } },
	},
	{
		displayName: 'Base64 Content',
		name: 'mediaBase64',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		required: true,
		description: 'The file encoded as base64 (a data: URI prefix is accepted)',
		displayOptions: { show: { mediaSource: ['base64'] } },
	},
	{
		displayName: 'Binary Property',
		name: 'binaryProperty',
		type: 'string',
		default: 'data',
		required: true,
		description: "Name of the input item's binary property that holds the file",
		displayOptions: { show: { mediaSource: ['binary'] } },
	},
]);

const captionProperties = showFor(CAPTIONED, [
	{
		displayName: 'Caption',
		name: 'caption',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		description: 'Text shown under the media',
	},
]);

const fileNameProperties = showFor(
	['document'],
	[
		{
			displayName: 'File Name',
			name: 'docName',
			type: 'string',
			default: '',
			placeholder: 'e.g. Invoice-1234.pdf',
			description: 'Name shown for the document. With a binary file, defaults to its file name.',
		},
	],
);

const MEDIA_PROPERTIES = [...sourceProperties, ...captionProperties, ...fileNameProperties];

function megabytes(bytes: number): string {
	return (bytes / 1024 / 1024).toFixed(1);
}

interface MediaFile {
	file: string;
	fileName?: string;
	mimeType?: string;
}

async function readBinaryMedia(
	kind: MediaKind,
	fields: IDataObject,
	context: BuildContext,
): Promise<MediaFile> {
	const property = readText(fields, 'binaryProperty', 'Binary Property') || 'data';
	const binary = await context.readBinary(property);
	if (kind.mimePrefix && !binary.mimeType.startsWith(kind.mimePrefix)) {
		throw new FieldProblem(
			'Binary Property',
			`"${property}" holds ${article(binary.mimeType)} ${binary.mimeType} file, which is not ${article(kind.mimePrefix)} ${kind.mimePrefix.slice(0, -1)}`,
			`Choose a message type that fits the file (e.g. Document), or point to a ${kind.mimePrefix}* file.`,
		);
	}
	const limit = kind.type === 'document' ? LIMITS.documentBytes : LIMITS.mediaBytes;
	if (binary.size > limit) {
		throw new FieldProblem(
			'Binary Property',
			`"${property}" is ${megabytes(binary.size)} MB; WhatsApp accepts at most ${megabytes(limit)} MB for this type`,
			'Compress the file, or send a link to it instead.',
		);
	}
	return { file: binary.file, fileName: binary.fileName, mimeType: binary.mimeType };
}

/** The file of a media message; only a binary property needs a promise. */
function readMedia(
	kind: MediaKind,
	fields: IDataObject,
	context: BuildContext,
): MediaFile | Promise<MediaFile> {
	const source = (fields.mediaSource as string | undefined) ?? 'url';
	if (source === 'binary') return readBinaryMedia(kind, fields, context);
	if (source === 'base64') {
		const content = readText(fields, 'mediaBase64', 'Base64 Content');
		if (!isBase64(content)) {
			throw new FieldProblem(
				'Base64 Content',
				content === '' ? 'is empty' : 'is not valid base64',
				FILE_FIX,
			);
		}
		return { file: content };
	}
	const url = readText(fields, 'mediaUrl', 'Media URL');
	if (!isHttpUrl(url)) {
		throw new FieldProblem(
			'Media URL',
			url === '' ? 'is empty' : `"${url}" is not an http(s) URL`,
			FILE_FIX,
		);
	}
	return { file: url };
}

function mediaType(kind: MediaKind): MessageTypeDefinition {
	const captioned = CAPTIONED.includes(kind.type);
	const isDocument = kind.type === 'document';
	return {
		type: kind.type,
		displayName: kind.displayName,
		description: kind.description,
		properties: MEDIA_PROPERTIES,
		schema: messageSchema(kind.type, {
			file: urlOrBase64(FILE_FIX),
			mimetype: z.string().optional(),
			...(captioned ? { text: optionalText(LIMITS.captionLength) } : {}),
			...(isDocument ? { docName: optionalText(255) } : {}),
		}) as z.ZodType<IDataObject>,
		labels: {
			file: SOURCE_LABEL,
			...(captioned ? { text: 'Caption' } : {}),
			...(isDocument ? { docName: 'File Name' } : {}),
			mimetype: 'Binary Property',
		},
		build(fields, context) {
			const finish = (media: MediaFile) =>
				withoutEmpty({
					file: media.file,
					text: captioned ? readText(fields, 'caption', 'Caption') : undefined,
					docName: isDocument
						? readText(fields, 'docName', 'File Name') || media.fileName
						: undefined,
					mimetype: media.mimeType,
				});
			const media = readMedia(kind, fields, context);
			return media instanceof Promise ? media.then(finish) : finish(media);
		},
	};
}

export const mediaTypes: MessageTypeDefinition[] = KINDS.map(mediaType);
