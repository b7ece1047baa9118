import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { runWorkflow } from './harness';
import { useImitation } from './imitation';
import { fieldsParameters, SEND_NODE, sendWorkflow } from './workflows';

/**
 * Risk hints (README "Protecting your number"): warnings in n8n's output panel, never errors,
 * when a campaign looks risky for the WhatsApp number. The campaign goes out all the same.
 */

const imitation = useImitation('risk-hints-token');

const people = (count: number): INodeExecutionData[] =>
	Array.from({ length: count }, (_, index) => ({
		json: { phone: `55119${70000000 + index}`, name: `Cliente ${index}` },
	}));

async function hintsOf(parameters: IDataObject, items: INodeExecutionData[]) {
	const result = await runWorkflow(sendWorkflow(parameters, items), imitation.credentials());
	expect(result.error).toBeUndefined();
	const hints = (result.run.data.resultData.runData[SEND_NODE][0].hints ?? []) as Array<{
		message: string;
		type: string;
	}>;
	expect(hints.every((hint) => hint.type === 'warning')).toBe(true);
	return hints.map((hint) => hint.message);
}

const personal = [{ type: 'text', text: '=Oi {{ $json.name }}, seu pedido chegou.' }];
const safe = { delayMin: 10, delayMax: 30 };

describe('risk hints', () => {
	it('none for a personalised campaign with 10–30 s pauses to a few hundred contacts', async () => {
		expect(await hintsOf(fieldsParameters(personal, safe), people(300))).toEqual([]);
	});

	it('pauses under 5 s', async () => {
		const hints = await hintsOf(
			fieldsParameters(personal, { delayMin: 2, delayMax: 4 }),
			people(3),
		);
		expect(hints).toEqual([expect.stringMatching(/^Delay Min is 2 s: pauses under 5 s/)]);
	});

	it('one identical text to 200 or more recipients, not to 199', async () => {
		const same = [{ type: 'text', text: 'Promoção de verão: 20% em tudo até domingo!' }];
		expect(await hintsOf(fieldsParameters(same, safe), people(199))).toEqual([]);
		expect(await hintsOf(fieldsParameters(same, safe), people(200))).toEqual([
			'200 recipients get the same text "Promoção de verão: 20% em tudo até domin…": many identical messages look like spam. Map something of each contact into it, e.g. {{ $json.name }}.',
		]);
	});

	it('more than 1,000 recipients in one day', async () => {
		const hints = await hintsOf(fieldsParameters(personal, safe), people(1001));
		expect(hints).toEqual([
			expect.stringMatching(/^1,001 recipients on \d{4}-\d\d-\d\d: more than 1,000 a day/),
		]);
	});

	it('a link in the first message, not in a later one', async () => {
		const linkFirst = [
			{ type: 'text', text: '=Oi {{ $json.name }}! Veja https://loja.com/ofertas' },
			...personal,
		];
		expect(await hintsOf(fieldsParameters(linkFirst, safe), people(3))).toEqual([
			expect.stringMatching(/^The first message to 3 recipient\(s\) has a link/),
		]);
		expect(await hintsOf(fieldsParameters([...personal, linkFirst[0]], safe), people(3))).toEqual(
			[],
		);
	});

	it('also in a dry run, which sends nothing', async () => {
		const hints = await hintsOf(
			fieldsParameters(personal, { delayMin: 1, delayMax: 2, options: { dryRun: true } }),
			people(3),
		);
		expect(hints).toHaveLength(1);
		expect(
			imitation.server.requests.filter((request) => request.path === '/sender/advanced'),
		).toEqual([]);
	});
});
