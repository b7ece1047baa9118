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

/**
 * Coordinates are text fields: a number field would start at 0, a point in the ocean the node then
 * refuses, where an empty field asks to be filled. Numeric text and expressions are read as numbers.
 */
const latitude = field('latitude', {
	displayName: 'Latitude',
	name: 'latitude',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. -23.5505',
	description: 'Decimal degrees, from -90 to 90 (-23.5505 is São Paulo)',
});
const longitude = field('longitude', {
	displayName: 'Longitude',
	name: 'longitude',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. -46.6333',
	description: 'Decimal degrees, from -180 to 180 (-46.6333 is São Paulo)',
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
	properties: showFor(['location'], [latitude.property, longitude.property]),
	options: { name: 'locationMessageOptions', fields: [name.property, address.property] },
	schema: messageSchema('location', {
		latitude: coordinate(90, 'latitude'),
		longitude: coordinate(180, 'longitude'),
		name: optionalText(256),
		address: optionalText(512),
	}).superRefine((message, context) => {
		// 0, 0 is what an empty mapped column often becomes, and a point in the ocean: a pin nobody meant to send.
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
			latitude: readNumber(fields, latitude.property.name, latitude.property.displayName),
			longitude: readNumber(fields, longitude.property.name, longitude.property.displayName),
			name: readField(fields, name),
			address: readField(fields, address),
		});
	},
};
