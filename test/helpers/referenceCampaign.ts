import type { IDataObject } from 'n8n-workflow';

import reference from '../fixtures/reference-campaign.json';

/**
 * The editor issue's reference campaign, as the editor saves it: a personalised text, an image
 * with a caption, a list of 2 sections × 2 rows, buttons of every action with a footer, a carousel
 * of 2 cards. The same file feeds bench/stored-size.bench.mjs.
 */
export const REFERENCE: IDataObject[] = reference.messages;

/** The same messages as uazapi Message nodes save them: choices written one per line. */
export const REFERENCE_NODES: IDataObject[] = reference.messageNodes;

/** The names a person gives its uazapi Message nodes. */
export const REFERENCE_NAMES: string[] = reference.names;
