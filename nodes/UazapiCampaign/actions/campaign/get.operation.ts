import { updateDisplayOptions } from 'n8n-workflow';

import { campaignNotFound, findCampaign } from '../../helpers/findCampaign';
import { readFolderId } from '../../helpers/readFolderId';
import { folderIdFields } from '../common.descriptions';
import type { Operation } from '../operation';

export const getCampaign: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a campaign',
		description: "Get a campaign's status and counters",
	},
	description: updateDisplayOptions({ show: { resource: ['campaign'], operation: ['get'] } }, [
		...folderIdFields,
	]),
	async execute(itemIndex) {
		const folderId = readFolderId(this, itemIndex);
		const campaign = await findCampaign(this, itemIndex, folderId);
		if (!campaign) throw campaignNotFound(this, itemIndex, folderId);
		return [campaign];
	},
};
