import type { NormalisedEvent } from '../../nodes/UazapiTrigger/webhook/normalise';
import {
	DEFAULT_OPT_OUT_KEYWORDS,
	DEFAULT_OPT_OUT_REPLY_PREFIX,
	optOutOf,
} from '../../nodes/UazapiTrigger/webhook/optOut';

const DEFAULTS = {
	keywords: DEFAULT_OPT_OUT_KEYWORDS,
	replyIdPrefix: DEFAULT_OPT_OUT_REPLY_PREFIX,
};
const message = (text: string | null): NormalisedEvent =>
	({ event: 'messageReceived', text, raw: {} }) as NormalisedEvent;
const reply = (replyId: string, text: string): NormalisedEvent =>
	({ event: 'buttonOrListReply', replyId, text, raw: {} }) as NormalisedEvent;

describe('opt-outs the Trigger flags', () => {
	it.each([
		['SAIR', 'SAIR'],
		['sair', 'SAIR'],
		['  Sair!  ', 'SAIR'],
		['SAÍR 🙏', 'SAIR'],
		['stop.', 'STOP'],
		['Parar...', 'PARAR'],
		['"cancelar"', 'CANCELAR'],
		['Descadastrar', 'DESCADASTRAR'],
	])('the whole message %j is an opt-out (%s)', (text, word) => {
		expect(optOutOf(message(text), DEFAULTS)).toEqual({ optOut: true, optOutWord: word });
	});

	it.each([['Quero sair?'], ['não vou parar de comprar'], ['sairá amanhã'], [''], ['🙏']])(
		'%j is not: only the whole message counts',
		(text) => {
			expect(optOutOf(message(text), DEFAULTS)).toEqual({ optOut: false, optOutWord: null });
		},
	);

	it('a message without text is not an opt-out', () => {
		expect(optOutOf(message(null), DEFAULTS)).toEqual({ optOut: false, optOutWord: null });
	});

	it('takes the keywords and phrases the user gives, commas or lines apart', () => {
		const rules = { keywords: 'Não quero mais,\nremover', replyIdPrefix: '' };
		expect(optOutOf(message('nao quero  MAIS!!'), rules)).toEqual({
			optOut: true,
			optOutWord: 'Não quero mais',
		});
		expect(optOutOf(message('Remover.'), rules)?.optOut).toBe(true);
		expect(optOutOf(message('SAIR'), rules)?.optOut).toBe(false);
		expect(optOutOf(message('SAIR'), { keywords: '', replyIdPrefix: '' })?.optOut).toBe(false);
	});

	it('a reply button or list row whose id starts with the prefix is an opt-out, whatever its label', () => {
		expect(optOutOf(reply('optout', 'Não quero mais'), DEFAULTS)).toEqual({
			optOut: true,
			optOutWord: 'optout',
		});
		expect(optOutOf(reply('OPTOUT-promo', 'x'), DEFAULTS)?.optOut).toBe(true);
		expect(optOutOf(reply('want', 'Quero'), DEFAULTS)?.optOut).toBe(false);
		// The reply's label is a message too: a "Sair" button opts out by its words.
		expect(optOutOf(reply('leave', 'Sair'), DEFAULTS)).toEqual({
			optOut: true,
			optOutWord: 'SAIR',
		});
		expect(optOutOf(reply('optout', 'x'), { ...DEFAULTS, replyIdPrefix: '' })?.optOut).toBe(false);
	});

	it('says nothing of votes, receipts and other events', () => {
		for (const event of ['pollVote', 'messageStatus', 'campaign', 'connection'])
			expect(
				optOutOf({ event, text: 'SAIR', raw: {} } as NormalisedEvent, DEFAULTS),
			).toBeUndefined();
	});
});
