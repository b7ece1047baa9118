import type { NormalisedEvent } from './normalise';

/**
 * Opt-outs: a contact who answers a campaign with "SAIR" (or taps a button or list row marked as
 * the way out) asks never to be written to again. The Trigger flags such a message; the workflow
 * stores the number (README "After the campaign": an n8n Data table) and the next campaign's
 * Exclude Numbers reads it.
 */

export const DEFAULT_OPT_OUT_KEYWORDS = 'SAIR, PARAR, STOP, CANCELAR, DESCADASTRAR';
export const DEFAULT_OPT_OUT_REPLY_PREFIX = 'optout';

export interface OptOutRules {
	/** As the user wrote them: words or phrases separated by commas or new lines. */
	keywords: string;
	/** A reply button's or list row's id starting with this marks an opt-out; empty: none. */
	replyIdPrefix: string;
}

export interface OptOut {
	optOut: boolean;
	/** The keyword as configured, or the reply id, that matched. */
	optOutWord: string | null;
}

/**
 * A text as compared: case and accents ignored, spaces collapsed, and whatever is not a letter or
 * a digit around it (punctuation, emoji) dropped. "Sair!", " sair. " and "SAÍR 🙏" read "sair".
 */
export function folded(text: string): string {
	return text
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/\s+/g, ' ')
		.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

const NOT_AN_OPT_OUT: OptOut = { optOut: false, optOutWord: null };

/** Only the whole message counts: "quero sair da lista?" is a question, not an opt-out. */
export function optOutOf(event: NormalisedEvent, rules: OptOutRules): OptOut | undefined {
	if (event.event !== 'messageReceived' && event.event !== 'buttonOrListReply') return undefined;
	const prefix = rules.replyIdPrefix.trim().toLowerCase();
	const replyId = typeof event.replyId === 'string' ? event.replyId : '';
	if (prefix !== '' && replyId.toLowerCase().startsWith(prefix)) {
		return { optOut: true, optOutWord: replyId };
	}
	const said = folded(typeof event.text === 'string' ? event.text : '');
	if (said === '') return NOT_AN_OPT_OUT;
	const keyword = rules.keywords
		.split(/[,\n]/)
		.map((word) => word.trim())
		.find((word) => word !== '' && folded(word) === said);
	return keyword === undefined ? NOT_AN_OPT_OUT : { optOut: true, optOutWord: keyword };
}
