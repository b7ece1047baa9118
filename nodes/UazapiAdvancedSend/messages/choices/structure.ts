import { LIMITS } from '../../../shared/contract';
import { choiceList, says } from '../schema';

/** Structure checks of a finished choices list, used by the schemas. */

export type ChoiceCheck = (choices: string[]) => string | undefined;

const isSection = (choice: string) => choice.startsWith('[') && choice.endsWith(']');
const isImage = (choice: string) => choice.startsWith('{') && choice.endsWith('}');

export const buttonChoicesProblem: ChoiceCheck = (choices) => {
	const index = choices.findIndex((choice) => /^[[{]/.test(choice) || choice.startsWith('|'));
	return index === -1
		? undefined
		: `entry ${index + 1} ("${choices[index]}") is not a button: write "Label|action"`;
};

export const listChoicesProblem: ChoiceCheck = (choices) => {
	if (choices.every(isSection)) return 'has no rows: add at least one row under a section';
	for (let index = 0; index < choices.length; index++) {
		if (
			isSection(choices[index]) &&
			(index === choices.length - 1 || isSection(choices[index + 1]))
		) {
			return `section ${choices[index]} has no rows: add a row or remove the section`;
		}
	}
	return undefined;
};

export const carouselChoicesProblem: ChoiceCheck = (choices) => {
	if (choices.length === 0 || !isSection(choices[0]))
		return 'must start with a card text in brackets, e.g. "[Title\\nBody]"';
	const cards = choices.filter(isSection).length;
	if (cards > LIMITS.carouselCardsMax)
		return `has ${cards} cards; WhatsApp shows at most ${LIMITS.carouselCardsMax}`;
	for (let index = 0; index < choices.length; index++) {
		if (!isSection(choices[index])) continue;
		if (!isImage(choices[index + 1] ?? '')) {
			return `card ${choices[index]} has no image: follow the card text with "{https://...}"`;
		}
		const next = choices[index + 2];
		if (next === undefined || isSection(next)) {
			return `card ${choices[index]} has no button: every carousel card needs at least one`;
		}
	}
	return undefined;
};

/** The schema of a `choices` field whose structure must also pass a grammar check. */
export function checkedChoices(check: ChoiceCheck, fix: string) {
	return choiceList(fix).superRefine((choices, context) => {
		const problem = check(choices);
		if (problem) context.addIssue({ code: 'custom', message: says(problem, fix) });
	});
}
