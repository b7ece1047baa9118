import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod/v3';

import { LIMITS, SEND_EXTRA_FIELDS, type SenderMessageType } from '../../shared/contract';
import type { Label } from './definition';
import { FieldProblem } from '../../shared/problem';

/**
 * Building blocks of the per-type zod schemas. A message is written "problem\nfix" so that one
 * string carries both halves through zod; toFieldProblem splits it again.
 */
export function says(problem: string, fix: string): string {
	return `${problem}\n${fix}`;
}

const textType = {
	required_error: says('is missing', 'Fill in this field.'),
	invalid_type_error: says(
		'must be text',
		'Map a single text value, not a number, list or object.',
	),
};

/** schema.refine(check, message), with a message that may name the value. */
export function refine<T extends z.ZodTypeAny>(
	schema: T,
	check: (value: z.output<T>) => boolean,
	message: string | { message: string } | ((value: z.output<T>) => { message: string }),
) {
	return schema.refine(check, message);
}

export function requiredText(max: number, fix: string) {
	const text = refine(z.string(textType), (value) => value.trim() !== '', says('is empty', fix));
	return refine(text, (value) => value.length <= max, {
		message: says(`is longer than ${max} characters`, `Shorten it to ${max} characters or fewer.`),
	});
}

export function optionalText(max: number = LIMITS.textLength) {
	return refine(z.string(textType), (text) => text.length <= max, {
		message: says(`is longer than ${max} characters`, `Shorten it to ${max} characters or fewer.`),
	}).optional();
}

export const optionalBoolean = z
	.boolean({ invalid_type_error: says('must be true or false', 'Use true or false.') })
	.optional();

const HTTP_URL = /^https?:\/\/[^\s/$.?#][^\s]*$/i;
const BASE64 = /^(data:[\w.+-]+\/[\w.+-]+;base64,)?[A-Za-z0-9+/\r\n]+={0,2}$/;

export function isHttpUrl(value: string): boolean {
	return HTTP_URL.test(value);
}

export function isBase64(value: string): boolean {
	return value.length >= 4 && BASE64.test(value);
}

/** How many bytes base64 text (a data: URI prefix allowed) decodes to, without decoding it. */
export function base64Bytes(value: string): number {
	const content = value.slice(value.indexOf(',') + 1).replace(/[\r\n]/g, '');
	const padding = content.endsWith('==') ? 2 : content.endsWith('=') ? 1 : 0;
	return Math.floor((content.length * 3) / 4) - padding;
}

/** A file reference: uazapi takes a public URL or base64 content wherever media goes. */
export function urlOrBase64(fix: string) {
	const file = refine(z.string(textType), (value) => value.trim() !== '', says('is empty', fix));
	return refine(
		file,
		(value) => value.trim() === '' || isHttpUrl(value) || isBase64(value),
		says('is neither an http(s) URL nor base64 content', fix),
	);
}

/** The sender's `choices`: a list of non-empty strings. */
export function choiceList(fix: string) {
	const choice = refine(
		z.string({ invalid_type_error: says('must be a list of texts', fix) }),
		(value) => value.trim() !== '',
		says('has an empty entry', fix),
	);
	return z
		.array(choice, {
			required_error: says('is missing', fix),
			invalid_type_error: says('must be a list of texts', fix),
		})
		.min(1, says('is empty', fix));
}

const optionalString = z.string(textType).optional();

/** The documented /send/* fields a message may carry deliberately (see SEND_EXTRA_FIELDS). */
const extraFieldsShape: Record<(typeof SEND_EXTRA_FIELDS)[number], z.ZodTypeAny> = {
	delay: z
		.number({ invalid_type_error: says('must be a number', 'Give milliseconds, e.g. 3000.') })
		.int(says('must be a whole number', 'Give milliseconds, e.g. 3000.'))
		.min(0, says('must be 0 or more', 'Give milliseconds, e.g. 3000.'))
		.optional(),
	readchat: optionalBoolean,
	readmessages: optionalBoolean,
	replyid: optionalString,
	mentions: optionalString,
	forward: optionalBoolean,
	viewOnce: optionalBoolean,
	track_source: optionalString,
	track_id: optionalString,
};

/**
 * A complete sender message of one type: number, type, the type's own fields and the documented
 * /send/* extras, nothing else.
 */
export function messageSchema<Shape extends z.ZodRawShape>(type: SenderMessageType, shape: Shape) {
	return z
		.object({
			number: z.string({
				required_error: says('is missing', 'Every message needs the recipient\'s "number".'),
				invalid_type_error: says('must be text', 'Write the number as text, e.g. "5511999999999".'),
			}),
			type: z.literal(type),
			...shape,
			...extraFieldsShape,
		})
		.strict();
}

/** The first problem zod found, named with the editor's label for the field when it has one. */
export function toFieldProblem(
	error: z.ZodError,
	labels: Record<string, Label>,
	type: SenderMessageType,
	entry: IDataObject = {},
): FieldProblem {
	const issue = error.issues[0];
	if (issue.code === 'unrecognized_keys') {
		return new FieldProblem(
			`"${issue.keys[0]}"`,
			`is not a field of a uazapi "${type}" message`,
			`Remove it, or correct its spelling. A "${type}" message takes: ${Object.keys(labels).join(', ')}; any message may also carry ${SEND_EXTRA_FIELDS.join(', ')} (documented for /send/*, unverified for campaigns).`,
		);
	}
	const [key, ...rest] = issue.path;
	const named = labels[String(key)];
	const label = typeof named === 'function' ? named(entry) : (named ?? `"${String(key)}"`);
	const field = rest.length > 0 ? `${label} (entry ${Number(rest[0]) + 1})` : label;
	const [problem, fix] = issue.message.includes('\n')
		? issue.message.split('\n', 2)
		: [issue.message, 'Correct this value.'];
	return new FieldProblem(field, problem, fix);
}

/** Validates a built or user-supplied message against its type's schema. */
export function checkMessage(
	schema: z.ZodType<IDataObject>,
	message: IDataObject,
	labels: Record<string, Label>,
	type: SenderMessageType,
	entry?: IDataObject,
): IDataObject {
	const result = schema.safeParse(message);
	if (!result.success) throw toFieldProblem(result.error, labels, type, entry);
	return message;
}
