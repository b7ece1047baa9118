import { isSafeObjectProperty } from 'n8n-workflow';

/**
 * The expressions most campaigns use, `{{ $json.name }}` alone or inside text such as
 * `Olá {{ $json.name }}!`, evaluated here instead of in n8n's sandboxed expression engine, which
 * costs about half a millisecond per expression and item. Only what is certain to give n8n's
 * own result is evaluated here (tournament's rules for a template, n8n's property checks);
 * anything else is LEFT_TO_N8N, and n8n evaluates the parameter itself.
 */

export const LEFT_TO_N8N = Symbol('left to n8n');

/** A step of a $json path: a property name, or an array index. */
type Step = string | number;

/** Text, or the value of a `{{ $json… }}` in it. */
type Part = string | Step[];

export interface JsonPathTemplate {
	parts: Part[];
	/** The whole expression is one `{{ $json… }}`: n8n gives its value as it is, not as text. */
	whole: boolean;
}

const PATH =
	/^[ \t\r\n]*\$json((?:\.[A-Za-z_$][\w$]*|\[(?:0|[1-9]\d*)\]|\["[^"\\\r\n]*"\]|\['[^'\\\r\n]*'\])*)[ \t\r\n]*$/;
const STEP = /\.([A-Za-z_$][\w$]*)|\[(0|[1-9]\d*)\]|\["([^"]*)"\]|\['([^']*)'\]/g;

function isPlainObject(value: unknown): value is Record<string, unknown> {
	if (typeof value !== 'object' || value === null) return false;
	const prototype = Object.getPrototypeOf(value) as unknown;
	return prototype === Object.prototype || prototype === null;
}

/**
 * A property read here: one n8n lets an expression read (older n8n without the check leave every
 * path to n8n), and not a name objects inherit, which n8n 2.x's vm engine reads from the prototype
 * even when the item has its own.
 */
function readable(name: string): boolean {
	return (
		typeof isSafeObjectProperty === 'function' &&
		isSafeObjectProperty(name) &&
		!(name in Object.prototype)
	);
}

function pathOf(code: string): Step[] | undefined {
	const match = PATH.exec(code);
	if (!match) return undefined;
	const path = [...match[1].matchAll(STEP)].map(([, name, index, double, single]) =>
		index !== undefined ? Number(index) : (name ?? double ?? single),
	);
	// n8n refuses some names wherever they are written, even after a missing property, and `.$`.
	const names = path.filter((step): step is string => typeof step === 'string');
	return names.every((name) => name !== '$' && readable(name)) ? path : undefined;
}

/**
 * The template of an expression (the parameter without its leading "="), or undefined when it is
 * anything but text and `{{ $json… }}` paths. Backslashes (tournament's escapes) and
 * "constructor" (which n8n refuses) are left to n8n.
 */
export function parseJsonPathTemplate(expression: string): JsonPathTemplate | undefined {
	if (expression === '' || expression.includes('\\') || expression.includes('constructor')) {
		return undefined;
	}
	const parts: Part[] = [];
	let rest = expression;
	while (rest !== '') {
		const open = rest.indexOf('{{');
		if (open === -1) {
			parts.push(rest);
			break;
		}
		if (open > 0) parts.push(rest.slice(0, open));
		// As in tournament, code ends at the first "}}"; an unclosed "{{" is code too.
		const close = rest.indexOf('}}', open + 2);
		const path = close === -1 ? undefined : pathOf(rest.slice(open + 2, close));
		if (!path) return undefined;
		parts.push(path);
		rest = rest.slice(close + 2);
	}
	return { parts, whole: parts.length === 1 && typeof parts[0] !== 'string' };
}

/**
 * What `$json…` reads in n8n: through plain objects (own properties; a missing one is undefined)
 * and arrays (by index); a step from undefined or null gives undefined, as n8n swallows the
 * TypeError. Anything else (strings' properties, dates) is left to n8n.
 */
function valueAt(json: unknown, path: Step[]): unknown {
	let value = json;
	for (const step of path) {
		if (value === undefined || value === null) return undefined;
		if (Array.isArray(value)) {
			if (typeof step !== 'number') return LEFT_TO_N8N;
			value = (value as unknown[])[step];
		} else if (isPlainObject(value)) {
			const name = String(step);
			value = Object.prototype.hasOwnProperty.call(value, name) ? value[name] : undefined;
		} else {
			return LEFT_TO_N8N;
		}
	}
	return value;
}

/** A copy of plain JSON data (what n8n hands back for an object or list), or LEFT_TO_N8N. */
function copyOfJson(value: unknown): unknown {
	const type = typeof value;
	if (value === null || type === 'string' || type === 'number' || type === 'boolean') return value;
	if (type === 'undefined') return undefined;
	if (Array.isArray(value)) {
		const copy: unknown[] = [];
		for (let index = 0; index < value.length; index++) {
			if (!(index in value)) return LEFT_TO_N8N;
			const entry = copyOfJson(value[index]);
			if (entry === LEFT_TO_N8N) return LEFT_TO_N8N;
			copy.push(entry);
		}
		return copy;
	}
	if (!isPlainObject(value)) return LEFT_TO_N8N;
	const copy: Record<string, unknown> = {};
	for (const key of Object.keys(value)) {
		const entry = copyOfJson(value[key]);
		if (!readable(key) || entry === LEFT_TO_N8N) return LEFT_TO_N8N;
		copy[key] = entry;
	}
	return copy;
}

/** The template's value for an item's JSON, as n8n would give it, or LEFT_TO_N8N. */
export function evaluateJsonPathTemplate(template: JsonPathTemplate, json: unknown): unknown {
	if (template.whole) {
		const value = valueAt(json, template.parts[0] as Step[]);
		return value === LEFT_TO_N8N ? value : copyOfJson(value);
	}
	let text = '';
	for (const part of template.parts) {
		if (typeof part === 'string') {
			text += part;
			continue;
		}
		const value = valueAt(json, part);
		const type = typeof value;
		if (value !== undefined && value !== null && !['string', 'number', 'boolean'].includes(type)) {
			return LEFT_TO_N8N;
		}
		// Tournament turns each {{ }} of a text into its value, or '' for undefined, null, '' and
		// NaN, and joins them: numbers and booleans become their text.
		if (value || value === 0 || value === false) text += String(value);
	}
	return text;
}

/** What a `{{ $json… }}` inside a text found instead of a value to show. */
export type HoleKind = 'missing' | 'null' | 'empty' | 'object' | 'list';

/** A `{{ $json… }}` inside a text whose value leaves a hole in it, or shows as "[object Object]". */
export interface TemplateHole {
	/** The expression as written, e.g. `{{ $json.order.id }}`. */
	expression: string;
	kind: HoleKind;
}

function expressionOf(path: Step[]): string {
	const steps = path.map((step) =>
		typeof step === 'number'
			? `[${step}]`
			: /^[A-Za-z_$][\w$]*$/.test(step)
				? `.${step}`
				: `[${JSON.stringify(step)}]`,
	);
	return `{{ $json${steps.join('')} }}`;
}

function holeKind(value: unknown): HoleKind | undefined {
	if (value === undefined) return 'missing';
	if (value === null) return 'null';
	if (value === '') return 'empty';
	if (Array.isArray(value)) return 'list';
	if (typeof value === 'object') return 'object';
	return undefined;
}

/**
 * The holes the item's JSON leaves in a text that maps `{{ $json… }}` values, whoever evaluates
 * it: n8n gives "" for a missing, null or empty value and "[object Object]" for an object. A
 * template that is one whole `{{ $json… }}` has no text around it to leave a hole in: its value is
 * the field's value, checked as such.
 */
export function holesOf(template: JsonPathTemplate, json: unknown): TemplateHole[] {
	if (template.whole) return [];
	const holes: TemplateHole[] = [];
	for (const part of template.parts) {
		if (typeof part === 'string') continue;
		const value = valueAt(json, part);
		const kind = value === LEFT_TO_N8N ? undefined : holeKind(value);
		if (kind) holes.push({ expression: expressionOf(part), kind });
	}
	return holes;
}

/** A hole in a parameter's text, at a path inside the parameter's value. */
export interface ParameterHole extends TemplateHole {
	path: Array<string | number>;
}

/**
 * Templates parsed once per expression however many items read them, and the holes an item's
 * JSON leaves in the texts of a saved value (a parameter, or a uazapi Message node's parameters).
 */
export class Templates {
	private readonly parsed = new Map<string, JsonPathTemplate | undefined>();

	/** The template of an expression as saved (with its leading "="), or undefined. */
	of(expression: string): JsonPathTemplate | undefined {
		if (!this.parsed.has(expression)) {
			this.parsed.set(expression, parseJsonPathTemplate(expression.slice(1)));
		}
		return this.parsed.get(expression);
	}

	/** Only `{{ $json… }}` paths can be told apart from a value that is really empty. */
	holesIn(raw: unknown, json: unknown, path: Array<string | number> = []): ParameterHole[] {
		if (typeof raw === 'string') {
			const template = raw.startsWith('=') ? this.of(raw) : undefined;
			return template ? holesOf(template, json).map((hole) => ({ ...hole, path })) : [];
		}
		if (typeof raw !== 'object' || raw === null) return [];
		return Object.entries(raw).flatMap(([key, value]) =>
			this.holesIn(value, json, [...path, Array.isArray(raw) ? Number(key) : key]),
		);
	}
}
