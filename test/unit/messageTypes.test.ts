import type { IDataObject } from 'n8n-workflow';

import { SEND_EXTRA_FIELDS, SENDER_MESSAGE_TYPES } from '../../nodes/shared/contract';
import {
	buildMessage,
	checkJsonMessage,
	MESSAGE_TYPES,
	messageEntryProperties,
	type BuildContext,
} from '../../nodes/UazapiAdvancedSend/messages';
import { CASES } from '../cases';
import { PDF, TO as to } from '../cases/kit';

const context: BuildContext = {
	readBinary: async (property) => ({
		file: PDF.toString('base64'),
		fileName: `${property}.pdf`,
		mimeType: 'application/pdf',
		size: PDF.length,
	}),
};

/** Each message type: editor values → the exact uazapi message, from the type's cases. */
const BUILDS = CASES.flatMap((cases) => cases.builds);

describe('message builders', () => {
	it.each(BUILDS)('%s', async (_name, entry, expected) => {
		const message = await buildMessage(entry, to, context);
		expect(message).toEqual(expected);
		// What Fields mode builds is also valid uazapi JSON for JSON mode.
		expect(checkJsonMessage(message)).toEqual(expected);
	});

	it('asks for the coordinates of a location left empty, as the editor starts it', async () => {
		await expect(
			buildMessage({ type: 'location', latitude: '', longitude: '' }, to, context),
		).rejects.toMatchObject({
			field: 'Latitude',
			problem: 'is missing',
			fix: 'Enter the latitude.',
		});
	});

	it('cover all 15 sender types', () => {
		const built = new Set(BUILDS.map(([, entry]) => entry.type));
		expect([...built].sort()).toEqual([...SENDER_MESSAGE_TYPES].sort());
		expect(MESSAGE_TYPES.map((definition) => definition.type).sort()).toEqual(
			[...SENDER_MESSAGE_TYPES].sort(),
		);
	});
});

describe('message editor fields', () => {
	it('lists the types alphabetically with Text as default', () => {
		const typeField = messageEntryProperties[0];
		const names = (typeField.options as Array<{ name: string }>).map((option) => option.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		expect(typeField.default).toBe('text');
	});

	it('never shows two fields with the same name for one type', () => {
		for (const type of SENDER_MESSAGE_TYPES) {
			const visible = messageEntryProperties.filter((property) => {
				const types = property.displayOptions?.show?.type as string[] | undefined;
				return types === undefined || types.includes(type);
			});
			const names = visible.map((property) => property.name);
			expect({
				type,
				duplicates: names.filter((name, index) => names.indexOf(name) !== index),
			}).toEqual({ type, duplicates: [] });
		}
	});

	it('gives every type-specific field a type condition', () => {
		const unconditioned = messageEntryProperties
			.filter((property) => !property.displayOptions?.show?.type)
			.map((p) => p.name);
		expect(unconditioned).toEqual(['type']);
	});

	it.each(CASES.flatMap((cases) => Object.entries(cases.messageOptions)))(
		"keeps a %s message's optional fields behind Message Options: %j",
		(type, expected) => {
			const collections = messageEntryProperties.filter(
				(property) =>
					property.displayName === 'Message Options' &&
					(property.displayOptions?.show?.type as string[]).includes(type),
			);
			expect(collections).toHaveLength(1);
			expect(collections[0].type).toBe('collection');
			const options = collections[0].options as Array<{ displayName: string }>;
			expect(options.map((option) => option.displayName)).toEqual(expected);
		},
	);

	it('shows the link preview details only once Link Preview is on', () => {
		const [textOptions] = messageEntryProperties.filter(
			(property) =>
				property.displayName === 'Message Options' &&
				(property.displayOptions?.show?.type as string[]).includes('text'),
		);
		const conditions = Object.fromEntries(
			(textOptions.options as Array<{ name: string; displayOptions?: object }>).map((option) => [
				option.name,
				option.displayOptions,
			]),
		);
		const previewOn = { show: { linkPreview: [true] } };
		expect(conditions).toEqual({
			extraFields: undefined,
			linkPreview: undefined,
			linkPreviewDescription: previewOn,
			linkPreviewImage: previewOn,
			linkPreviewLarge: previewOn,
			linkPreviewTitle: previewOn,
			number: undefined,
		});
	});

	/** The keys of a type's zod object, through refinements such as the location's 0/0 rule. */
	function schemaKeys(schema: unknown): string[] {
		let inner = schema as { shape?: Record<string, unknown>; _def: { schema?: unknown } };
		while (!inner.shape && inner._def.schema) inner = inner._def.schema as typeof inner;
		return Object.keys(inner.shape ?? {});
	}

	/** Entries that switch a label: a file from each media source, raw or built choices. */
	const VARIANTS: IDataObject[] = [
		{},
		{ mediaSource: 'base64' },
		{ mediaSource: 'binary' },
		{ choicesInput: 'raw' },
	];

	it.each(MESSAGE_TYPES.map((definition) => [definition.type, definition] as const))(
		'%s: every key of the schema has a label that is an editor field shown for the type',
		(type, definition) => {
			const shown = new Set(
				messageEntryProperties
					.filter((property) => {
						const types = property.displayOptions?.show?.type as string[] | undefined;
						return types === undefined || types.includes(type);
					})
					// A collection's options are fields too, e.g. Message Options › Extra Fields (JSON).
					.flatMap((property) => [
						property.displayName,
						...(property.type === 'collection'
							? (property.options as Array<{ displayName: string }>).map((o) => o.displayName)
							: []),
					]),
			);
			const missing: string[] = [];
			for (const key of schemaKeys(definition.schema)) {
				if (key === 'number' || key === 'type' || SEND_EXTRA_FIELDS.includes(key as never))
					continue;
				const label = definition.labels[key];
				for (const entry of VARIANTS) {
					const named = typeof label === 'function' ? label(entry) : label;
					// A label may name a part of a field after "›", e.g. Extra Fields (JSON) › "buttonText".
					if (named === undefined || !shown.has(named.split(' › ')[0])) {
						missing.push(`${key}: ${String(named)}`);
					}
				}
			}
			expect(missing).toEqual([]);
		},
	);
});
