import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';

import { SENDER_MESSAGE_TYPES, type SenderMessageType } from '../../nodes/shared/contract';
import {
	buildMessage,
	checkJsonMessage,
	definitionOf,
	FieldProblem,
	type BuildContext,
} from '../../nodes/UazapiAdvancedSend/messages';
import { savedEntry } from '../helpers/savedEntry';
import { casesOf } from '../cases';
import { PARITY } from '../cases/kit';

/**
 * The schema is the only gate: a message written as JSON and the same message built in the
 * editor are accepted or refused alike, for all 15 types. Messages are generated with values of
 * the right JSON type but often breaking a rule (empty, too long, not an e-mail, 0/0, wrong
 * counts, broken choices, wrong MIME type, too big), then turned into the editor entry that
 * builds them. A rule kept in a builder but not in the schema makes the two disagree.
 */

const NUMBER = '5511999999999';
const noBinary: BuildContext = {
	readBinary: () => Promise.reject(new Error('not used: files come as URL or base64 here')),
};

// The values are in test/cases/kit.ts (PARITY); each type's shape in its cases file.
const { text } = PARITY;

const extras = fc.record(
	{
		track_id: fc.oneof(fc.constant('crm-1'), fc.constant('')),
		delay: fc.constantFrom(0, 3000, -1, 1.5),
		forward: fc.boolean(),
		buttonText: text,
	},
	{ requiredKeys: [] },
);

/** A message of a type, from its cases, with extras. */
function messageOfType(type: SenderMessageType): fc.Arbitrary<IDataObject> {
	const base = { number: fc.constant(NUMBER), type: fc.constant(type) };
	const { shape: shapeOf, optional } = casesOf(type).parity;
	const shape = shapeOf(type, PARITY);
	const required = Object.keys(shape).filter((key) => !optional.includes(key));
	return fc
		.tuple(
			fc.record(
				{ ...base, ...shape },
				{ requiredKeys: [...required, 'number', 'type'] as never[] },
			),
			extras,
		)
		.map(([message, extra]) => {
			const withExtras: IDataObject = { ...message };
			for (const [key, value] of Object.entries(extra)) {
				// buttonText only where the type's schema knows it (the interactive types).
				if (key !== 'buttonText' || 'buttonText' in definitionOf(type).labels)
					withExtras[key] = value;
			}
			for (const key of Object.keys(withExtras))
				if (withExtras[key] === undefined) delete withExtras[key];
			return withExtras;
		});
}

const EXTRAS = ['track_id', 'delay', 'forward', 'buttonText'];

/** The editor entry that builds this message. */
function editorEntry(message: IDataObject): IDataObject {
	const type = message.type as SenderMessageType;
	const names = casesOf(type).parity.editorNames;
	const entry: IDataObject = { type };
	const extra: IDataObject = {};
	for (const [key, value] of Object.entries(message)) {
		if (key === 'number' || key === 'type') continue;
		if (EXTRAS.includes(key)) extra[key] = value;
		else if (key === 'choices') {
			entry.choicesInput = 'raw';
			entry.rawChoices = JSON.stringify(value);
		} else if (key === 'file') {
			const isUrl = /^https?:|^ftp:|^nope$|^$/.test(value as string);
			entry.mediaSource = isUrl ? 'url' : 'base64';
			entry[isUrl ? 'mediaUrl' : 'mediaBase64'] = value;
		} else entry[names[key]] = value;
	}
	const options = Object.keys(extra).length > 0 ? { extraFields: JSON.stringify(extra) } : {};
	return savedEntry(entry, options);
}

async function verdict(run: () => IDataObject | Promise<IDataObject>): Promise<string> {
	try {
		await run();
		return 'accepted';
	} catch (error) {
		expect(error).toBeInstanceOf(FieldProblem);
		return 'refused';
	}
}

describe('one gate: editor and JSON accept the same messages', () => {
	it.each(SENDER_MESSAGE_TYPES.map((type) => [type]))('%s', async (type) => {
		const seen = { accepted: 0, refused: 0 };
		await fc.assert(
			fc.asyncProperty(messageOfType(type), async (message) => {
				const fromJson = await verdict(() => checkJsonMessage(message));
				const fromEditor = await verdict(() =>
					buildMessage(editorEntry(message), NUMBER, noBinary),
				);
				seen[fromJson as keyof typeof seen]++;
				if (fromJson !== fromEditor) {
					throw new Error(
						`JSON ${fromJson}, editor ${fromEditor}: ${JSON.stringify(message).slice(0, 300)}`,
					);
				}
			}),
			{ numRuns: 300 },
		);
		// The generator must exercise both verdicts, or the property says little.
		expect(seen.accepted).toBeGreaterThan(10);
		expect(seen.refused).toBeGreaterThan(10);
	});
});
