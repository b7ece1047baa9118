import { updateDisplayOptions, type IDataObject, type INodeProperties } from 'n8n-workflow';

import { listCampaigns, toCampaign } from '../../../shared/campaigns';
import { returnAllOrLimit } from '../common.descriptions';
import type { Operation } from '../operation';

const properties: INodeProperties[] = [
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: [
			{ name: 'All', value: '' },
			{ name: 'Active', value: 'Active' },
			{ name: 'Archived', value: 'Archived' },
		],
		default: '',
		description:
			'Filter uazapi applies on its side (some servers ignore it and return all campaigns)',
	},
	...returnAllOrLimit,
];

export const getManyCampaigns: Operation = {
	option: {
		name: 'Get Many',
		value: 'list',
		action: 'Get many campaigns',
		description: 'List the campaigns of this instance',
	},
	description: updateDisplayOptions(
		{ show: { resource: ['campaign'], operation: ['list'] } },
		properties,
	),
	async execute(itemIndex) {
		const status = this.getNodeParameter('status', itemIndex, '') as string;
		const timeZone = this.getTimezone();
		const campaigns: IDataObject[] = (await listCampaigns(this, itemIndex, status)).map((folder) =>
			toCampaign(folder, timeZone),
		);
		if (this.getNodeParameter('returnAll', itemIndex, false)) return campaigns;
		return campaigns.slice(0, this.getNodeParameter('limit', itemIndex, 50) as number);
	},
};
