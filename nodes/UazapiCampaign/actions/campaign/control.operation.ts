import { updateDisplayOptions, type IDataObject } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/contract';
import { readFolderId } from '../../helpers/readFolderId';
import { request } from '../../helpers/request';
import { folderIdField } from '../common.descriptions';
import type { Operation } from '../operation';

/** Pause, Resume and Delete are the three actions of POST /sender/edit. */
function control(operation: string, action: 'stop' | 'continue' | 'delete'): Operation {
	return {
		description: updateDisplayOptions(
			{ show: { resource: ['campaign'], operation: [operation] } },
			[folderIdField],
		),
		async execute(itemIndex) {
			const folderId = readFolderId(this, itemIndex);
			const answer = await request<IDataObject>(this, itemIndex, 'POST', ENDPOINTS.editFolder, {
				body: { folder_id: folderId, action },
			});
			const result: IDataObject = {
				folder_id: folderId,
				status: answer?.status ?? null,
				message: answer?.message ?? null,
			};
			return [action === 'delete' ? { ...result, deleted: true } : result];
		},
	};
}

export const pauseCampaign = control('pause', 'stop');
export const resumeCampaign = control('resume', 'continue');
export const deleteCampaign = control('delete', 'delete');
