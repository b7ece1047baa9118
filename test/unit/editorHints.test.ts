import type { INodeProperties } from 'n8n-workflow';

import { UazapiSenderApi } from '../../credentials/UazapiSenderApi.credentials';
import { advancedSendProperties } from '../../nodes/UazapiAdvancedSend/description';
import { messageEntryProperties } from '../../nodes/UazapiAdvancedSend/messages';

/** Every property of the node, nested ones included, by name (the first one shown for a name). */
function flatten(properties: INodeProperties[]): INodeProperties[] {
	return properties.flatMap((property) => {
		const nested = (property.options ?? []).flatMap((option) =>
			'values' in option ? flatten(option.values) : 'type' in option ? flatten([option]) : [],
		);
		return [property, ...nested];
	});
}

const ALL = flatten([...advancedSendProperties, ...messageEntryProperties]);

function textOf(name: string, type?: string): string {
	const found = ALL.filter(
		(property) =>
			property.name === name &&
			(type === undefined ||
				(property.displayOptions?.show?.type as string[] | undefined)?.includes(type)),
	);
	expect(found.length).toBeGreaterThan(0);
	return found.map((property) => `${property.displayName} ${property.description ?? ''}`).join(' ');
}

// Rules that used to surface only as run-time errors, written where the user is when they matter.
describe('the editor states the rules where they matter', () => {
	it('warns at the top that running sends a real campaign, and points to Dry Run', () => {
		const notice = advancedSendProperties[0];
		expect(notice.type).toBe('notice');
		expect(notice.displayName).toMatch(/creates a real campaign/);
		expect(notice.displayName).toMatch(/Dry Run/);
		expect(notice.displayName).toMatch(/Retry On Fail off/);
	});

	it.each([
		['pollOptions', undefined, /2 to 12 different options/],
		['cards', undefined, /each needs a title, an image and at least one button/],
		['buttons', 'button', /Avoid mixing Reply with other actions: WhatsApp Web then asks/],
		['scheduledAt', undefined, /A time in the past is refused/],
		['scheduleInMinutes', undefined, /From 1 to 43,200 minutes/],
		['maxMessagesPerCampaign', undefined, /0 means no limit/],
		['latitude', undefined, /from -90 to 90/],
	])('%s states its rule', (name, type, rule) => {
		expect(textOf(name, type)).toMatch(rule);
	});

	it('gives each media type a placeholder of its own kind of file', () => {
		const placeholders = Object.fromEntries(
			ALL.filter((property) => property.name === 'mediaUrl').map((property) => [
				(property.displayOptions?.show?.type as string[]).join(),
				property.placeholder,
			]),
		);
		expect(placeholders).toMatchObject({
			image: 'e.g. https://example.com/photo.jpg',
			ptt: 'e.g. https://example.com/voice.ogg',
			sticker: 'e.g. https://example.com/sticker.webp',
			document: 'e.g. https://example.com/catalog.pdf',
		});
	});

	it('says the credential wants the instance token, not the admin token', () => {
		const token = new UazapiSenderApi().properties.find((property) => property.name === 'token');
		expect(token?.description).toMatch(/not the admin token/);
	});
});

/** Whether n8n shows a top-level property in this version of the node (its `@version` rule). */
function inVersion(property: INodeProperties, version: number): boolean {
	const rule = property.displayOptions?.show?.['@version'] as
		| Array<number | { _cnd: { gte?: number; lt?: number } }>
		| undefined;
	if (rule === undefined) return true;
	return rule.some((allowed) =>
		typeof allowed === 'number'
			? allowed === version
			: (allowed._cnd.gte === undefined || version >= allowed._cnd.gte) &&
				(allowed._cnd.lt === undefined || version < allowed._cnd.lt),
	);
}

describe.each([1.1, 1.2])('version %s: the first screen and its switch', (version) => {
	const shown = advancedSendProperties.filter((property) => inVersion(property, version));

	it('Dry Run and Campaign Key come right after the notice, before anything else', () => {
		expect(shown.slice(0, 3).map((property) => property.name)).toEqual([
			'sendNotice',
			'dryRun',
			'campaignKey',
		]);
	});

	it.each([
		['fields', 'clears the Recipient and every message entered here'],
		['json', 'clears Messages (JSON)'],
		['nodes', 'Switching Define Messages Using to JSON clears the Recipient'],
	])(
		'in %s mode, a notice under Define Messages Using says what switching clears',
		(mode, says) => {
			const index = shown.findIndex((property) => property.name === 'defineMessages');
			expect(index).toBeGreaterThan(0);
			const notice = shown
				.slice(index + 1)
				.find(
					(property) =>
						property.type === 'notice' &&
						(property.displayOptions?.show?.defineMessages as string[] | undefined)?.includes(mode),
				);
			expect(notice?.displayName).toContain(says);
		},
	);
});

describe('which way of defining messages a new node starts from', () => {
	it.each([
		[1, 'fields'],
		[1.1, 'fields'],
		[1.2, 'nodes'],
	])('version %s starts from %s', (version, mode) => {
		const defined = advancedSendProperties.filter(
			(property) => property.name === 'defineMessages' && inVersion(property, version),
		);
		expect(defined.map((property) => property.default)).toEqual([mode]);
	});
});
