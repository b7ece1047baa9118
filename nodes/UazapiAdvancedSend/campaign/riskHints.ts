import { wallClock } from '../../shared/time';
import type { PlannedCampaign } from './model';
import { sequences } from './recipientRows';

/**
 * Warnings, not errors, in n8n's output panel when a run looks risky for the WhatsApp number:
 * WhatsApp bans numbers that look like spam, and publishes no thresholds. README "Protecting
 * your number" says where each of these comes from; they are advice.
 */
export const RISK = {
	/** Half of the 10 s uazapi's own /sender/simple example and this node's default start at. */
	minDelaySeconds: 5,
	/** Our choice: "a few hundred" identical messages; no public figure exists. */
	identicalTextRecipients: 200,
	/** Meta's lowest messaging limit for the official API: 1,000 new contacts in 24 hours. */
	recipientsPerDay: 1000,
} as const;

const LINK = /\bhttps?:\/\/|\bwww\./i;

const shortText = (text: string) =>
	JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);

/** The day a campaign starts, in the workflow's time zone; scheduled_for is ms, or minutes from now. */
function dayOf(scheduledFor: number | undefined, timeZone: string, now: number): string {
	const at =
		scheduledFor === undefined
			? now
			: scheduledFor < 1e12
				? now + scheduledFor * 60_000
				: scheduledFor;
	const { year, month, day } = wallClock(at, timeZone);
	return `${year}-${month}-${day}`;
}

export function riskHints(campaigns: PlannedCampaign[], timeZone: string, now: number): string[] {
	const hints: string[] = [];
	const shortest = Math.min(...campaigns.map((campaign) => campaign.body.delayMin));
	if (shortest < RISK.minDelaySeconds) {
		hints.push(
			`Delay Min is ${shortest} s: pauses under ${RISK.minDelaySeconds} s between messages make the number look automated, which gets numbers banned. 10 to 30 s is safer (README "Protecting your number").`,
		);
	}

	const sameText = new Map<string, number>();
	const perDay = new Map<string, Set<string>>();
	let linkFirst = 0;
	for (const campaign of campaigns) {
		const day = dayOf(campaign.body.scheduled_for, timeZone, now);
		const recipients = perDay.get(day) ?? new Set<string>();
		perDay.set(day, recipients);
		for (const messages of sequences(campaign)) {
			recipients.add(String(messages[0]?.number));
			const texts = new Set(
				messages
					.map((message) => message.text)
					.filter((text) => typeof text === 'string' && text !== ''),
			);
			for (const text of texts as Set<string>) sameText.set(text, (sameText.get(text) ?? 0) + 1);
			if (typeof messages[0]?.text === 'string' && LINK.test(messages[0].text)) linkFirst++;
		}
	}

	const [commonest, count] = [...sameText].reduce(
		(most, entry) => (entry[1] > most[1] ? entry : most),
		['', 0] as [string, number],
	);
	if (count >= RISK.identicalTextRecipients) {
		hints.push(
			`${count.toLocaleString('en')} recipients get the same text ${shortText(commonest)}: many identical messages look like spam. Map something of each contact into it, e.g. {{ $json.name }}.`,
		);
	}
	for (const [day, recipients] of perDay) {
		if (recipients.size > RISK.recipientsPerDay) {
			hints.push(
				`${recipients.size.toLocaleString('en')} recipients on ${day}: more than ${RISK.recipientsPerDay.toLocaleString('en')} a day is past what WhatsApp allows a new official number; spread the list over days (Schedule), above all for a new number.`,
			);
		}
	}
	if (linkFirst > 0) {
		hints.push(
			`The first message to ${linkFirst.toLocaleString('en')} recipient(s) has a link: a link in the first message from a number people do not know is often reported as spam. Send it in a later message, or after a reply.`,
		);
	}
	return hints;
}
