import { previewOf } from '../../nodes/UazapiAdvancedSend/messages';
import { CASES } from '../cases';

describe('previewOf: a message as WhatsApp shows it, for the dry run', () => {
	it.each(CASES.flatMap((cases) => cases.builds))(
		'%s: shows its text and nothing undefined',
		(_name, _entry, message) => {
			const preview = previewOf(message);
			expect(preview.trim()).not.toBe('');
			expect(preview).not.toMatch(/undefined|\[object Object\]/);
			if (typeof message.text === 'string') expect(preview).toContain(message.text.split('\n')[0]);
		},
	);

	it.each([
		[
			{ type: 'poll', text: 'Qual dia?', choices: ['Segunda', 'Terça'], footerText: 'Vote' },
			'📊 Qual dia?\n○ Segunda\n○ Terça\n_Vote_',
		],
		[
			{ type: 'contact', fullName: 'Maria', phoneNumber: '5511999999999' },
			'👤 Maria 5511999999999',
		],
		[{ type: 'location', latitude: -23.55, longitude: -46.63, name: 'Loja' }, '📍 Loja'],
		[{ type: 'location', latitude: -23.55, longitude: -46.63 }, '📍 -23.55, -46.63'],
		[
			{
				type: 'document',
				file: 'JVBERi0=',
				mimetype: 'application/pdf',
				docName: 'boleto.pdf',
				text: 'Seu boleto',
			},
			'📄 boleto.pdf\nSeu boleto',
		],
		[{ type: 'ptt', file: 'T2dnUw==', mimetype: 'audio/ogg' }, '🎤 (audio/ogg sent inline)'],
	])('%j → %p', (message, preview) => {
		expect(previewOf(message)).toBe(preview);
	});
});
