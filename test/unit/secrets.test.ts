import { withoutSecret } from '../../nodes/shared/secrets';

describe('withoutSecret', () => {
	const TOKEN = 'tok-123';

	it('masks the secret in nested texts and keys, and drops the keys asked', () => {
		const value = {
			token: TOKEN,
			qrcode: 'data:image/png;base64,xyz',
			error: `session ${TOKEN} is not connected`,
			list: [{ [`by-${TOKEN}`]: 1, note: 'plain' }, TOKEN],
		};
		expect(withoutSecret(value, TOKEN, /^(token|qrcode)$/)).toEqual({
			error: 'session *** is not connected',
			list: [{ 'by-***': 1, note: 'plain' }, '***'],
		});
		expect(withoutSecret(value, TOKEN)).toMatchObject({ token: '***', qrcode: value.qrcode });
	});

	it('returns what holds no secret as it is, without copying it', () => {
		const answer = { messages: [{ id: 'a', text: 'Olá' }], total: 1 };
		expect(withoutSecret(answer, TOKEN)).toBe(answer);
		expect(withoutSecret('plain', TOKEN)).toBe('plain');
		expect(withoutSecret(null, TOKEN)).toBeNull();
	});

	it('an empty secret masks nothing', () => {
		expect(withoutSecret({ a: 'x' }, '')).toEqual({ a: 'x' });
	});
});
