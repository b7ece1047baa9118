import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { campaignIdOf, listCampaigns, toCampaign } from '../../shared/campaigns';

/** The campaign with this id, or undefined; uazapi may change the id's letter case. */
export async function findCampaign(
	context: IExecuteFunctions,
	itemIndex: number,
	folderId: string,
): Promise<IDataObject | undefined> {
	const wanted = folderId.toLowerCase();
	const folder = (await listCampaigns(context, itemIndex)).find(
		(candidate) => campaignIdOf(candidate).toLowerCase() === wanted,
	);
	return folder && toCampaign(folder, context.getTimezone());
}

export function campaignNotFound(
	context: IExecuteFunctions,
	itemIndex: number,
	folderId: string,
): NodeOperationError {
	return new NodeOperationError(
		context.getNode(),
		`No campaign "${folderId}" on this uazapi instance`,
		{
			itemIndex,
			description:
				'It was deleted, or the ID is wrong. Check the folder_id, and that the credential is the instance that created the campaign.',
		},
	);
}
