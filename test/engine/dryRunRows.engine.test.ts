import type { IDataObject } from 'n8n-workflow';

import { REFERENCE } from '../helpers/referenceCampaign';
import { runWorkflow } from './harness';
import { useImitation } from './imitation';
import { fieldsParameters, SEND_NODE, sendWorkflow } from './workflows';

/**
 * Version 1.1's dry run, read per recipient in n8n-core: one row per contact, paired to its item,
 * with the messages as WhatsApp shows them, the first row carrying the exact body, which is the
 * body version 1's dry run outputs.
 */

const imitation = useImitation('dry-run-rows-token');

const CONTACTS = [
	{ json: { phone: '5511999990001', name: 'Ana' } },
	{ json: { phone: '5511999990002', name: 'Bia' } },
	{ json: { phone: '5511999990003', name: 'Caio' } },
	// The same number again: left out as a duplicate, with a row of its own.
	{ json: { phone: '+55 11 99999-0001', name: 'Ana de novo' } },
];

async function dryRun(typeVersion: number) {
	return await runWorkflow(
		sendWorkflow(
			// Dry Run is on the form since version 1.1, an option before.
			fieldsParameters(
				REFERENCE,
				typeVersion >= 1.1
					? { info: 'Vitrine', dryRun: true }
					: { info: 'Vitrine', options: { dryRun: true } },
			),
			CONTACTS,
			{ typeVersion },
		),
		imitation.credentials(),
	);
}

describe('version 1.1 dry run, per recipient', () => {
	it('one row per contact, paired to its item, as WhatsApp shows the messages', async () => {
		const result = await dryRun(1.1);
		expect(result.error).toBeUndefined();
		const rows = result.output(SEND_NODE);
		expect(rows.map((row) => [row.pairedItem, row.json.recipient, row.json.leftOut])).toEqual([
			[{ item: 0 }, '5511999990001', undefined],
			[{ item: 1 }, '5511999990002', undefined],
			[{ item: 2 }, '5511999990003', undefined],
			[{ item: 3 }, '5511999990001', 'duplicate'],
		]);
		expect(rows[1].json).toMatchObject({
			'message 1 (text)': 'Oi Bia!',
			'message 2 (image)': '🖼 https://loja.com/promo.jpg\nPromoção de verão',
			'message 3 (list)':
				'Escolha sua categoria:\n[Ver Categorias]\nEletrônicos:\n  • Smartphones\n  • Notebooks\nRoupas:\n  • Camisetas\n  • Sapatos',
			'message 4 (button)':
				'Ofertas da semana\n_Válido até domingo_\n[Quero] [Ver ofertas] [Copiar cupom] [Ligar]',
			'message 5 (carousel)':
				'Conheça\nCard 1: Caneca\nA melhor caneca\n🖼 https://loja.com/caneca.jpg\n[Quero]\nCard 2: Camiseta\n🖼 https://loja.com/camiseta.jpg\n[Quero] [Site]',
		});
		// The columns come in the messages' order, after the recipient.
		expect(Object.keys(rows[1].json).slice(0, 7)).toEqual([
			'dryRun',
			'recipient',
			'message 1 (text)',
			'message 2 (image)',
			'message 3 (list)',
			'message 4 (button)',
			'message 5 (carousel)',
		]);
		expect((rows[1].json.messages as IDataObject[]).map((message) => message.type)).toEqual([
			'text',
			'image',
			'list',
			'button',
			'carousel',
		]);
		expect(imitation.server.requests).toHaveLength(0);
	});

	it("the first row carries the exact body, the same as version 1's dry run outputs", async () => {
		const [first] = (await dryRun(1.1)).output(SEND_NODE);
		const [campaign] = (await dryRun(1)).output(SEND_NODE);
		expect(first.json.body).toEqual(campaign.json.body);
		expect(first.json.campaign).toMatchObject({
			dryRun: true,
			messageCount: 15,
			recipientCount: 3,
		});
		// Every message of the body is in exactly one recipient's row.
		const rows = (await dryRun(1.1)).output(SEND_NODE);
		expect(rows.flatMap((row) => (row.json.messages as IDataObject[]) ?? [])).toEqual(
			(campaign.json.body as { messages: IDataObject[] }).messages,
		);
	});
});
