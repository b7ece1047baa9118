import type { INodeProperties } from 'n8n-workflow';

import { advancedSendProperties } from '../../nodes/UazapiAdvancedSend/description';
import { OPTIONS, PARAMETERS } from '../../nodes/UazapiAdvancedSend/parameters/names';

/** The names the code reads are the names the editor saves, with the labels it shows. */
describe("the sender's parameter names", () => {
	const top = (name: string) => advancedSendProperties.filter((property) => property.name === name);

	it.each(Object.entries(PARAMETERS))('%s is declared as %j', (_key, { name, label }) => {
		const [first, ...path] = name.split('.');
		const declared = top(first);
		expect(declared.length).toBeGreaterThan(0);
		for (const property of declared) {
			expect(property.displayName).toBe(label);
			// messages.message: the entry of the Messages list.
			if (path.length > 0) {
				const groups = property.options as Array<{ name: string }>;
				expect(groups.map((group) => group.name)).toEqual(path);
			}
		}
	});

	it('every parameter the description declares is one the code knows', () => {
		const known = new Set(Object.values(PARAMETERS).map(({ name }) => name.split('.')[0]));
		const declared = advancedSendProperties
			.filter((property) => property.type !== 'notice')
			.map((property) => property.name);
		expect(declared.filter((name) => !known.has(name))).toEqual([]);
	});

	it('the Options collections hold exactly the options the code reads, with their labels', () => {
		const declared = top(PARAMETERS.options.name).flatMap(
			(collection) => collection.options as INodeProperties[],
		);
		const byName = new Map(declared.map((option) => [option.name, option.displayName]));
		expect(Object.fromEntries(byName)).toEqual(OPTIONS);
	});
});
