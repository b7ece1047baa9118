import { isDone, toCampaign } from '../../nodes/shared/campaigns';

const folder = {
	id: 'r7c731ffe5ff76b',
	info: 'Natal',
	status: 'sending',
	scheduled_for: 1795750000000,
	delayMin: 3000,
	delayMax: 6000,
	log_total: 10,
	log_sucess: 4,
	log_failed: 1,
	log_delivered: 3,
	log_read: 2,
	log_played: 0,
	owner: '5511999999999',
	created: '2026-11-27T10:00:00Z',
	updated: '2026-11-27T10:05:00Z',
};

describe('campaign records', () => {
	it('name counters plainly and give delays in seconds', () => {
		expect(toCampaign(folder)).toEqual({
			folder_id: 'r7c731ffe5ff76b',
			info: 'Natal',
			status: 'sending',
			scheduledFor: new Date(1795750000000).toISOString(),
			delayMin: 3,
			delayMax: 6,
			total: 10,
			sent: 4,
			failed: 1,
			delivered: 3,
			read: 2,
			played: 0,
			created: '2026-11-27T10:00:00Z',
			updated: '2026-11-27T10:05:00Z',
			done: false,
		});
	});

	it.each([
		[{ folder_id: 'a1' }, 'a1'],
		[{ folderId: 'b2' }, 'b2'],
		[{ id: 'c3', folder_id: 'ignored' }, 'c3'],
	])('read the id from %j', (record, id) => {
		expect(toCampaign(record).folder_id).toBe(id);
	});

	it("accept log_success as well as uazapi's log_sucess", () => {
		expect(toCampaign({ log_success: 7 }).sent).toBe(7);
		expect(toCampaign({ log_sucess: 5, log_success: 7 }).sent).toBe(5);
	});

	it('read a scheduled_for in seconds as seconds', () => {
		expect(toCampaign({ scheduled_for: 1795750000 }).scheduledFor).toBe(
			new Date(1795750000000).toISOString(),
		);
		expect(toCampaign({}).scheduledFor).toBeNull();
	});

	it("name a scheduled time in the workflow's time zone when given one", () => {
		const record = toCampaign(
			{ scheduled_for: Date.parse('2027-03-10T12:30:00Z') },
			'America/Sao_Paulo',
		);
		expect(record.scheduledForLocal).toBe('2027-03-10 09:30:00 America/Sao_Paulo (UTC-03:00)');
		expect(toCampaign({}, 'America/Sao_Paulo')).not.toHaveProperty('scheduledForLocal');
	});

	it.each([
		[{ status: 'done' }, true],
		[{ status: 'Done' }, true],
		[{ status: 'sending', total: 10, sent: 9, failed: 1 }, true],
		[{ status: 'ativo', total: 10, sent: 10, failed: 0 }, true],
		[{ status: 'paused', total: 10, sent: 9, failed: 1 }, false],
		[{ status: 'sending', total: 10, sent: 9, failed: 0 }, false],
		[{ status: 'scheduled', total: 0, sent: 0, failed: 0 }, false],
	])('call %j done: %p', (campaign, done) => {
		expect(isDone(campaign)).toBe(done);
	});
});
