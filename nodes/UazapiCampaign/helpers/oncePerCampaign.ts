import type { IExecuteFunctions } from 'n8n-workflow';

type CampaignWork<T> = (
	context: IExecuteFunctions,
	itemIndex: number,
	folderId: string,
) => Promise<T>;

/**
 * The work done for a campaign once per run, however many input items ask for it (after uazapi
 * Advanced Send's per-contact output, every contact's item names the same campaign): the first
 * item starts it, the others share its promise. uazapi may change an id's letter case.
 */
export function oncePerCampaign<T>(work: CampaignWork<T>): CampaignWork<T> {
	const runs = new WeakMap<IExecuteFunctions, Map<string, Promise<T>>>();
	return async (context, itemIndex, folderId) => {
		let byCampaign = runs.get(context);
		if (!byCampaign) runs.set(context, (byCampaign = new Map()));
		const key = folderId.toLowerCase();
		let done = byCampaign.get(key);
		if (!done) byCampaign.set(key, (done = work(context, itemIndex, folderId)));
		return await done;
	};
}
