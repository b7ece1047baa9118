import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod/v3';

import { LIMITS } from '../../shared/contract';
import {
	checkedChoices,
	choiceFields,
	choicesLabel,
	guardPart,
	readChoices,
	footerField,
} from './choices';
import { extraLabel, field, labelsOf, showFor, type MessageTypeDefinition } from './definition';
import { fieldPath } from '../../shared/problem';
import { readEntries, readField, readNumber, readText, withoutEmpty } from './read';
import { messageSchema, optionalText, requiredText, says } from './schema';

const OPTIONS_FIX = `Give the poll ${LIMITS.pollOptionsMin} to ${LIMITS.pollOptionsMax} different options.`;

function pollOptionsProblem(choices: string[]): string | undefined {
	if (choices.length < LIMITS.pollOptionsMin)
		return `has ${choices.length} option(s); a poll needs at least ${LIMITS.pollOptionsMin}`;
	if (choices.length > LIMITS.pollOptionsMax)
		return `has ${choices.length} options; WhatsApp allows at most ${LIMITS.pollOptionsMax}`;
	const seen = new Set<string>();
	for (const choice of choices) {
		if (seen.has(choice)) return `has "${choice}" twice; WhatsApp needs every option to differ`;
		seen.add(choice);
	}
	return undefined;
}

function compileOptions(fields: IDataObject): string[] {
	return readEntries(fields, 'pollOptions', 'option').map((option, index) => {
		const field = fieldPath(options.displayName, `option ${index + 1}`);
		return guardPart(readText(option, 'text', field), field, 'poll option');
	});
}

const question = field('text', {
	displayName: 'Question',
	name: 'pollQuestion',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. Which day suits you best?',
});
const options: INodeProperties = {
	displayName: 'Poll Options',
	name: 'pollOptions',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true, sortable: true },
	placeholder: 'Add Poll Option',
	default: {},
	description: `${LIMITS.pollOptionsMin} to ${LIMITS.pollOptionsMax} different options`,
	options: [
		{
			displayName: 'Option',
			name: 'option',
			values: [
				{
					displayName: 'Text',
					name: 'text',
					type: 'string',
					default: '',
					placeholder: 'e.g. Monday',
				},
			],
		},
	],
};
const selectable = field('selectableCount', {
	displayName: 'Selectable Count',
	name: 'selectableCount',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 1,
	description: 'How many options one person may choose',
});
const footer = footerField(' (uazapi lists it for polls; WhatsApp may not show it)');

export const poll: MessageTypeDefinition = {
	type: 'poll',
	displayName: 'Poll',
	description: 'A question with options the recipient votes on',
	properties: showFor(
		['poll'],
		[
			question.property,
			...choiceFields(options, {
				placeholder: 'e.g.\nMonday\nWednesday\nFriday',
				description: 'One option per line',
			}),
		],
	),
	options: { name: 'pollMessageOptions', fields: [selectable.property, footer.property] },
	schema: messageSchema('poll', {
		text: requiredText(LIMITS.captionLength, 'Enter the poll question.'),
		choices: checkedChoices(pollOptionsProblem, OPTIONS_FIX),
		selectableCount: z
			.number({ invalid_type_error: says('must be a number', 'Enter a whole number such as 1.') })
			.int(says('must be a whole number', 'Enter a whole number such as 1.'))
			.min(1, says('must be at least 1', 'Let people choose at least one option.'))
			.optional(),
		footerText: optionalText(LIMITS.captionLength),
		buttonText: optionalText(LIMITS.captionLength),
	}).superRefine((message, context) => {
		if ((message.selectableCount ?? 1) > message.choices.length) {
			context.addIssue({
				code: 'custom',
				path: ['selectableCount'],
				message: says(
					`is ${message.selectableCount}, more than the ${message.choices.length} options`,
					'Lower it to the number of options or fewer.',
				),
			});
		}
	}),
	labels: labelsOf([question, selectable, footer], {
		choices: choicesLabel(options.displayName),
		buttonText: extraLabel('buttonText'),
	}),
	build(fields) {
		return withoutEmpty(
			{
				text: readField(fields, question),
				choices: readChoices(fields, compileOptions),
				selectableCount: readNumber(
					fields,
					selectable.property.name,
					selectable.property.displayName,
					1,
				),
				footerText: readField(fields, footer),
			},
			['text'],
		);
	},
};
