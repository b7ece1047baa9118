import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { LIMITS } from '../../shared/contract';
import {
	checkedChoices,
	choiceFields,
	choicesLabel,
	guardOpening,
	guardPart,
	listChoicesProblem,
	readChoices,
	footerField,
	interactiveText,
} from './choices';
import { extraLabel, field, labelsOf, showFor, type MessageTypeDefinition } from './definition';
import { FieldProblem, fieldPath } from '../../shared/problem';
import { readEntries, readField, readText, withoutEmpty } from './read';
import { messageSchema, optionalText, requiredText } from './schema';

const CHOICES_FIX = 'Add at least one section with at least one row.';

function compileSection(section: IDataObject, sectionPath: string): string[] {
	const titleField = fieldPath(sectionPath, 'Section Title');
	const title = guardPart(readText(section, 'title', titleField), titleField, 'list section');
	if (title === '')
		throw new FieldProblem(titleField, 'is empty', 'Name the section, e.g. Electronics.');
	if (/[[\]]/.test(title)) {
		throw new FieldProblem(
			titleField,
			'contains a square bracket, which would end the section title early',
			'Remove "[" and "]" from the title.',
		);
	}
	const rows = readEntries(section, 'rows', 'row');
	if (rows.length === 0) {
		throw new FieldProblem(
			fieldPath(sectionPath, 'Rows'),
			'is empty',
			'Add at least one row to the section, or remove the section.',
		);
	}
	return [
		`[${title}]`,
		...rows.map((row, index) => {
			const rowPath = fieldPath(sectionPath, `row ${index + 1}`);
			const rowTitleField = fieldPath(rowPath, 'Row Title');
			const rowTitle = guardOpening(
				guardPart(readText(row, 'title', rowTitleField), rowTitleField, 'list row'),
				rowTitleField,
			);
			if (rowTitle === '')
				throw new FieldProblem(rowTitleField, 'is empty', 'Enter the text of the row.');
			const id = guardPart(
				readText(row, 'id', fieldPath(rowPath, 'Row ID')),
				fieldPath(rowPath, 'Row ID'),
				'list row',
			);
			const description = guardPart(
				readText(row, 'description', fieldPath(rowPath, 'Row Description')),
				fieldPath(rowPath, 'Row Description'),
				'list row',
			);
			// "title||description" is ambiguous in the grammar: a row with a description always gets an ID.
			if (description !== '') return `${rowTitle}|${id || rowTitle}|${description}`;
			return id === '' ? rowTitle : `${rowTitle}|${id}`;
		}),
	];
}

function compileSections(fields: IDataObject): string[] {
	return readEntries(fields, 'listSections', 'section').flatMap((section, index) =>
		compileSection(section, fieldPath(sections.displayName, `section ${index + 1}`)),
	);
}

const body = interactiveText('listText', 'e.g. Choose your favourite category:');
const menuButton = field('listButton', {
	displayName: 'Menu Button Label',
	name: 'listButton',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. See Categories',
	description: 'Text of the button that opens the list',
});
const footer = footerField();
const sections: INodeProperties = {
	displayName: 'Sections',
	name: 'listSections',
	description: 'Each section needs a title and at least one row',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true, sortable: true },
	placeholder: 'Add Section',
	default: {},
	options: [
		{
			displayName: 'Section',
			name: 'section',
			values: [
				{
					displayName: 'Section Title',
					name: 'title',
					type: 'string',
					default: '',
					placeholder: 'e.g. Electronics',
				},
				{
					displayName: 'Rows',
					name: 'rows',
					type: 'fixedCollection',
					typeOptions: { multipleValues: true, sortable: true },
					placeholder: 'Add Row',
					default: {},
					options: [
						{
							displayName: 'Row',
							name: 'row',
							values: [
								{
									displayName: 'Row Title',
									name: 'title',
									type: 'string',
									default: '',
									placeholder: 'e.g. Smartphones',
								},
								{
									displayName: 'Row ID',
									name: 'id',
									type: 'string',
									default: '',
									placeholder: 'e.g. electronics_smartphones',
									description:
										'ID your webhook receives when the row is chosen. Defaults to the title.',
								},
								{
									displayName: 'Row Description',
									name: 'description',
									type: 'string',
									default: '',
								},
							],
						},
					],
				},
			],
		},
	],
};

export const list: MessageTypeDefinition = {
	type: 'list',
	displayName: 'List Menu',
	description: 'Text with a button that opens a menu of sections and rows',
	properties: showFor(
		['list'],
		[
			body.property,
			menuButton.property,
			...choiceFields(sections, {
				placeholder:
					'e.g.\n[Electronics]\nSmartphones|phones\nNotebooks|notes\n[Clothes]\nShirts|shirts',
				description:
					'"[Section title]" starts a section; each row under it is "Title|id", or "Title|id|description"',
			}),
		],
	),
	options: { name: 'listMessageOptions', fields: [footer.property] },
	schema: messageSchema('list', {
		text: requiredText(LIMITS.textLength, 'Enter the text shown above the menu button.'),
		listButton: requiredText(
			LIMITS.captionLength,
			'Enter the label of the button that opens the list, e.g. See Options.',
		),
		footerText: optionalText(LIMITS.captionLength),
		choices: checkedChoices(listChoicesProblem, CHOICES_FIX),
		buttonText: optionalText(LIMITS.captionLength),
	}),
	labels: labelsOf([body, menuButton, footer], {
		choices: choicesLabel(sections.displayName),
		buttonText: extraLabel('buttonText'),
	}),
	build(fields) {
		return withoutEmpty(
			{
				text: readField(fields, body),
				listButton: readField(fields, menuButton),
				footerText: readField(fields, footer),
				choices: readChoices(fields, compileSections),
			},
			['text', 'listButton'],
		);
	},
};
