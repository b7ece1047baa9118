import type { SenderMessageType } from '../../nodes/shared/contract';
import { buttonCases } from './button.cases';
import { carouselCases } from './carousel.cases';
import { contactCases } from './contact.cases';
import { listCases } from './list.cases';
import { locationCases } from './location.cases';
import { mediaCases } from './media.cases';
import { pollCases } from './poll.cases';
import { textCases } from './text.cases';
import type { MessageTypeCases } from './types';

/** Every message type's test cases: one entry per definition file. */
export const CASES: MessageTypeCases[] = [
	textCases,
	mediaCases,
	contactCases,
	locationCases,
	pollCases,
	listCases,
	buttonCases,
	carouselCases,
];

/** The cases of a type; a registered type without cases fails test/unit/messageCases.test.ts. */
export function casesOf(type: SenderMessageType): MessageTypeCases {
	const cases = CASES.find((candidate) => candidate.types.includes(type));
	if (!cases)
		throw new Error(`no test cases for message type "${type}": add test/cases/<type>.cases.ts`);
	return cases;
}
