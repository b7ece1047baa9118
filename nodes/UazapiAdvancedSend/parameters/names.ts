/**
 * The sender's parameters, by the names saved in users' workflows and the labels the editor shows
 * them with. Names are frozen: changing one needs a new node version. description.ts declares the
 * parameters; the code reads them only through this module, and a unit test holds the two against
 * each other (test/unit/parameterNames.test.ts).
 */
export const PARAMETERS = {
	dryRun: { name: 'dryRun', label: 'Dry Run' },
	campaignKey: { name: 'campaignKey', label: 'Campaign Key' },
	defineMessages: { name: 'defineMessages', label: 'Define Messages Using' },
	recipient: { name: 'number', label: 'Recipient' },
	defaultCountryCode: { name: 'defaultCountryCode', label: 'Default Country Code' },
	messages: { name: 'messages.message', label: 'Messages' },
	messagesJson: { name: 'messagesJson', label: 'Messages (JSON)' },
	campaignMode: { name: 'campaignMode', label: 'Campaign Mode' },
	delayMin: { name: 'delayMin', label: 'Delay Min (Seconds)' },
	delayMax: { name: 'delayMax', label: 'Delay Max (Seconds)' },
	info: { name: 'info', label: 'Description' },
	schedule: { name: 'schedule', label: 'Schedule' },
	scheduledAt: { name: 'scheduledAt', label: 'Send At' },
	scheduleInMinutes: { name: 'scheduleInMinutes', label: 'Minutes From Now' },
	options: { name: 'options', label: 'Options' },
} as const;

/**
 * The Options collection's fields: name → label. Default Country Code, Campaign Key and Dry Run
 * are options in version 1 only; version 1.1 has them on the form.
 */
export const OPTIONS = {
	campaignKey: 'Campaign Key',
	checkNumbers: 'Check Numbers on WhatsApp',
	defaultCountryCode: 'Default Country Code',
	dryRun: 'Dry Run',
	excludeNumbers: 'Exclude Numbers',
	maxMessagesPerCampaign: 'Max Messages per Campaign',
	maxRequestSizeMb: 'Max Request Size (MB)',
	output: 'Output',
	skipDuplicates: 'Skip Duplicate Recipients',
	timeout: 'Timeout (Seconds)',
	whenValueEmpty: 'When a Mapped Value Is Empty',
} as const;

/** Options → Check Numbers on WhatsApp. */
export type CheckNumbers = 'off' | 'leaveOut' | 'fail';

/** What n8n hands over for the options whose type it checks; the others are read by the node. */
interface CheckedOptionValues {
	checkNumbers: CheckNumbers;
	dryRun: boolean;
	maxMessagesPerCampaign: number;
	maxRequestSizeMb: number;
	output: 'campaign' | 'contact';
	skipDuplicates: boolean;
	timeout: number;
}

/** The Options collection as read at the first item of each campaign. */
export type CampaignOptions = {
	[name in keyof typeof OPTIONS]?: name extends keyof CheckedOptionValues
		? CheckedOptionValues[name]
		: unknown;
};

/** "Options → Campaign Key": an option as errors name it. */
export function optionLabel(name: string | number | undefined): string {
	const label = OPTIONS[name as keyof typeof OPTIONS];
	return label ? `${PARAMETERS.options.label} → ${label}` : PARAMETERS.options.label;
}
