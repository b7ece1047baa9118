import type { IDataObject, IExecuteFunctions, INode, NodeOperationError } from 'n8n-workflow';

import {
	artifactHoles,
	buildMessage,
	checkJsonMessage,
	definitionOf,
	entryLabel,
	FieldProblem,
	normaliseRecipient,
	parseJsonField,
	type NumberRules,
} from '../messages';
import { describeValue } from '../../shared/text';
import { binaryReader, bodyBytesOfFile } from './binaries';
import { asNodeError, inputError, type Place } from '../../shared/inputErrors';
import type { ItemParameters } from '../parameters/itemParameters';
import type { ParameterHole, TemplateHole } from '../parameters/jsonPathTemplate';
import { ExpressionProblem } from '../parameters/expressionProblem';
import { evaluated } from '../parameters/readParameter';
import { PARAMETERS } from '../parameters/names';
import { utf8Length } from './size';
import { jsonCampaignFields } from './campaignFields';
import type { CampaignFields, ItemHole, ItemMessages, PendingBinary } from './model';

/** An item's messages' size in the JSON body (each with its comma), files at their base64 size. */
export function bytesOf(messages: IDataObject[], binaries: PendingBinary[]): number {
	// "[a,b]" is the messages, a comma between them and two brackets: one byte less than "a,b,".
	let bytes = utf8Length(JSON.stringify(messages)) - 1;
	for (const binary of binaries) bytes += bodyBytesOfFile(binary);
	return bytes;
}

const IS: Record<TemplateHole['kind'], string> = {
	missing: 'missing for this item',
	null: 'empty (null) for this item',
	empty: 'empty for this item',
	object: 'an object for this item, shown as "[object Object]"',
	list: 'a list for this item, not one value to show',
};

/** Where a message is; `names`: the uazapi Message nodes the entries come from, if they do. */
function placeOf(
	itemIndex: number,
	entries: IDataObject[],
	index: number,
	names?: string[],
): Place {
	return {
		itemIndex,
		message: {
			position: index + 1,
			count: entries.length,
			typeName: safeTypeName(entries[index].type ?? 'text'),
			name: names?.[index],
		},
	};
}

/**
 * An expression n8n could not evaluate inside a message, named like any problem of that message:
 * its position, type and field. Undefined for problems elsewhere.
 */
function messageExpressionError(
	node: INode,
	read: ItemParameters,
	itemIndex: number,
	error: unknown,
): NodeOperationError | undefined {
	if (!(error instanceof ExpressionProblem) || error.field !== PARAMETERS.messages.label)
		return undefined;
	const [index, ...inEntry] = error.path;
	const saved = read.saved(PARAMETERS.messages.name);
	if (typeof index !== 'number' || !Array.isArray(saved)) return undefined;
	const problem = new FieldProblem(entryLabel(inEntry), error.problem, error.fix);
	return inputError(node, problem, placeOf(itemIndex, saved as IDataObject[], index));
}

/** A `{{ $json… }}` path of a message that was empty for the item, `path` inside its entry. */
function holeAt(place: Place, { expression, kind }: ParameterHole, path: Array<string | number>) {
	return { place, field: entryLabel(path), problem: `maps ${expression}, which is ${IS[kind]}` };
}

/** The `{{ $json… }}` paths of an item's editor messages that were empty for it. */
function templateHoles(
	read: ItemParameters,
	itemIndex: number,
	entries: IDataObject[],
): ItemHole[] {
	return read.holes(PARAMETERS.messages.name, itemIndex).map((hole) => {
		const [index, ...inEntry] = hole.path as [number, ...Array<string | number>];
		return holeAt(placeOf(itemIndex, entries, index), hole, inEntry);
	});
}

/** Texts other expressions filled with "[object Object]" or "undefined", in messages without a known hole. */
function artifactHolesOf(
	itemIndex: number,
	entries: IDataObject[],
	messages: IDataObject[],
	known: ItemHole[],
	names?: string[],
): ItemHole[] {
	const holed = new Set(known.map((hole) => hole.place.message?.position));
	return messages.flatMap((message, index) =>
		holed.has(index + 1)
			? []
			: artifactHoles(message, entries[index]).map((hole) => ({
					place: placeOf(itemIndex, entries, index, names),
					...hole,
				})),
	);
}

/** The item's Recipient, read and normalised (Fields and Message Nodes modes). */
function readRecipient(read: ItemParameters, itemIndex: number, rules: NumberRules): string {
	const { name, label } = PARAMETERS.recipient;
	return normaliseRecipient(evaluated(read, name, itemIndex, label, ''), label, rules);
}

const NO_MESSAGE_NODES_FIX =
	'Put uazapi Message nodes between the trigger and this node, one per message, or set Define Messages Using to Fields.';

/**
 * An item's messages from the uazapi Message nodes before the sender, in their order: each
 * node's parameters evaluated for the item, then built and checked like an entry of the form.
 */
async function fromMessageNodes(
	context: IExecuteFunctions,
	read: ItemParameters,
	itemIndex: number,
	rules: NumberRules,
	findHoles: boolean,
): Promise<ItemMessages> {
	const node = context.getNode();
	let recipient: string;
	try {
		recipient = readRecipient(read, itemIndex, rules);
	} catch (error) {
		throw asNodeError(node, error, { itemIndex });
	}
	const messageNodes = read.messageNodes;
	if (messageNodes.nodes.length === 0) {
		throw inputError(
			node,
			new FieldProblem(
				PARAMETERS.defineMessages.label,
				'is "Message Nodes", but no uazapi Message node comes before this node',
				NO_MESSAGE_NODES_FIX,
			),
			{ itemIndex },
		);
	}
	const names = messageNodes.nodes.map(({ name }) => name);
	const entries: IDataObject[] = [];
	for (const [index, messageNode] of messageNodes.nodes.entries()) {
		try {
			entries.push(messageNodes.entry(messageNode, itemIndex));
		} catch (error) {
			entries.push(messageNode.parameters as IDataObject);
			throw asNodeError(node, error, placeOf(itemIndex, entries, index, names));
		}
	}
	const holes = findHoles
		? messageNodes.nodes.flatMap((messageNode, index) =>
				messageNodes
					.holes(messageNode, itemIndex)
					.map((hole) => holeAt(placeOf(itemIndex, entries, index, names), hole, hole.path)),
			)
		: undefined;
	return await buildEntries(context, itemIndex, entries, recipient, rules, holes, names);
}

async function fromFields(
	context: IExecuteFunctions,
	read: ItemParameters,
	itemIndex: number,
	rules: NumberRules,
	findHoles: boolean,
): Promise<ItemMessages> {
	const node = context.getNode();
	let recipient: string;
	let entries: unknown;
	try {
		recipient = readRecipient(read, itemIndex, rules);
		entries = evaluated(read, PARAMETERS.messages.name, itemIndex, PARAMETERS.messages.label, []);
	} catch (error) {
		throw (
			messageExpressionError(node, read, itemIndex, error) ??
			asNodeError(node, error, { itemIndex })
		);
	}
	// The editor always gives a list of objects; workflow JSON written by hand or by an agent may not.
	const broken = !Array.isArray(entries)
		? `must be a list of messages, but it is ${describeValue(entries)}`
		: entries.length === 0
			? 'is empty'
			: entries.some((entry) => typeof entry !== 'object' || entry === null || Array.isArray(entry))
				? 'has an entry that is not a message'
				: undefined;
	if (broken) {
		throw inputError(
			node,
			new FieldProblem(
				'Messages',
				broken,
				'Add at least one message with "Add Message", each with its Type.',
			),
			{ itemIndex },
		);
	}
	const list = entries as IDataObject[];
	const holes = findHoles ? templateHoles(read, itemIndex, list) : undefined;
	return await buildEntries(context, itemIndex, list, recipient, rules, holes);
}

/**
 * Builds an item's messages in order; the files read while building a message belong to it. A
 * message with a known hole that cannot be built ("[object Object]" breaks a card's grammar) is
 * reported by its hole: the item comes back with the holes and no messages.
 */
async function buildEntries(
	context: IExecuteFunctions,
	itemIndex: number,
	entries: IDataObject[],
	recipient: string,
	rules: NumberRules,
	/** The item's known holes, or undefined when holes are not looked for. */
	holes: ItemHole[] | undefined,
	names?: string[],
): Promise<ItemMessages> {
	const node = context.getNode();
	const binaries: PendingBinary[] = [];
	const reader = binaryReader(context, itemIndex, binaries);
	const messages: IDataObject[] = [];
	for (let index = 0; index < entries.length; index++) {
		let message: IDataObject;
		try {
			message = await buildMessage(entries[index], recipient, reader, rules);
		} catch (error) {
			if (holes?.some((hole) => hole.place.message?.position === index + 1)) {
				return { recipient, messages: [], binaries: [], bytes: 0, holes };
			}
			throw asNodeError(node, error, placeOf(itemIndex, entries, index, names));
		}
		for (const binary of binaries) binary.message ??= message;
		messages.push(message);
	}
	const found = holes
		? [...holes, ...artifactHolesOf(itemIndex, entries, messages, holes, names)]
		: [];
	return { recipient, messages, binaries, bytes: bytesOf(messages, binaries), holes: found };
}

function safeTypeName(type: unknown): string {
	try {
		return definitionOf(type).displayName;
	} catch {
		return String(type);
	}
}

const JSON_FIX =
	'Give a message object, a list of them, or a whole /sender/advanced body with "messages", e.g. [{"number": "5511999999999", "type": "text", "text": "Hello"}].';

function fromJson(
	context: IExecuteFunctions,
	read: ItemParameters,
	itemIndex: number,
	rules: NumberRules,
	findHoles: boolean,
): ItemMessages {
	const node = context.getNode();
	let list: unknown[];
	let campaign: Partial<CampaignFields> | undefined;
	try {
		const value = parseJsonField(
			evaluated(read, PARAMETERS.messagesJson.name, itemIndex, PARAMETERS.messagesJson.label),
			PARAMETERS.messagesJson.label,
			JSON_FIX,
		);
		if (Array.isArray(value)) {
			list = value;
		} else if (typeof value === 'object' && value !== null && 'messages' in value) {
			const body = value as IDataObject;
			if (!Array.isArray(body.messages)) {
				throw new FieldProblem(
					'"messages"',
					`must be a list, but it is ${describeValue(body.messages)}`,
					JSON_FIX,
				);
			}
			list = body.messages;
			// The clock is read after the expression ran, so a body built with {{ $now }} is not in the past.
			campaign = jsonCampaignFields(body, Date.now());
		} else if (typeof value === 'object' && value !== null) {
			list = [value];
		} else {
			throw new FieldProblem(
				'Messages (JSON)',
				`must be JSON, but it is ${describeValue(value)}`,
				JSON_FIX,
			);
		}
		if (list.length === 0) throw new FieldProblem('Messages (JSON)', 'has no messages', JSON_FIX);
	} catch (error) {
		throw asNodeError(node, error, { itemIndex });
	}
	const messages = list.map((message, index) => {
		try {
			return checkJsonMessage(message, rules);
		} catch (error) {
			const type = (message as IDataObject | null)?.type;
			throw asNodeError(node, error, {
				itemIndex,
				json: true,
				message: {
					position: index + 1,
					count: list.length,
					typeName: typeof type === 'string' ? type : 'no type',
				},
			});
		}
	});
	const holes = findHoles
		? messages.flatMap((message, index) =>
				artifactHoles(message).map((hole) => ({
					place: {
						itemIndex,
						json: true,
						message: {
							position: index + 1,
							count: messages.length,
							typeName: message.type as string,
						},
					},
					...hole,
				})),
			)
		: [];
	return {
		recipient: messages[0].number as string,
		messages,
		campaign,
		binaries: [],
		bytes: bytesOf(messages, []),
		holes,
	};
}

/** The checked messages of one input item, in Fields or JSON mode, and their holes if asked. */
export async function collectItemMessages(
	context: IExecuteFunctions,
	read: ItemParameters,
	itemIndex: number,
	rules: NumberRules,
	findHoles: boolean,
): Promise<ItemMessages> {
	const mode = read.get(PARAMETERS.defineMessages.name, itemIndex, 'fields') as string;
	if (mode === 'json') return fromJson(context, read, itemIndex, rules, findHoles);
	if (mode === 'nodes') return await fromMessageNodes(context, read, itemIndex, rules, findHoles);
	return await fromFields(context, read, itemIndex, rules, findHoles);
}
