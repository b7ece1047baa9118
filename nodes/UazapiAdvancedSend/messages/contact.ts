import { field, labelsOf, showFor, type MessageTypeDefinition } from './definition';
import { readField, withoutEmpty } from './read';
import { messageSchema, optionalText, refine, requiredText, says } from './schema';

/** One or more phone numbers, comma-separated, as uazapi's /send/contact documents. */
const PHONE_LIST = /^\+?[\d\s().-]{8,20}(,\s*\+?[\d\s().-]{8,20})*$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const fullName = field('fullName', {
	displayName: 'Full Name',
	name: 'contactName',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. Maria Souza',
});
const phoneNumber = field('phoneNumber', {
	displayName: 'Phone Numbers',
	name: 'contactPhones',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 5511999999999, 5511888888888',
	description: 'One or more numbers of the contact, separated by commas',
});
const organization = field('organization', {
	displayName: 'Organization',
	name: 'contactOrganization',
	type: 'string',
	default: '',
});
const email = field('email', {
	displayName: 'Email',
	name: 'contactEmail',
	type: 'string',
	placeholder: 'name@email.com',
	default: '',
});
const url = field('url', {
	displayName: 'Website',
	name: 'contactUrl',
	type: 'string',
	default: '',
	placeholder: 'e.g. https://example.com',
});
const FIELDS = [fullName, phoneNumber, organization, email, url];

export const contact: MessageTypeDefinition = {
	type: 'contact',
	displayName: 'Contact Card',
	description: 'A contact card (vCard) the recipient can save',
	properties: showFor(['contact'], [fullName.property, phoneNumber.property]),
	options: {
		name: 'contactMessageOptions',
		fields: [organization.property, email.property, url.property],
	},
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
		email: refine(
			optionalText(256),
			(value) => value === undefined || EMAIL.test(value),
			(value) => ({
				message: says(
					`"${String(value)}" is not an e-mail address`,
					'Write it as name@example.com, or leave it empty.',
				),
			}),
		),
		url: optionalText(2048),
	}),
	labels: labelsOf(FIELDS),
	build(fields) {
		return withoutEmpty(
			{
				fullName: readField(fields, fullName),
				phoneNumber: readField(fields, phoneNumber),
				organization: readField(fields, organization),
				email: readField(fields, email),
				url: readField(fields, url),
			},
			['fullName', 'phoneNumber'],
		);
	},
};
