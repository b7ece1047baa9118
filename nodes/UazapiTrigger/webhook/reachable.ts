/**
 * Whether uazapi can call the trigger's URL at all. n8n gives its own address (localhost,
 * 127.0.0.1, a LAN or Docker address) when its public URL is not set; a uazapi server on the
 * internet then registers a webhook it can never call, and no event ever arrives.
 */

/** A host only this machine or its own network reaches: loopback, private ranges, bare names. */
export function isLocalHost(host: string): boolean {
	const name = host.toLowerCase().replace(/^\[|\]$/g, '');
	if (name === 'localhost' || name.endsWith('.localhost') || name.endsWith('.local')) return true;
	const v4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(name);
	if (v4) {
		const [a, b] = [Number(v4[1]), Number(v4[2])];
		return (
			a === 0 ||
			a === 10 ||
			a === 127 ||
			(a === 169 && b === 254) ||
			(a === 172 && b >= 16 && b <= 31) ||
			(a === 192 && b === 168) ||
			(a === 100 && b >= 64 && b <= 127)
		);
	}
	if (name.includes(':')) return name === '::1' || /^(fc|fd|fe8|fe9|fea|feb)/.test(name);
	// A name without a dot (a Docker service such as "n8n") resolves only inside its network.
	return !name.includes('.');
}

function hostOf(url: string): string | undefined {
	try {
		return new URL(url).hostname;
	} catch {
		return undefined;
	}
}

/**
 * What to tell the user when the trigger's URL is local and the uazapi server is not; undefined
 * when uazapi can reach it (both local, as with a self-hosted uazapi, or a public URL).
 */
export function unreachableBy(
	webhookUrl: string,
	serverUrl: string,
): { message: string; description: string } | undefined {
	const webhookHost = hostOf(webhookUrl);
	const serverHost = hostOf(serverUrl);
	if (!webhookHost || !serverHost || !isLocalHost(webhookHost) || isLocalHost(serverHost)) {
		return undefined;
	}
	const base = webhookUrl.replace(/^(https?:\/\/[^/]+).*$/, '$1');
	return {
		message: `uazapi cannot reach this trigger's URL: ${base} is an address of this machine or its network`,
		description: `The uazapi server (${serverHost}) is on the internet and would call ${base}, which only this machine or its network can open, so no event would ever arrive. Set n8n's public address in its WEBHOOK_URL environment variable (e.g. WEBHOOK_URL=https://n8n.example.com/, the address of a reverse proxy or tunnel that reaches this n8n), restart n8n, then activate the workflow again.`,
	};
}
