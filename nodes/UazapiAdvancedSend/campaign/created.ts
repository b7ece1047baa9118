import type { NodeApiError, NodeOperationError } from 'n8n-workflow';

/** Campaigns this execution created, for errors after the first: they must not be sent again. */
export class CreatedCampaigns {
	private readonly created: Array<{ folderId: string; items: number[] }> = [];

	add(folderId: string, items: number[]) {
		this.created.push({ folderId, items });
	}

	/** Names every campaign created so far in the error's message and description. */
	mention(error: NodeOperationError | NodeApiError) {
		if (this.created.length === 0) return;
		const ids = this.created.map(({ folderId }) => folderId).join(', ');
		const withItems = this.created
			.map(({ folderId, items }) => {
				const shown = items.length > 3 ? `${items.slice(0, 3).join(', ')}…` : items.join(', ');
				return `${folderId} (item${items.length === 1 ? '' : 's'} ${shown})`;
			})
			.join(', ');
		error.message = `${error.message}. This run already created ${this.created.length === 1 ? 'campaign' : 'campaigns'} ${ids}`;
		error.description =
			`${error.description ?? ''} Already created by this run, and queued in uazapi: ${withItems}. Running the workflow again as it is would send them twice: remove their items first, or set Options → Campaign Key so that a re-run finds them instead.`.trim();
	}
}
