/**
 * A value without the instance token, for anything that leaves a request: uazapi's answers (a
 * server may echo the request back), its error texts, and webhook deliveries (which carry the
 * token, and sometimes a QR or pairing code). Every occurrence of the secret in a text or a key is
 * replaced by `***`, and keys matching `dropKeys` are left out. What holds no secret is returned
 * as it is, not copied: answers of thousands of messages pass through here.
 */
export function withoutSecret(value: unknown, secret: string, dropKeys?: RegExp): unknown {
	const mask = (text: string) =>
		secret !== '' && text.includes(secret) ? text.split(secret).join('***') : text;
	const clean = (entry: unknown): unknown => {
		if (typeof entry === 'string') return mask(entry);
		if (typeof entry !== 'object' || entry === null) return entry;
		if (Array.isArray(entry)) {
			const list = entry.map(clean);
			return list.some((item, index) => item !== entry[index]) ? list : entry;
		}
		let changed = false;
		const copy: Record<string, unknown> = {};
		for (const [key, inner] of Object.entries(entry)) {
			if (dropKeys?.test(key)) {
				changed = true;
				continue;
			}
			const cleanKey = mask(key);
			const cleanValue = clean(inner);
			changed ||= cleanKey !== key || cleanValue !== inner;
			copy[cleanKey] = cleanValue;
		}
		return changed ? copy : entry;
	};
	return clean(value);
}
