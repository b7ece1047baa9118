import {
	buttonChoicesProblem,
	carouselChoicesProblem,
	listChoicesProblem,
	readChoices,
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

describe('choices written one per line', () => {
	const builder = () => ['from the builder'];
	const lines = (choiceLines: string | undefined) =>
		readChoices({ choicesInput: 'lines', choiceLines }, builder);

	it.each([
		['Sim|yes\nNão|no', ['Sim|yes', 'Não|no']],
		['  Sim|yes  \r\n\n\nNão|no\n', ['Sim|yes', 'Não|no']],
		[
			'[Caneca\nA melhor caneca]\n{https://x.com/1.jpg}\nQuero|mug\n[Camiseta]',
			['[Caneca\nA melhor caneca]', '{https://x.com/1.jpg}', 'Quero|mug', '[Camiseta]'],
		],
		['[Título\nlinha 1\nlinha 2]', ['[Título\nlinha 1\nlinha 2]']],
		['', []],
		[undefined, []],
	])('%j → %j', (text, choices) => {
		expect(lines(text)).toEqual(choices);
	});

	it('refuses a card text that is never closed, naming the field and the line', () => {
		expect(() => lines('[Caneca\nA melhor caneca\n{https://x.com/1.jpg}')).toThrow(
			expect.objectContaining({
				field: 'Choices',
				problem: 'opens "[Caneca" with "[" but no later line closes it with "]"',
			}),
		);
	});

	it('reads the builder or the raw JSON when those are chosen', () => {
		expect(readChoices({ choiceLines: 'A|a' }, builder)).toEqual(['from the builder']);
		expect(readChoices({ choicesInput: 'raw', rawChoices: '["A|a"]' }, builder)).toEqual(['A|a']);
	});
});
