import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeParameters,
} from 'n8n-workflow';

import { entryLabel } from '../messages';
import { unevaluated } from './expressionProblem';
import {
	evaluateJsonPathTemplate,
	LEFT_TO_N8N,
	type ParameterHole,
	type Templates,
} from './jsonPathTemplate';

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
	private readonly items: INodeExecutionData[];

	constructor(
		private readonly context: IExecuteFunctions,
		readonly nodes: MessageNode[],
		/** Shared with the sender's own parameters: each expression is parsed once. */
		private readonly templates: Templates,
	) {
		this.items = context.getInputData();
	}

	/** A message node's parameters for an item, as the Messages entry of the single form holds them. */
	entry(node: MessageNode, itemIndex: number): IDataObject {
		return this.evaluate(
			node.parameters,
			this.items[itemIndex]?.json,
			itemIndex,
			[],
		) as IDataObject;
	}

	/** Where the item's JSON leaves holes in a message node's texts (see ItemParameters.holes). */
	holes(node: MessageNode, itemIndex: number): ParameterHole[] {
		return this.templates.holesIn(node.parameters, this.items[itemIndex]?.json);
	}

	private evaluate(
		raw: unknown,
		json: unknown,
		itemIndex: number,
		path: Array<string | number>,
	): unknown {
		if (typeof raw === 'string' && raw.startsWith('=')) {
			const template = this.templates.of(raw);
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
		let failure: unknown;
		try {
			return this.context.evaluateExpression(expression, itemIndex);
		} catch (error) {
			failure = error;
		}
		throw unevaluated(entryLabel(path), failure, path);
	}
}
