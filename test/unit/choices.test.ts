import {
	buttonChoicesProblem,
	carouselChoicesProblem,
	listChoicesProblem,
} from '../../nodes/UazapiAdvancedSend/messages/choices';
import { checkJsonMessage } from '../../nodes/UazapiAdvancedSend/messages';
import seedPayload from '../fixtures/seed-payload.json';

describe("checks of uazapi's choices grammar", () => {
	it('accept every choices list of the seed payload', () => {
		for (const message of seedPayload.messages) {
			expect(checkJsonMessage(message)).toEqual(message);
		}
	});

	it.each([
		[
			buttonChoicesProblem,
			['Sim|yes', 'Site|https://x.com', 'Copiar|copy:X', 'Ligar|call:+5511999999999', 'Só label'],
			undefined,
		],
		[buttonChoicesProblem, ['[Card]'], 'entry 1 ("[Card]") is not a button'],
		[buttonChoicesProblem, ['Ok', '{https://x.com/i.jpg}'], 'entry 2'],
		[buttonChoicesProblem, ['|no-label'], 'entry 1'],
		[listChoicesProblem, ['[A]', 'a1', '[B]', 'b1|id|desc'], undefined],
		[listChoicesProblem, ['row before any section'], undefined],
		[listChoicesProblem, ['[A]', '[B]', 'b1'], 'section [A] has no rows'],
		[listChoicesProblem, ['[A]', 'a1', '[B]'], 'section [B] has no rows'],
		[listChoicesProblem, ['[A]'], 'has no rows'],
		[carouselChoicesProblem, ['[T\nBody]', '{https://x.com/1.jpg}', 'Buy|buy'], undefined],
		[carouselChoicesProblem, ['{https://x.com/1.jpg}', '[T]'], 'must start with a card text'],
		[carouselChoicesProblem, ['[T]', 'Buy|buy'], 'card [T] has no image'],
		[
			carouselChoicesProblem,
			['[T]', '{https://x.com/1.jpg}', 'Buy|buy', '[U]'],
			'card [U] has no image',
		],
	])('%p(%j) → %p', (check, choices, problem) => {
		const result = check(choices);
		if (problem === undefined) expect(result).toBeUndefined();
		else expect(result).toContain(problem);
	});
});
