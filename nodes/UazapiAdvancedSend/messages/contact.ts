import { showFor, type MessageTypeDefinition } from './definition';
import { FieldProblem } from '../../shared/problem';
import { readText, withoutEmpty } from './read';
import { messageSchema, optionalText, refine, requiredText, says } from './schema';

/** One or more phone numbers, comma-separated, as uazapi's /send/contact documents. */
const PHONE_LIST = /^\+?[\d\s().-]{8,20}(,\s*\+?[\d\s().-]{8,20})*$/;

export const contact: MessageTypeDefinition = {
	type: 'contact',
	displayName: 'Contact Card',
	description: 'A contact card (vCard) the recipient can save',
	properties: showFor(
		['contact'],
		[
			{
				displayName: 'Full Name',
				name: 'contactName',
				type: 'string',
				default: '',
				required: true,
				placeholder: 'e.g. Maria Souza',
			},
			{
				displayName: 'Phone Numbers',
				name: 'contactPhones',
				type: 'string',
				default: '',
				required: true,
				placeholder: 'e.g. 5511999999999, 5511888888888',
				description: 'One or more numbers of the contact, separated by commas',
			},
			{
				displayName: 'Organization',
				name: 'contactOrganization',
				type: 'string',
				default: '',
			},
			{
				displayName: 'Email',
				name: 'contactEmail',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
			},
			{
				displayName: 'Website',
				name: 'contactUrl',
				type: 'string',
				default: '',
				placeholder: 'e.g. https://example.com',
			},
		],
	),
	schema: messageSchema('contact', {
		fullName: requiredText(256, "Enter the contact's name."),
		phoneNumber: refine(
			requiredText(256, 'Enter at least one phone number of the contact.'),
			(value) => PHONE_LIST.test(value),
			says(
				'is not a list of phone numbers',
				'Write numbers with country code, separated by commas, e.g. 5511999999999, 5511888888888.',
			),
		),
		organization: optionalText(256),
		email: optionalText(256),
		url: optionalText(2048),
	}),
	labels: {
		fullName: 'Full Name',
		phoneNumber: 'Phone Numbers',
		organization: 'Organization',
		email: 'Email',
		url: 'Website',
	},
	build(fields) {
		const email = readText(fields, 'contactEmail', 'Email');
		if (email !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
			throw new FieldProblem(
				'Email',
				`"${email}" is not an e-mail address`,
				'Write it as name@example.com, or leave it empty.',
			);
		}
		return withoutEmpty(
			{
				fullName: readText(fields, 'contactName', 'Full Name'),
				phoneNumber: readText(fields, 'contactPhones', 'Phone Numbers'),
				organization: readText(fields, 'contactOrganization', 'Organization'),
				email,
				url: readText(fields, 'contactUrl', 'Website'),
			},
			['fullName', 'phoneNumber'],
		);
	},
};
