import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { asNodeError, settingsError } from '../../shared/inputErrors';
import { listCampaigns } from '../../shared/campaigns';
import { lookUpKey, splitConflict } from './campaignKey';
import type { PlannedCampaign } from './model';

/**
 * The Campaign Key guard at posting time. The key is a check, not a lock: between reading the
 * instance's campaigns and posting, another run with the same key could post too. So the list is
 * read once before the first POST (a split that differs from an earlier run's is refused there,
 * before anything is sent), and again right before every later POST, after its files are loaded:
 * the window is one listing request long, whatever came before (number checks, earlier parts).
 */

export class CampaignKeyGuard {
	private folders: IDataObject[] = [];
	/** Whether a campaign was posted since the list was read. */
	private stale = false;

	constructor(private readonly context: IExecuteFunctions) {}

	/** Reads the instance's campaigns, before the first POST, when any planned campaign has a key. */
	async open(planned: PlannedCampaign[]): Promise<void> {
		const [first] = planned.filter(isGuarded);
		if (first) await this.list(first, 'campaigns with a key were');
	}

	/**
	 * Refuses a run whose split differs from an earlier one with the same key: part 2 of 3 and part
	 * 2 of 5 hold different recipients, so the guard could not tell which were already sent.
	 */
	checkSplits(planned: PlannedCampaign[]): void {
		for (const campaign of planned.filter(isGuarded)) {
			const { value, marker } = campaign.key!;
			const parts = campaign.part?.count ?? 1;
			const { splitDifferently } = lookUpKey(this.folders, value, marker, parts);
			if (splitDifferently) {
				throw settingsError(
					this.context.getNode(),
					splitConflict(value, splitDifferently, parts),
					campaign.items[0],
				);
			}
		}
	}

	/** The campaign the instance holds under this campaign's key, at the last listing. */
	existing(campaign: PlannedCampaign): IDataObject | undefined {
		if (!isGuarded(campaign)) return undefined;
		const { value, marker } = campaign.key!;
		return lookUpKey(this.folders, value, marker, campaign.part?.count ?? 1).existing;
	}

	/**
	 * Called right before a campaign is posted: whether it may be, after reading the list again if
	 * anything was posted since it was read. The caller posts at once when it may.
	 */
	async mayPost(campaign: PlannedCampaign): Promise<boolean> {
		if (!isGuarded(campaign)) return true;
		if (this.stale) await this.list(campaign, 'this campaign was');
		if (this.existing(campaign)) return false;
		this.stale = true;
		return true;
	}

	private async list(campaign: PlannedCampaign, notSent: string): Promise<void> {
		const itemIndex = campaign.items[0];
		try {
			this.folders = await listCampaigns(this.context, itemIndex);
		} catch (error) {
			const failure = asNodeError(this.context.getNode(), error, { itemIndex });
			failure.description =
				`The Campaign Key check could not list this instance's campaigns, so ${notSent} not sent. ${failure.description ?? ''}`.trim();
			throw failure;
		}
		this.stale = false;
	}
}

/** A campaign the guard looks after: one with a key that is really posted. */
export function isGuarded(campaign: PlannedCampaign): boolean {
	return campaign.key !== undefined && !campaign.dryRun;
}
