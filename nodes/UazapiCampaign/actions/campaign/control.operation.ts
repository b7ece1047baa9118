import { updateDisplayOptions, type IDataObject } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/contract';
import { readFolderId } from '../../helpers/readFolderId';
import { uazapiRequest } from '../../../shared/transport';
import { folderIdFields } from '../common.descriptions';
import { confirmProperties, requireConfirmation } from '../../helpers/confirmed';
import type { Operation } from '../operation';

/** Since version 1.1 Delete, which cannot be undone, asks for confirmation like Clear All. */
const deleteConfirmation = confirmProperties(
	'deleteNotice',
	'Deleting stops the campaign and removes it with the messages it has not sent. It cannot be undone.',
	'delete this campaign',
).map((property) => ({
	...property,
	displayOptions: { show: { '@version': [{ _cnd: { gte: 1.1 } }] } },
}));

/** Pause, Resume and Delete are the three actions of POST /sender/edit. */
function control(option: Operation['option'], action: 'stop' | 'continue' | 'delete'): Operation {
	return {
		option,
		description: updateDisplayOptions(
			{ show: { resource: ['campaign'], operation: [option.value] } },
			action === 'delete' ? [...folderIdFields, ...deleteConfirmation] : folderIdFields,
		),
		async execute(itemIndex) {
			const folderId = readFolderId(this, itemIndex);
			if (action === 'delete' && this.getNode().typeVersion >= 1.1) {
				requireConfirmation(
					this,
					itemIndex,
					`Delete of campaign ${folderId}`,
					'Deleting a campaign stops it and removes the messages it has not sent; it cannot be undone.',
				);
			}
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
