import fc from 'fast-check';

import { phoneList, TO as to, url, words } from './kit';
import type { MessageTypeCases } from './types';

export const contactCases: MessageTypeCases = {
	types: ['contact'],
	builds: [
		[
			'contact',
			{
				type: 'contact',
				contactName: 'Maria Souza',
				contactPhones: '5511999999999, 5511888888888',
				contactMessageOptions: {
					contactOrganization: 'Loja',
					contactEmail: 'maria@loja.com',
					contactUrl: 'https://loja.com',
				},
			},
			{
				number: to,
				type: 'contact',
				fullName: 'Maria Souza',
				phoneNumber: '5511999999999, 5511888888888',
				organization: 'Loja',
				email: 'maria@loja.com',
				url: 'https://loja.com',
			},
		],
	],
	messageOptions: {
		contact: ['Email', 'Extra Fields (JSON)', 'Organization', 'Recipient Override', 'Website'],
	},
	json: (_type, { pick }) => ({
		shape: {
			fullName: pick(words),
			phoneNumber: pick(phoneList),
			organization: pick(words),
			email: pick(fc.emailAddress()),
			url: pick(url),
		},
		required: ['fullName', 'phoneNumber'],
	}),
	fields: (_type, { pick }) => ({
		contactName: pick(words),
		contactPhones: pick(phoneList),
		contactOrganization: pick(words),
		contactEmail: pick(fc.emailAddress()),
		contactUrl: pick(url),
	}),
	parity: {
		shape: (_type, { text, optional, long }) => ({
			fullName: text,
			phoneNumber: fc.constantFrom('5511999999999', '5511999999999, 5511888888888', 'abc', ''),
			email: optional(fc.constantFrom('maria@example.com', 'nope', 'maria@')),
			url: optional(fc.constantFrom('https://example.com', long(3000))),
		}),
		optional: ['email', 'url'],
		editorNames: {
			fullName: 'contactName',
			phoneNumber: 'contactPhones',
			email: 'contactEmail',
			url: 'contactUrl',
		},
	},
};
