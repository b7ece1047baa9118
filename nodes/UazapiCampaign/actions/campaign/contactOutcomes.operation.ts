import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { contactField, contactRows, leftOutRow } from '../../helpers/contactRows';
import { readFolderId } from '../../helpers/readFolderId';
import { folderIdFields } from '../common.descriptions';
import type { Operation } from '../operation';

const properties: INodeProperties[] = [...folderIdFields, contactField];

export const getContactOutcomes: Operation = {
	option: {
		name: 'Get Contact Outcomes',
		value: 'contactOutcomes',
		action: "Get each contact's outcome of a campaign",
		description:
			"One item per contact: its messages' IDs and statuses, the error of a failed one, and one status for the contact",
	},
	description: updateDisplayOptions(
		{ show: { resource: ['campaign'], operation: ['contactOutcomes'] } },
		properties,
	),
	async execute(itemIndex) {
		const leftOut = leftOutRow(this.getInputData()[itemIndex].json);
		if (leftOut) return leftOut;
		return await contactRows(this, itemIndex, readFolderId(this, itemIndex));
	},
};
