import type { INodeProperties } from 'n8n-workflow';

import { resourceProperties, type Operation } from '../operation';
import { getContactOutcomes } from './contactOutcomes.operation';
import { deleteCampaign, pauseCampaign, resumeCampaign } from './control.operation';
import { getCampaign } from './get.operation';
import { getManyCampaigns } from './list.operation';
import { waitUntilDone } from './waitUntilDone.operation';

export const campaignOperations: Record<string, Operation> = {
	list: getManyCampaigns,
	get: getCampaign,
	pause: pauseCampaign,
	resume: resumeCampaign,
	delete: deleteCampaign,
	waitUntilDone,
	contactOutcomes: getContactOutcomes,
};

export const campaignDescription: INodeProperties[] = resourceProperties(
	'campaign',
	campaignOperations,
	'get',
);
