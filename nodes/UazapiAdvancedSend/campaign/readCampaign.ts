import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { DEFAULT_COUNTRY_CODE } from '../../shared/contract';
import { asNodeError, InputProblems, inputError, settingsError } from '../../shared/inputErrors';
import type { ItemParameters } from '../parameters/itemParameters';
import { FieldProblem, type NumberRules } from '../messages';
import { readCampaignKey } from './campaignKey';
import { evaluated } from '../parameters/readParameter';
import { readWhenValueEmpty, screenHoles } from './screenHoles';
import { collectItemMessages } from './readItem';
import { optionLabel, PARAMETERS, type CampaignOptions } from '../parameters/names';
import { readCountryCode, readExcluded, screenRecipients } from './screenRecipients';
import { campaignFields, type CampaignParameters, type ScheduleMode } from './campaignFields';
import type { CampaignFields, CollectedCampaign, CollectedItem, RecipientOptions } from './model';

/**
 * A group of input items (all items, or one per item) turned into one campaign's checked
 * messages and settings, with excluded and repeated recipients left out; then, once uazapi has
 * said which numbers are on WhatsApp, with those answers applied. Nothing here sends anything.
 */

function readSettings(
	context: IExecuteFunctions,
	read: ItemParameters,
	itemIndex: number,
): CampaignFields {
	try {
		const get = ({ name, label }: { name: string; label: string }, fallback?: unknown) =>
			evaluated(read, name, itemIndex, label, fallback);
		const schedule = get(PARAMETERS.schedule, 'now') as ScheduleMode;
		const parameters: CampaignParameters = {
			delayMin: get(PARAMETERS.delayMin),
			delayMax: get(PARAMETERS.delayMax),
			info: get(PARAMETERS.info, ''),
			schedule,
			scheduledAt: schedule === 'at' ? get(PARAMETERS.scheduledAt) : undefined,
			scheduleInMinutes: schedule === 'inMinutes' ? get(PARAMETERS.scheduleInMinutes) : undefined,
		};
		// The clock is read after the expressions ran: {{ $now }} is then never ahead of "now".
		return campaignFields(parameters, Date.now(), context.getTimezone());
	} catch (error) {
		throw settingsError(context.getNode(), error, itemIndex);
	}
}

/** Campaign fields set by whole JSON bodies; the items of one campaign must agree on them. */
function mergeJsonFields(
	context: IExecuteFunctions,
	merged: Partial<CampaignFields>,
	setBy: Map<string, number>,
	fields: Partial<CampaignFields>,
	itemIndex: number,
): void {
	for (const [key, value] of Object.entries(fields) as Array<[keyof CampaignFields, never]>) {
		const earlier = setBy.get(key);
		if (earlier !== undefined && merged[key] !== value) {
			throw inputError(
				context.getNode(),
				new FieldProblem(
					`"${key}"`,
					`is ${JSON.stringify(value)} here but ${JSON.stringify(merged[key])} in item ${earlier}; one campaign has one value`,
					'Give every item the same campaign fields, or set Campaign Mode to "One Campaign per Item".',
				),
				{ itemIndex },
			);
		}
		merged[key] = value;
		if (earlier === undefined) setBy.set(key, itemIndex);
	}
}

/**
 * Dry Run and Campaign Key: options in version 1, on the form's first screen since version 1.1.
 * A key left empty there means no key; a mapped key that gives nothing for the item is refused,
 * as an added option was in version 1, so a missing batch id never sends unguarded.
 */
function withFirstScreen(
	context: IExecuteFunctions,
	read: ItemParameters,
	options: CampaignOptions,
	first: number,
): CampaignOptions {
	if (context.getNode().typeVersion < 1.1) return options;
	const { dryRun, campaignKey } = PARAMETERS;
	const key = evaluated(read, campaignKey.name, first, campaignKey.label, '');
	const saved = read.saved(campaignKey.name);
	const hasKey = saved !== '' && (saved !== undefined || (key !== '' && key !== undefined));
	return {
		...options,
		dryRun: evaluated(read, dryRun.name, first, dryRun.label, false) === true,
		...(hasKey ? { campaignKey: key } : {}),
	};
}

/**
 * Default Country Code: on the form since version 1.1 (Brazil unless changed), in Options before,
 * where it was empty unless added.
 */
function countryCodeRules(
	context: IExecuteFunctions,
	read: ItemParameters,
	options: CampaignOptions,
	first: number,
): NumberRules {
	if (context.getNode().typeVersion < 1.1) {
		const setting = optionLabel('defaultCountryCode');
		return { countryCode: readCountryCode(options.defaultCountryCode, setting), setting };
	}
	const { name, label: setting } = PARAMETERS.defaultCountryCode;
	const value = evaluated(read, name, first, setting, DEFAULT_COUNTRY_CODE);
	return { countryCode: readCountryCode(value, setting), setting };
}

function readRecipientOptions(
	context: IExecuteFunctions,
	read: ItemParameters,
	options: CampaignOptions,
	first: number,
): RecipientOptions {
	try {
		const rules = countryCodeRules(context, read, options, first);
		return {
			rules,
			skipDuplicates: options.skipDuplicates !== false,
			exclude: readExcluded(options.excludeNumbers, rules),
			checkNumbers: options.checkNumbers ?? 'off',
		};
	} catch (error) {
		throw settingsError(context.getNode(), error, first);
	}
}

/**
 * Builds and checks one group of input items (all items, or one per item) and leaves out excluded
 * and repeated recipients. Throws the problems of all its items in one error; nothing is sent.
 */
export async function collectCampaign(
	context: IExecuteFunctions,
	read: ItemParameters,
	group: number[],
): Promise<CollectedCampaign> {
	const first = group[0];
	let options: CampaignOptions;
	try {
		const { name, label } = PARAMETERS.options;
		const optionOf = (path: Array<string | number>) => (path.length ? optionLabel(path[0]) : label);
		options = withFirstScreen(
			context,
			read,
			evaluated(read, name, first, optionOf, {}) as CampaignOptions,
			first,
		);
	} catch (error) {
		throw settingsError(context.getNode(), error, first);
	}
	const recipients = readRecipientOptions(context, read, options, first);
	const settings = readSettings(context, read, first);
	const fromJson: Partial<CampaignFields> = {};
	const setBy = new Map<string, number>();
	const items: CollectedItem[] = [];
	// Every item is checked, so that one run shows all that needs fixing (up to a limit).
	const problems = new InputProblems();
	const whenValueEmpty = readWhenValueEmpty(options.whenValueEmpty);
	for (const itemIndex of group) {
		try {
			const item = await collectItemMessages(
				context,
				read,
				itemIndex,
				recipients.rules,
				whenValueEmpty !== 'send',
			);
			items.push({ itemIndex, ...item });
			if (item.campaign) mergeJsonFields(context, fromJson, setBy, item.campaign, itemIndex);
		} catch (error) {
			const failure = asNodeError(context.getNode(), error, { itemIndex });
			if (!(failure instanceof NodeOperationError)) throw failure;
			problems.add(failure);
		}
	}
	const holes = screenHoles(context.getNode(), items, whenValueEmpty, problems);
	const problem = problems.error(context.getNode());
	if (problem) throw problem;
	const fields = { ...settings, ...fromJson };
	if (fields.delayMin > fields.delayMax) {
		throw settingsError(
			context.getNode(),
			new FieldProblem(
				'delayMin',
				`(${fields.delayMin}) is greater than delayMax (${fields.delayMax})`,
				'Make delayMin smaller than or equal to delayMax.',
			),
			first,
		);
	}
	let key: string | undefined;
	try {
		key = readCampaignKey(options as IDataObject);
	} catch (error) {
		throw settingsError(context.getNode(), error, first);
	}
	const { kept, leftOut } = screenRecipients(holes.kept, recipients);
	leftOut.push(...holes.leftOut);
	leftOut.sort((a, b) => a.item - b.item);
	return { group, fields, items: kept, options, key, recipients, leftOut, replaced: [] };
}
