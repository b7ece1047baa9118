import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	NodeParameterValueType,
} from 'n8n-workflow';

import {
	evaluateJsonPathTemplate,
	LEFT_TO_N8N,
	parseJsonPathTemplate,
	Templates,
	type JsonPathTemplate,
	type ParameterHole,
} from './jsonPathTemplate';
import { MessageNodes, messageNodesBefore } from './messageNodes';

/**
 * Node parameters read item by item, like `getNodeParameter(name, itemIndex, fallback)`, but
 * fast for big inputs: a parameter's raw value is read once; values that are not expressions are
 * reused for every item, and `{{ $json… }}` expressions are evaluated here (jsonPathTemplate.ts).
 * A parameter holding any other expression, or one of those that cannot be evaluated here for an
 * item, is read through n8n's getNodeParameter for that item, so its value and errors are n8n's.
 */

/** A raw parameter value with its expressions parsed. */
type Plan =
	| { template: JsonPathTemplate }
	| { constant: unknown }
	| { list: Plan[] }
	| { fields: Array<[string, Plan]> };

/** Set when any expression of the value is not a `$json` template. */
const NOT_PLANNED = Symbol('not planned');

function planOf(raw: unknown): Plan | typeof NOT_PLANNED {
	if (typeof raw === 'string' && raw.startsWith('=')) {
		const template = parseJsonPathTemplate(raw.slice(1));
		return template ? { template } : NOT_PLANNED;
	}
	if (Array.isArray(raw)) {
		const list = raw.map(planOf);
		return list.includes(NOT_PLANNED) ? NOT_PLANNED : { list: list as Plan[] };
	}
	if (typeof raw === 'object' && raw !== null) {
		const fields = Object.entries(raw).map(([key, value]) => [key, planOf(value)] as const);
		if (fields.some(([, plan]) => plan === NOT_PLANNED)) return NOT_PLANNED;
		return { fields: fields as Array<[string, Plan]> };
	}
	return { constant: raw };
}

/** The parameter's value for an item's JSON, built as n8n builds it, or LEFT_TO_N8N. */
function valueOf(plan: Plan, json: unknown): unknown {
	if ('template' in plan) return evaluateJsonPathTemplate(plan.template, json);
	if ('constant' in plan) return plan.constant;
	if ('list' in plan) {
		const list: unknown[] = [];
		for (const entry of plan.list) {
			const value = valueOf(entry, json);
			if (value === LEFT_TO_N8N) return LEFT_TO_N8N;
			list.push(value);
		}
		return list;
	}
	const fields: Record<string, unknown> = {};
	for (const [key, entry] of plan.fields) {
		const value = valueOf(entry, json);
		if (value === LEFT_TO_N8N) return LEFT_TO_N8N;
		fields[key] = value;
	}
	return fields;
}

/** n8n checks and converts these parameters' values after evaluating them: always left to n8n. */
function validatedByN8n(property: unknown): boolean {
	if (typeof property !== 'object' || property === null) return false;
	const { validateType, type, options, values } = property as Record<string, unknown>;
	return (
		validateType !== undefined ||
		type === 'resourceMapper' ||
		[options, values].some((list) => Array.isArray(list) && list.some(validatedByN8n))
	);
}

const MISSING = Symbol('missing');

/** The path (as getNodeParameter reads it) and text of the first expression saved in a value. */
function firstExpression(value: unknown, path: string): { path: string; text: string } | undefined {
	if (typeof value === 'string') return value.startsWith('=') ? { path, text: value } : undefined;
	if (typeof value !== 'object' || value === null) return undefined;
	for (const [key, inner] of Object.entries(value)) {
		const innerPath = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
		const found = firstExpression(inner, innerPath);
		if (found) return found;
	}
	return undefined;
}

/**
 * Whether this n8n hands over raw expressions when asked. One that ignored the option would hand
 * over item 0's values, which reused for every item would send item 0's messages to everyone: so
 * the first expression saved in the node must come back as written, or n8n evaluates everything.
 */
function givesRawExpressions(context: IExecuteFunctions): boolean {
	const saved = firstExpression(context.getNode().parameters, '');
	if (!saved) return true;
	return context.getNodeParameter(saved.path, 0, MISSING, { rawExpressions: true }) === saved.text;
}

export class ItemParameters {
	private readonly plans = new Map<string, Plan | typeof NOT_PLANNED>();
	private messageNodesRead: MessageNodes | undefined;
	private readonly raws = new Map<string, unknown>();
	private readonly templates = new Templates();
	private readonly items: INodeExecutionData[];
	private rawExpressions: boolean | undefined;

	constructor(
		private readonly context: IExecuteFunctions,
		private readonly properties: INodeProperties[],
	) {
		this.items = context.getInputData();
	}

	/** The parameter's value for the item, as `getNodeParameter(name, itemIndex, fallback)` gives it. */
	get(name: string, itemIndex: number, fallback?: unknown): NodeParameterValueType | object {
		const plan = this.plan(name);
		const json = this.items[itemIndex]?.json;
		if (plan !== NOT_PLANNED && json !== undefined) {
			const value = valueOf(plan, json);
			if (value !== LEFT_TO_N8N) return value as NodeParameterValueType | object;
		}
		return this.context.getNodeParameter(name, itemIndex, fallback);
	}

	/**
	 * Where the item's JSON leaves holes in the parameter's texts (README "Empty values"). Only
	 * `{{ $json… }}` paths can be told apart from a value that is really empty; other expressions
	 * are judged by their text afterwards.
	 */
	holes(name: string, itemIndex: number): ParameterHole[] {
		const json = this.items[itemIndex]?.json;
		return json === undefined ? [] : this.templates.holesIn(this.raw(name), json);
	}

	/** The uazapi Message nodes before this node and their parameters, read once per run. */
	get messageNodes(): MessageNodes {
		this.messageNodesRead ??= new MessageNodes(
			this.context,
			messageNodesBefore(this.context),
			this.templates,
		);
		return this.messageNodesRead;
	}

	/**
	 * The first expression inside the parameter that n8n fails to evaluate for the item, and its
	 * error: where a failure of the whole parameter came from. Only asked after such a failure.
	 */
	failingExpression(
		name: string,
		itemIndex: number,
	): { path: Array<string | number>; error: unknown } | undefined {
		const leaves: Array<Array<string | number>> = [];
		const walk = (raw: unknown, path: Array<string | number>) => {
			if (typeof raw === 'string' && raw.startsWith('=')) leaves.push(path);
			else if (typeof raw === 'object' && raw !== null) {
				for (const [key, value] of Object.entries(raw)) {
					walk(value, [...path, Array.isArray(raw) ? Number(key) : key]);
				}
			}
		};
		walk(this.raw(name), []);
		for (const path of leaves) {
			const at = path.map((step) => (typeof step === 'number' ? `[${step}]` : `.${step}`));
			try {
				this.context.getNodeParameter(`${name}${at.join('')}`, itemIndex);
			} catch (error) {
				return { path, error };
			}
		}
		return undefined;
	}

	/** The parameter as saved, expressions unevaluated; undefined where n8n cannot give that. */
	saved(name: string): unknown {
		const raw = this.raw(name);
		return raw === MISSING ? undefined : raw;
	}

	private raw(name: string): unknown {
		if (!this.raws.has(name)) {
			this.rawExpressions ??= givesRawExpressions(this.context);
			const top = name.split(/[.[]/)[0];
			this.raws.set(
				name,
				!this.rawExpressions ||
					this.properties.some((property) => property.name === top && validatedByN8n(property))
					? MISSING
					: this.context.getNodeParameter(name, 0, MISSING, { rawExpressions: true }),
			);
		}
		return this.raws.get(name);
	}

	private plan(name: string): Plan | typeof NOT_PLANNED {
		let plan = this.plans.get(name);
		if (plan === undefined) {
			const raw = this.raw(name);
			// A missing parameter takes the caller's fallback, which n8n applies.
			plan = raw === MISSING ? NOT_PLANNED : planOf(raw);
			this.plans.set(name, plan);
		}
		return plan;
	}
}
