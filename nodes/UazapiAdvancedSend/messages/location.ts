import { field, labelsOf, showFor, type MessageTypeDefinition } from './definition';
import { readField, readNumber, withoutEmpty } from './read';
import { messageSchema, optionalText, says } from './schema';
import { z } from 'zod/v3';

function coordinate(limit: number, name: string) {
	return z
		.number({
			required_error: says('is missing', `Enter the ${name}.`),
			invalid_type_error: says('must be a number', `Enter the ${name} as a number, e.g. -23.5505.`),
		})
		.min(
			-limit,
			says(
				`must be between -${limit} and ${limit}`,
				`Check the ${name}; decimal degrees such as -23.5505 are expected.`,
			),
		)
		.max(
			limit,
			says(
				`must be between -${limit} and ${limit}`,
				`Check the ${name}; decimal degrees such as -23.5505 are expected.`,
			),
		);
}

const latitude = field('latitude', {
	displayName: 'Latitude',
	name: 'latitude',
	type: 'number',
	typeOptions: { numberPrecision: 7 },
	default: 0,
	required: true,
	description: 'Decimal degrees, e.g. -23.5505 for São Paulo',
});
const longitude = field('longitude', {
	displayName: 'Longitude',
	name: 'longitude',
	type: 'number',
	typeOptions: { numberPrecision: 7 },
	default: 0,
	required: true,
	description: 'Decimal degrees, e.g. -46.6333 for São Paulo',
});
const name = field('name', {
	displayName: 'Place Name',
	name: 'locationName',
	type: 'string',
	default: '',
	placeholder: 'e.g. Loja Paulista',
});
const address = field('address', {
	displayName: 'Address',
	name: 'locationAddress',
	type: 'string',
	default: '',
	placeholder: 'e.g. Av. Paulista, 1000 - São Paulo',
});
const FIELDS = [latitude, longitude, name, address];

export const location: MessageTypeDefinition = {
	type: 'location',
	displayName: 'Location',
	description: 'A map pin with an optional name and address',
	properties: showFor(
		['location'],
		FIELDS.map((declared) => declared.property),
	),
	schema: messageSchema('location', {
		latitude: coordinate(90, 'latitude'),
		longitude: coordinate(180, 'longitude'),
		name: optionalText(256),
		address: optionalText(512),
	}).superRefine((message, context) => {
		// 0, 0 is the editor's default, and a point in the ocean: a pin nobody meant to send.
		if (message.latitude === 0 && message.longitude === 0) {
			context.addIssue({
				code: 'custom',
				path: ['latitude'],
				message: says(
					'and the longitude are both 0, which is a point in the Atlantic Ocean',
					"Enter the place's coordinates, or map them from the input item.",
				),
			});
		}
	}),
	labels: labelsOf(FIELDS),
	build(fields) {
		return withoutEmpty({
			latitude: readNumber(fields, latitude.property.name, latitude.property.displayName, 0),
			longitude: readNumber(fields, longitude.property.name, longitude.property.displayName, 0),
			name: readField(fields, name),
			address: readField(fields, address),
		});
	},
};
