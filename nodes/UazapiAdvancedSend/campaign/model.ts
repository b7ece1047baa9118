import type { IDataObject } from 'n8n-workflow';

import type { Place } from '../../shared/inputErrors';
import type { NumberRules } from '../messages';
import type { CampaignOptions, CheckNumbers } from '../parameters/names';

/**
 * The campaign as it passes through the stages (README "How a run goes"): the items read, the
 * recipients screened, the campaigns planned, then guarded and delivered. Types only: every stage
 * imports them from here, and nothing here imports a stage.
 */

/** The campaign-level fields of a /sender/advanced body, in the order uazapi documents them. */
export interface CampaignFields {
	delayMin: number;
	delayMax: number;
	info?: string;
	scheduled_for?: number;
}

/** A message whose `file` is still to be read from an input item's binary property. */
export interface PendingBinary {
	itemIndex: number;
	property: string;
	fileName?: string;
	/** Size of the file in bytes, from its metadata. */
	size: number;
	/** The built message; set once its builder has finished. */
	message?: IDataObject;
}

export interface RecipientOptions {
	rules: NumberRules;
	skipDuplicates: boolean;
	exclude: Set<string>;
	checkNumbers: CheckNumbers;
}

export type LeftOutReason = 'excluded' | 'duplicate' | 'not on WhatsApp' | 'empty value';

export interface LeftOut {
	item: number;
	number: string;
	reason: LeftOutReason;
	/** For an empty value: where it is, and what it is. */
	field?: string;
	problem?: string;
}

export interface Replaced {
	item: number;
	number: string;
	sentTo: string;
}

/** A text of an item's messages with a hole where the contact's value should be. */
export interface ItemHole {
	place: Place;
	field: string;
	problem: string;
}

/** What one input item contributes to a campaign. */
export interface ItemMessages {
	/** Who the item is for: the Recipient, or in JSON mode the number of its first message. */
	recipient: string;
	messages: IDataObject[];
	/** Campaign fields of a whole body given in JSON mode. */
	campaign?: Partial<CampaignFields>;
	/** Binary files its messages carry, read only when the campaign is sent. */
	binaries: PendingBinary[];
	/** Its messages' size in the request body, files counted as base64. */
	bytes: number;
	/** Holes in its messages' texts, when they were looked for. */
	holes: ItemHole[];
}

export interface CollectedItem extends ItemMessages {
	itemIndex: number;
}

/** A group of input items turned into checked messages, before the recipients are checked. */
export interface CollectedCampaign {
	group: number[];
	fields: CampaignFields;
	items: CollectedItem[];
	options: CampaignOptions;
	key?: string;
	recipients: RecipientOptions;
	leftOut: LeftOut[];
	replaced: Replaced[];
}

export interface CampaignBody extends CampaignFields {
	messages: IDataObject[];
}

/** One campaign ready to post. */
export interface PlannedCampaign {
	/** The input items it was built from, in order. */
	items: number[];
	/** How many of the body's messages each of those items has, in the same order. */
	messagesPerItem: number[];
	body: CampaignBody;
	/** Files its messages carry, read just before it is posted. */
	binaries: PendingBinary[];
	/** Set when a large campaign was split. */
	part?: { index: number; count: number };
	/** The Campaign Key and the marker it puts at the end of `info`. */
	key?: { value: string; marker: string };
	dryRun: boolean;
	/** Options → Output: One Item per Contact. */
	perContact: boolean;
	timeoutSeconds: number;
	/** Recipients left out or replaced, reported with the first part of the campaign. */
	recipients?: { leftOut: LeftOut[]; replaced: Replaced[] };
}
