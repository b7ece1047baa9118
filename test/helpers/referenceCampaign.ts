import type { IDataObject } from 'n8n-workflow';

import { savedEntry } from './savedEntry';

/** The reference campaign: text, image, list, buttons and carousel. */
export const REFERENCE: IDataObject[] = [
	{ type: 'text', text: '=Oi {{ $json.name }}!' },
	savedEntry({
		type: 'image',
		mediaUrl: 'https://loja.com/promo.jpg',
		caption: 'Promoção de verão',
	}),
	{
		type: 'list',
		listText: 'Escolha sua categoria:',
		listButton: 'Ver Categorias',
		listSections: {
			section: [
				{
					title: 'Eletrônicos',
					rows: {
						row: [
							{ title: 'Smartphones', id: 'phones' },
							{ title: 'Notebooks', id: 'notes' },
						],
					},
				},
				{
					title: 'Roupas',
					rows: {
						row: [
							{ title: 'Camisetas', id: 'shirts' },
							{ title: 'Sapatos', id: 'shoes' },
						],
					},
				},
			],
		},
	},
	savedEntry({
		type: 'button',
		buttonsText: 'Ofertas da semana',
		footerText: 'Válido até domingo',
		buttons: {
			button: [
				{ kind: 'reply', label: 'Quero', id: 'want' },
				{ kind: 'url', label: 'Ver ofertas', url: 'https://loja.com/ofertas' },
				{ kind: 'copy', label: 'Copiar cupom', code: 'PROMO10' },
				{ kind: 'call', label: 'Ligar', phone: '+5511999999999' },
			],
		},
	}),
	{
		type: 'carousel',
		carouselText: 'Conheça',
		cards: {
			card: [
				{
					title: 'Caneca',
					body: 'A melhor caneca',
					image: 'https://loja.com/caneca.jpg',
					buttons: { button: [{ kind: 'reply', label: 'Quero', id: 'mug' }] },
				},
				{
					title: 'Camiseta',
					image: 'https://loja.com/camiseta.jpg',
					buttons: {
						button: [
							{ kind: 'reply', label: 'Quero', id: 'shirt' },
							{ kind: 'url', label: 'Site', url: 'https://loja.com/camiseta' },
						],
					},
				},
			],
		},
	},
];
