import type { IDataObject, INodeProperties } from 'n8n-workflow';

/**
 * Texts with a hole where the contact's value should be. The node knows which `{{ $json… }}` paths
 * were empty (ItemParameters.holes); what other expressions or JSON mode produce is judged by what
 * JavaScript writes when a value that is not text is put into text.
 */

export interface TextHole {
	/** The field as the user sees it: the editor label, or in JSON mode uazapi's key. */
	field: string;
	problem: string;
}

const ARTIFACTS: Array<[RegExp, string]> = [
	[/\[object Object\]/, 'an object was put into the text'],
	[/\bundefined\b/, 'a value that does not exist was put into the text'],
];

/** The keys every message has, which are not text a person reads. */
const NOT_TEXT = new Set(['number', 'type']);

function excerpt(text: string, at: number, length: number): string {
	const start = Math.max(0, at - 20);
	const end = Math.min(text.length, at + length + 20);
	return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}

/** The first artifact in each text field of a built uazapi message (choices included). */
export function artifactsIn(message: IDataObject, labelOf: (key: string) => string): TextHole[] {
	const holes: TextHole[] = [];
	for (const [key, value] of Object.entries(message)) {
		if (NOT_TEXT.has(key)) continue;
		const texts = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
		for (const text of texts) {
			if (typeof text !== 'string') continue;
			const found = ARTIFACTS.map(([pattern, why]) => ({ match: pattern.exec(text), why })).find(
				({ match }) => match !== null,
			);
			if (!found) continue;
			const { match, why } = found as { match: RegExpExecArray; why: string };
			holes.push({
				field: labelOf(key),
				problem: `reads "${excerpt(text, match.index, match[0].length)}": ${why}`,
			});
			break;
		}
	}
	return holes;
}

/**
 * The editor label of a value saved inside a message entry, from its path there, e.g.
 * ['listSections', 'section', 0, 'rows', 'row', 1, 'title'] → "Sections › section 1 › row 2 ›
 * Row Title", the way the builders name their fields. Option collections add no label of their
 * own: their fields are the message's fields.
 */
export function entryFieldLabel(
	properties: INodeProperties[],
	path: Array<string | number>,
): string {
	const labels: string[] = [];
	let level = properties;
	for (let index = 0; index < path.length; index++) {
		const property = level.find((candidate) => candidate.name === path[index]);
		if (!property) {
			labels.push(String(path[index]));
			break;
		}
		if (property.type === 'collection') {
			level = (property.options ?? []) as INodeProperties[];
			continue;
		}
		if (property.type !== 'fixedCollection') {
			labels.push(property.displayName);
			break;
		}
		if (labels.length === 0) labels.push(property.displayName);
		const groups = (property.options ?? []) as Array<{
			name: string;
			displayName: string;
			values: INodeProperties[];
		}>;
		const group = groups.find((candidate) => candidate.name === path[index + 1]);
		if (!group) break;
		index++;
		if (typeof path[index + 1] === 'number') {
			index++;
			labels.push(`${group.displayName.toLowerCase()} ${(path[index] as number) + 1}`);
		}
		level = group.values;
	}
	return labels.join(' › ');
}
