import type { IDataObject, IExecuteFunctions, INodeParameters } from 'n8n-workflow';

import {
	evaluateJsonPathTemplate,
	holesOf,
	LEFT_TO_N8N,
	parseJsonPathTemplate,
	type JsonPathTemplate,
	type ParameterHole,
} from './jsonPathTemplate';
import { entryLabel, FieldProblem } from '../messages';

/**
 * Define Messages Using → Message Nodes: the messages are the uazapi Message nodes before
 * the sender, in their order on the canvas, one message each. Those nodes pass their items on
 * untouched (by reference, so n8n stores nothing twice); the sender reads their saved parameters
 * and evaluates them for each of its items, `{{ $json… }}` paths itself and other expressions
 * through n8n, as it does for its own.
 */

export interface MessageNode {
	name: string;
	parameters: INodeParameters;
}

const MESSAGE_NODE = /\.uazapiMessage$/;

/**
 * The uazapi Message nodes upstream of the sender, first to last, along its line of single
 * parents (a node with two inputs ends the line). They may sit right before the sender, where
 * the canvas reads best, or before the node that fetches the contacts, where n8n stores only the
 * trigger's item for them (README "One message per node"). Their expressions are evaluated for
 * the items the sender receives. A deactivated message node is skipped.
 */
export function messageNodesBefore(context: IExecuteFunctions): MessageNode[] {
	const chain: MessageNode[] = [];
	let name = context.getNode().name;
	for (;;) {
		const parents = context.getParentNodes(name, { includeNodeParameters: true, depth: 1 });
		if (parents.length !== 1) break;
		const [parent] = parents;
		if (MESSAGE_NODE.test(parent.type) && !parent.disabled) {
			chain.unshift({ name: parent.name, parameters: parent.parameters ?? {} });
		}
		name = parent.name;
	}
	return chain;
}

export class MessageNodes {
	private readonly templates = new Map<string, JsonPathTemplate | undefined>();

	constructor(
		private readonly context: IExecuteFunctions,
		readonly nodes: MessageNode[],
	) {}

	/** A message node's parameters for an item, as the Messages entry of the single form holds them. */
	entry(node: MessageNode, itemIndex: number): IDataObject {
		const json = this.context.getInputData()[itemIndex]?.json;
		return this.evaluate(node.parameters, json, itemIndex, []) as IDataObject;
	}

	/** Where the item's JSON leaves holes in a message node's texts (see ItemParameters.holes). */
	holes(node: MessageNode, itemIndex: number): ParameterHole[] {
		const json = this.context.getInputData()[itemIndex]?.json;
		const found: ParameterHole[] = [];
		const walk = (raw: unknown, path: Array<string | number>) => {
			if (typeof raw === 'string') {
				const template = raw.startsWith('=') ? this.template(raw) : undefined;
				if (template) for (const hole of holesOf(template, json)) found.push({ ...hole, path });
			} else if (typeof raw === 'object' && raw !== null) {
				for (const [key, value] of Object.entries(raw)) {
					walk(value, [...path, Array.isArray(raw) ? Number(key) : key]);
				}
			}
		};
		walk(node.parameters, []);
		return found;
	}

	private evaluate(
		raw: unknown,
		json: unknown,
		itemIndex: number,
		path: Array<string | number>,
	): unknown {
		if (typeof raw === 'string' && raw.startsWith('=')) {
			const template = this.template(raw);
			const value = template ? evaluateJsonPathTemplate(template, json) : LEFT_TO_N8N;
			return value === LEFT_TO_N8N ? this.withN8n(raw, itemIndex, path) : value;
		}
		if (Array.isArray(raw)) {
			return raw.map((entry, index) => this.evaluate(entry, json, itemIndex, [...path, index]));
		}
		if (typeof raw === 'object' && raw !== null) {
			return Object.fromEntries(
				Object.entries(raw).map(([key, value]) => [
					key,
					this.evaluate(value, json, itemIndex, [...path, key]),
				]),
			);
		}
		return raw;
	}

	/** An expression only n8n can evaluate; its failure names the field it sits in. */
	private withN8n(expression: string, itemIndex: number, path: Array<string | number>): unknown {
		let failure: { message?: unknown; description?: unknown };
		try {
			return this.context.evaluateExpression(expression, itemIndex);
		} catch (error) {
			failure = error as typeof failure;
		}
		const said = (value: unknown) =>
			typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
		throw new FieldProblem(
			entryLabel(path),
			`could not be evaluated: ${said(failure.message) ?? 'the expression failed'}`,
			said(failure.description) ??
				'Check the expression: a node it names must exist in this workflow and have run before this one, and what it reads must exist.',
		);
	}

	/** Each expression is parsed once, however many items there are. */
	private template(expression: string): JsonPathTemplate | undefined {
		if (!this.templates.has(expression)) {
			this.templates.set(expression, parseJsonPathTemplate(expression.slice(1)));
		}
		return this.templates.get(expression);
	}
}
