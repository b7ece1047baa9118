import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { campaignIdOf, listCampaigns, toCampaign } from '../../shared/campaigns';
import { localTime } from '../../shared/time';

/**
 * The campaign picker's list: the instance's campaigns, newest first, each shown by its
 * description, status and date in the workflow's time zone; the search text matches any of them
 * or the ID.
 */
export async function searchCampaigns(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const timeZone = this.getTimezone();
	const wanted = filter?.trim().toLowerCase() ?? '';
	const results = (await listCampaigns(this, 0))
		.map((folder) => {
			const campaign = toCampaign(folder);
			const created = Date.parse(String(campaign.created ?? ''));
			const when = Number.isNaN(created) ? '' : localTime(created, timeZone).slice(0, 16);
			const name = [campaign.info || '(no description)', campaign.status, when]
				.filter((part) => part !== null && part !== '')
				.join(' · ');
			return { name, value: campaignIdOf(folder), created };
		})
		.filter(({ name, value }) => `${name} ${value}`.toLowerCase().includes(wanted))
		.sort((a, b) => (b.created || 0) - (a.created || 0))
		.map(({ name, value }) => ({ name, value }));
	return { results };
}
