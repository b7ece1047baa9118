import { updateDisplayOptions, type IDataObject } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/contract';
import { readFolderId } from '../../helpers/readFolderId';
import { uazapiRequest } from '../../../shared/transport';
import { folderIdField } from '../common.descriptions';
import type { Operation } from '../operation';

/** Pause, Resume and Delete are the three actions of POST /sender/edit. */
function control(option: Operation['option'], action: 'stop' | 'continue' | 'delete'): Operation {
	return {
		option,
		description: updateDisplayOptions(
			{ show: { resource: ['campaign'], operation: [option.value] } },
			[folderIdField],
		),
		async execute(itemIndex) {
			const folderId = readFolderId(this, itemIndex);
			const answer = (await uazapiRequest.call(this, {
				method: 'POST',
				endpoint: ENDPOINTS.editFolder,
				body: { folder_id: folderId, action },
				itemIndex,
			})) as IDataObject | undefined;
			const result: IDataObject = {
				folder_id: folderId,
				status: answer?.status ?? null,
				message: answer?.message ?? null,
			};
			return [action === 'delete' ? { ...result, deleted: true } : result];
		},
	};
}

export const pauseCampaign = control(
	{
		name: 'Pause',
		value: 'pause',
		action: 'Pause a campaign',
		description: 'Stop sending; messages already sent stay sent',
	},
	'stop',
);

export const resumeCampaign = control(
	{
		name: 'Resume',
		value: 'resume',
		action: 'Resume a campaign',
		description: 'Continue a paused campaign',
	},
	'continue',
);

export const deleteCampaign = control(
	{
		name: 'Delete',
		value: 'delete',
		action: 'Delete a campaign',
		description: 'Delete a campaign and its unsent messages',
	},
	'delete',
);
