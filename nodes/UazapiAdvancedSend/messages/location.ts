import { showFor, type MessageTypeDefinition } from './definition';
import { FieldProblem } from '../../shared/problem';
import { readNumber, readText, withoutEmpty } from './read';
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

export const location: MessageTypeDefinition = {
	type: 'location',
	displayName: 'Location',
	description: 'A map pin with an optional name and address',
	properties: showFor(
		['location'],
		[
			{
				displayName: 'Latitude',
				name: 'latitude',
				type: 'number',
				typeOptions: { numberPrecision: 7 },
				default: 0,
				required: true,
				description: 'Decimal degrees, e.g. -23.5505 for São Paulo',
			},
			{
				displayName: 'Longitude',
				name: 'longitude',
				type: 'number',
				typeOptions: { numberPrecision: 7 },
				default: 0,
				required: true,
				description: 'Decimal degrees, e.g. -46.6333 for São Paulo',
			},
			{
				displayName: 'Place Name',
				name: 'locationName',
				type: 'string',
				default: '',
				placeholder: 'e.g. Loja Paulista',
			},
			{
				displayName: 'Address',
				name: 'locationAddress',
				type: 'string',
				default: '',
				placeholder: 'e.g. Av. Paulista, 1000 - São Paulo',
			},
		],
	),
	schema: messageSchema('location', {
		latitude: coordinate(90, 'latitude'),
		longitude: coordinate(180, 'longitude'),
		name: optionalText(256),
		address: optionalText(512),
	}),
	labels: { latitude: 'Latitude', longitude: 'Longitude', name: 'Place Name', address: 'Address' },
	build(fields) {
		const latitude = readNumber(fields, 'latitude', 'Latitude', 0);
		const longitude = readNumber(fields, 'longitude', 'Longitude', 0);
		if (latitude === 0 && longitude === 0) {
			throw new FieldProblem(
				'Latitude / Longitude',
				'are both 0, which is a point in the Atlantic Ocean',
				"Enter the place's coordinates, or map them from the input item.",
			);
		}
		return withoutEmpty({
			latitude,
			longitude,
			name: readText(fields, 'locationName', 'Place Name'),
			address: readText(fields, 'locationAddress', 'Address'),
		});
	},
};
