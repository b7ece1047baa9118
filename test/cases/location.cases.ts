import fc from 'fast-check';

import { latitude, longitude, TO as to, words } from './kit';
import type { MessageTypeCases } from './types';

export const locationCases: MessageTypeCases = {
	types: ['location'],
	builds: [
		[
			'location (numeric text from an expression)',
			{
				type: 'location',
				latitude: '-23.5505',
				longitude: -46.6333,
				locationMessageOptions: {
					locationName: 'Loja Paulista',
					locationAddress: 'Av. Paulista, 1000',
				},
			},
			{
				number: to,
				type: 'location',
				latitude: -23.5505,
				longitude: -46.6333,
				name: 'Loja Paulista',
				address: 'Av. Paulista, 1000',
			},
		],
	],
	messageOptions: {
		location: ['Address', 'Extra Fields (JSON)', 'Place Name', 'Recipient Override'],
	},
	json: (_type, { pick }) => ({
		shape: {
			latitude: pick(latitude),
			longitude: pick(longitude),
			name: pick(words),
			address: pick(words),
		},
		required: ['latitude', 'longitude'],
	}),
	fields: (_type, { pick }) => ({
		latitude: pick(
			fc.oneof(
				latitude,
				latitude.map((value) => String(value).replace('.', ',')),
			),
		),
		longitude: pick(longitude),
		locationName: pick(words),
		locationAddress: pick(words),
	}),
	parity: {
		shape: (_type, { text, optional }) => ({
			latitude: fc.constantFrom(0, -23.5505, 91, -90),
			longitude: fc.constantFrom(0, -46.6333, 181),
			name: optional(text),
		}),
		optional: ['name'],
		editorNames: { latitude: 'latitude', longitude: 'longitude', name: 'locationName' },
	},
};
