import { MESSAGE_TYPES } from '../../nodes/UazapiAdvancedSend/messages';
import { CASES, casesOf } from '../cases';

/** Adding a message type means its definition, its registry entry and its cases: never one less. */
describe('every registered message type has its test cases', () => {
	it.each(MESSAGE_TYPES.map((definition) => [definition.type]))('%s', (type) => {
		const cases = casesOf(type);
		expect(cases.builds.some(([, entry]) => entry.type === type)).toBe(true);
	});

	it('no cases for a type that is not registered, and no type with two', () => {
		const covered = CASES.flatMap((cases) => cases.types).sort();
		expect(covered).toEqual(MESSAGE_TYPES.map((definition) => definition.type).sort());
	});
});
