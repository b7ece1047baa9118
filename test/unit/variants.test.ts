import fc from 'fast-check';

import { variantIndex, withVariant } from '../../nodes/UazapiAdvancedSend/messages/variants';

const numbers = (count: number) =>
	Array.from({ length: count }, (_, index) => `55119${70000000 + index}`);

describe('the wording each recipient gets', () => {
	it.each([2, 3, 4])(
		'is spread evenly, within ±5 %%, over 10,000 recipients and %i wordings',
		(n) => {
			const wordings = Array.from({ length: n }, (_, index) => `Oferta ${index}`);
			const counts = Array<number>(n).fill(0);
			for (const number of numbers(10_000)) counts[variantIndex(number, wordings)]++;
			for (const count of counts) {
				expect(count).toBeGreaterThanOrEqual((10_000 / n) * 0.95);
				expect(count).toBeLessThanOrEqual((10_000 / n) * 1.05);
			}
		},
	);

	it('is the same for a recipient on every run, whoever else the campaign has', () => {
		fc.assert(
			fc.property(
				fc.array(fc.stringMatching(/^55\d{11}$/), { minLength: 1, maxLength: 50 }),
				fc.array(fc.string({ minLength: 1 }), { minLength: 2, maxLength: 5 }),
				(recipients, wordings) => {
					const first = recipients.map((number) => variantIndex(number, wordings));
					const again = [...recipients].reverse().map((number) => variantIndex(number, wordings));
					expect(again.reverse()).toEqual(first);
					expect(first.every((index) => index >= 0 && index < wordings.length)).toBe(true);
				},
			),
		);
	});

	it('replaces only the text, only when there are variants', () => {
		const fields = { text: 'Oi Ana', footerText: 'Rodapé' };
		expect(withVariant(fields, undefined, '5511970000000')).toBe(fields);
		expect(withVariant(fields, { variant: [{ text: '  ' }] }, '5511970000000')).toBe(fields);
		expect(withVariant({ file: 'x' }, { variant: [{ text: 'b' }] }, '5511970000000')).toEqual({
			file: 'x',
		});
		const chosen = numbers(50).map(
			(number) => withVariant(fields, { variant: [{ text: 'Olá Ana' }] }, number).text,
		);
		expect(new Set(chosen)).toEqual(new Set(['Oi Ana', 'Olá Ana']));
		expect(
			withVariant(fields, { variant: [{ text: 'Olá Ana' }] }, '5511970000001').footerText,
		).toBe('Rodapé');
	});
});
