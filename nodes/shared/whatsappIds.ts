/**
 * The phone number a WhatsApp id stands for, as digits: "5511…", "+5511…", a contact JID
 * "5511…@s.whatsapp.net" (with a device, "5511…:3@s.whatsapp.net") or "5511…@c.us". Null for a
 * group, a LID (not a dialable number) or anything else. The sender, its WhatsApp check and the
 * Trigger read numbers this one way.
 */
export function phoneOf(id: unknown): string | null {
	if (typeof id !== 'string') return null;
	const match = /^\+?(\d{6,})(?::\d+)?(?:@s\.whatsapp\.net|@c\.us)?$/.exec(id.trim());
	return match ? match[1] : null;
}
