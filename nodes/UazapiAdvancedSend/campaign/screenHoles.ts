import type { INode } from 'n8n-workflow';

import { inputError, type InputProblems } from '../../shared/inputErrors';
import { FieldProblem } from '../messages';
import type { ItemHole, LeftOut } from './model';

/**
 * Options → When a Mapped Value Is Empty: a contact whose message would read "Olá , …" or
 * "[object Object]" makes the run fail (the default), is left out, or is sent anyway.
 */
export type WhenValueEmpty = 'refuse' | 'leaveOut' | 'send';

const FIX =
	'Give every contact this value, or map one that always has one, e.g. {{ $json.name || "cliente" }}. To send to the other contacts, set Options → When a Mapped Value Is Empty to "Leave the Contact Out".';

export function readWhenValueEmpty(value: unknown): WhenValueEmpty {
	return value === 'leaveOut' || value === 'send' ? value : 'refuse';
}

/** Where a hole is, as the output names it: "message 1 (Text) › Text". */
function placeOf(hole: ItemHole): string {
	const { message } = hole.place;
	return message ? `message ${message.position} (${message.typeName}) › ${hole.field}` : hole.field;
}

/**
 * Applies the choice to the items of one campaign: with "refuse" every hole becomes one of the
 * run's input problems; with "leaveOut" each item with a hole is left out, naming its first hole.
 */
export function screenHoles<T extends { itemIndex: number; recipient: string; holes: ItemHole[] }>(
	node: INode,
	items: T[],
	when: WhenValueEmpty,
	problems: InputProblems,
): { kept: T[]; leftOut: LeftOut[] } {
	if (when === 'send') return { kept: items, leftOut: [] };
	const kept: T[] = [];
	const leftOut: LeftOut[] = [];
	for (const item of items) {
		const [first] = item.holes;
		if (!first) {
			kept.push(item);
		} else if (when === 'refuse') {
			for (const hole of item.holes) {
				problems.add(inputError(node, new FieldProblem(hole.field, hole.problem, FIX), hole.place));
			}
		} else {
			leftOut.push({
				item: item.itemIndex,
				number: item.recipient,
				reason: 'empty value',
				field: placeOf(first),
				problem: first.problem,
			});
		}
	}
	return { kept, leftOut };
}
