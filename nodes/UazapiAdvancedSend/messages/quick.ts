import type { z } from 'zod/v3';

/**
 * A fast path in front of zod. A message schema is compiled once into a plain predicate that
 * accepts a value only if the schema accepts it too: the same type tests, length and range checks
 * and the schema's own refinement functions, without zod's per-call contexts, issue lists and
 * copies of the value. checkMessage asks the predicate first and runs zod, which also words the
 * problem, only when the predicate says no, so errors are exactly zod's. A schema using a kind of
 * zod node this compiler does not know compiles to undefined and always goes through zod.
 */
export type QuickCheck = (value: unknown) => boolean;

const compiled = new WeakMap<z.ZodTypeAny, QuickCheck | null>();
const plainChecks = new WeakMap<z.ZodTypeAny, (value: never) => unknown>();

/**
 * Remembers the check given to schema.refine(check) for the refined schema, so the quick path
 * calls it directly rather than through zod's wrapper (which allocates on every call).
 */
export function withPlainCheck<T extends z.ZodTypeAny>(
	refined: T,
	check: (value: never) => unknown,
): T {
	plainChecks.set(refined, check);
	return refined;
}

/** Collects whether a refinement reported an issue; refinements here only call addIssue. */
const refinementSink = {
	failed: false,
	path: [] as Array<string | number>,
	addIssue() {
		refinementSink.failed = true;
	},
};

/** What zod's getParsedType calls an "object". */
function isZodObjectValue(value: unknown): value is Record<string, unknown> {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
	const record = value as { then?: unknown; catch?: unknown };
	if (typeof record.then === 'function' && typeof record.catch === 'function') return false;
	return !(value instanceof Map || value instanceof Set || value instanceof Date);
}

function compileNumber(schema: z.ZodNumber): QuickCheck | undefined {
	const tests: QuickCheck[] = [];
	for (const check of schema._def.checks) {
		if (check.kind === 'int') tests.push((value) => Number.isInteger(value));
		else if (check.kind === 'finite') tests.push((value) => Number.isFinite(value));
		else if (check.kind === 'min') {
			const { value: limit, inclusive } = check;
			tests.push(
				inclusive ? (value) => (value as number) >= limit : (value) => (value as number) > limit,
			);
		} else if (check.kind === 'max') {
			const { value: limit, inclusive } = check;
			tests.push(
				inclusive ? (value) => (value as number) <= limit : (value) => (value as number) < limit,
			);
		} else return undefined;
	}
	return (value) =>
		typeof value === 'number' && !Number.isNaN(value) && tests.every((test) => test(value));
}

function compileArray(schema: z.ZodArray<z.ZodTypeAny>): QuickCheck | undefined {
	const element = quickCheckOf(schema._def.type);
	if (!element) return undefined;
	const { exactLength, minLength, maxLength } = schema._def;
	return (value) => {
		if (!Array.isArray(value)) return false;
		const length = value.length;
		if (exactLength !== null && length !== exactLength.value) return false;
		if (minLength !== null && length < minLength.value) return false;
		if (maxLength !== null && length > maxLength.value) return false;
		for (let index = 0; index < length; index++) if (!element(value[index])) return false;
		return true;
	};
}

function compileObject(schema: z.AnyZodObject): QuickCheck | undefined {
	const { unknownKeys, catchall } = schema._def;
	const catchallName: unknown = (catchall?._def as { typeName?: unknown } | undefined)?.typeName;
	if (catchallName !== 'ZodNever' || !['strict', 'strip', 'passthrough'].includes(unknownKeys)) {
		return undefined;
	}
	const shape = schema.shape as Record<string, z.ZodTypeAny>;
	const keys = Object.keys(shape);
	const fields: QuickCheck[] = [];
	for (const key of keys) {
		const field = quickCheckOf(shape[key]);
		if (!field) return undefined;
		fields.push(field);
	}
	const known = new Set(keys);
	const strict = unknownKeys === 'strict';
	return (value) => {
		if (!isZodObjectValue(value)) return false;
		if (strict) {
			// zod looks for unknown keys with for...in as well.
			for (const key in value) if (!known.has(key)) return false;
		}
		for (let index = 0; index < keys.length; index++) {
			if (!fields[index](value[keys[index]])) return false;
		}
		return true;
	};
}

function compileRefinement(schema: z.ZodEffects<z.ZodTypeAny>): QuickCheck | undefined {
	const effect = schema._def.effect;
	if (effect.type !== 'refinement') return undefined;
	const inner = quickCheckOf(schema._def.schema);
	if (!inner) return undefined;
	const plain = plainChecks.get(schema) as ((value: unknown) => unknown) | undefined;
	if (plain) {
		// zod's refine fails a falsy result and throws on a promise; both mean "ask zod" here.
		return (value) => {
			if (!inner(value)) return false;
			const result = plain(value);
			return Boolean(result) && !(result instanceof Promise);
		};
	}
	const refinement = effect.refinement as (
		value: unknown,
		context: typeof refinementSink,
	) => unknown;
	return (value) => {
		if (!inner(value)) return false;
		const outer = refinementSink.failed;
		refinementSink.failed = false;
		try {
			const result = refinement(value, refinementSink);
			return !refinementSink.failed && !(result instanceof Promise);
		} finally {
			refinementSink.failed = outer;
		}
	};
}

/**
 * Dispatches on zod 3's own type names: a schema from another zod major (whose internals differ)
 * has none of them, compiles to undefined and is left to zod entirely.
 */
function compile(schema: z.ZodTypeAny): QuickCheck | undefined {
	const typeName: unknown = (schema._def as { typeName?: unknown }).typeName;
	switch (typeName) {
		case 'ZodOptional': {
			const inner = quickCheckOf((schema as z.ZodOptional<z.ZodTypeAny>)._def.innerType);
			return inner && ((value) => value === undefined || inner(value));
		}
		case 'ZodString': {
			const { coerce, checks } = (schema as z.ZodString)._def;
			return coerce || checks.length > 0 ? undefined : (value) => typeof value === 'string';
		}
		case 'ZodBoolean':
			return (schema as z.ZodBoolean)._def.coerce
				? undefined
				: (value) => typeof value === 'boolean';
		case 'ZodNumber':
			return (schema as z.ZodNumber)._def.coerce ? undefined : compileNumber(schema as z.ZodNumber);
		case 'ZodLiteral': {
			const literal: unknown = (schema as z.ZodLiteral<unknown>)._def.value;
			return (value) => value === literal;
		}
		case 'ZodArray':
			return compileArray(schema as z.ZodArray<z.ZodTypeAny>);
		case 'ZodObject':
			return compileObject(schema as z.AnyZodObject);
		case 'ZodEffects':
			return compileRefinement(schema as z.ZodEffects<z.ZodTypeAny>);
		default:
			return undefined;
	}
}

/** The schema's predicate, compiled on first use; undefined when only zod can decide. */
export function quickCheckOf(schema: z.ZodTypeAny): QuickCheck | undefined {
	let check = compiled.get(schema);
	if (check === undefined) {
		try {
			check = compile(schema) ?? null;
		} catch {
			check = null;
		}
		compiled.set(schema, check);
	}
	return check ?? undefined;
}

/** True only when the schema certainly accepts the value; false means "ask zod". */
export function passesQuickCheck(schema: z.ZodTypeAny, value: unknown): boolean {
	const check = quickCheckOf(schema);
	if (!check) return false;
	try {
		return check(value);
	} catch {
		// Whatever went wrong, zod will meet it too and report it its own way.
		return false;
	}
}
