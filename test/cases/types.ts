import type fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';

import type { SenderMessageType } from '../../nodes/shared/contract';
import type { CampaignKit, ParityKit } from './kit';

export type Shape = Record<string, fc.Arbitrary<unknown>>;

/**
 * The test cases of one message type definition (one file per file of
 * nodes/UazapiAdvancedSend/messages/ that defines types). Every generic test reads them from
 * test/cases/index.ts, so adding a message type means its definition file, its entry in the
 * registry and one of these; test/unit/messageCases.test.ts fails while one is missing.
 */
export interface MessageTypeCases {
	/** The uazapi types these cases cover: one definition may serve several (the media types). */
	types: SenderMessageType[];
	/** Editor entries and the exact uazapi message each builds. */
	builds: Array<[string, IDataObject, IDataObject]>;
	/** The labels of each type's optional fields behind Message Options, in the editor's order. */
	messageOptions: Partial<Record<SenderMessageType, string[]>>;
	/** A uazapi message of the type, as JSON mode takes it: its fields and those it requires. */
	json(type: SenderMessageType, kit: CampaignKit): { shape: Shape; required: string[] };
	/** An editor entry of the type, flat: savedEntry puts its optional fields where n8n saves them. */
	fields(type: SenderMessageType, kit: CampaignKit): Shape;
	/** A message whose values often break a rule, to hold the editor and JSON to one verdict. */
	parity: {
		shape(type: SenderMessageType, kit: ParityKit): Shape;
		/** Keys the generated message may leave out. */
		optional: string[];
		/** uazapi key → the editor parameter that fills it (choices go through Raw Choices). */
		editorNames: Record<string, string>;
	};
}
