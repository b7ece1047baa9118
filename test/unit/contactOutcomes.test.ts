import {
	contactStatus,
	NOT_LISTED,
	outcomesByRecipient,
	recipientKey,
} from '../../nodes/shared/contactOutcomes';

describe("a contact's status: the least advanced of its messages'", () => {
	it.each([
		[['Read', 'Read'], 'Read'],
		[['Read', 'Delivered', 'Read'], 'Delivered'],
		[['Delivered', 'Sent'], 'Sent'],
		[['Read', 'Scheduled'], 'Scheduled'],
		[['Scheduled', 'Queued'], 'Queued'],
		[['Read', 'Canceled', 'Queued'], 'Canceled'],
		[['Read', 'Failed', 'Canceled'], 'Failed'],
		// A status uazapi does not document never hides a failure, and outranks the pending ones.
		[['Read', 'Played'], 'Played'],
		[['Played', 'Failed'], 'Failed'],
		[[], NOT_LISTED],
	])('%j → %s', (statuses, status) => {
		expect(contactStatus(statuses)).toBe(status);
	});
});

describe("uazapi's messages of a campaign, by recipient", () => {
	it('groups them by number however written, with ids, statuses, errors and times', () => {
		const outcomes = outcomesByRecipient([
			{
				messageid: 'a1',
				chatid: '5511999990001@s.whatsapp.net',
				status: 'Read',
				messageTimestamp: 1_800_000_000_000,
			},
			{
				messageid: 'b1',
				chatid: '5511999990002@s.whatsapp.net',
				status: 'Failed',
				error: 'not on WhatsApp',
			},
			{ messageid: 'a2', chatid: '5511999990001@s.whatsapp.net', status: 'Delivered' },
			{ messageid: 'g1', chatid: '120363012345678901@g.us', status: 'Sent' },
		]);
		expect(outcomes.get(recipientKey('5511999990001'))).toEqual({
			number: '5511999990001',
			status: 'Delivered',
			messages: [
				{ id: 'a1', status: 'Read', time: '2027-01-15T08:00:00.000Z' },
				{ id: 'a2', status: 'Delivered' },
			],
		});
		expect(outcomes.get(recipientKey('+55 11 99999-0002'.replace(/[ -]/g, '')))).toMatchObject({
			status: 'Failed',
			error: 'not on WhatsApp',
		});
		expect(outcomes.get(recipientKey('120363012345678901@g.us'))?.status).toBe('Sent');
		expect(outcomes.size).toBe(3);
	});
});
