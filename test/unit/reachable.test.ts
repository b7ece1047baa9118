import { isLocalHost, unreachableBy } from '../../nodes/UazapiTrigger/webhook/reachable';

describe('isLocalHost: addresses only this machine or its network reaches', () => {
	test.each([
		['localhost', true],
		['n8n.localhost', true],
		['printer.local', true],
		['127.0.0.1', true],
		['10.0.0.5', true],
		['172.16.3.4', true],
		['172.31.255.255', true],
		['192.168.1.20', true],
		['169.254.0.1', true],
		['100.64.0.1', true],
		['0.0.0.0', true],
		['[::1]', true],
		['fd12::1', true],
		['n8n', true],
		['172.32.0.1', false],
		['8.8.8.8', false],
		['n8n.example.com', false],
		['demo.uazapi.com', false],
		['[2001:db8::1]', false],
	])('%s → %p', (host, local) => {
		expect(isLocalHost(host)).toBe(local);
	});
});

describe('unreachableBy', () => {
	it('names the local address and how to set the public one when uazapi is on the internet', () => {
		const problem = unreachableBy(
			'http://localhost:5678/webhook/abc/webhook?secret=x',
			'https://demo.uazapi.com',
		);
		expect(problem?.message).toBe(
			"uazapi cannot reach this trigger's URL: http://localhost:5678 is an address of this machine or its network",
		);
		expect(problem?.description).toContain('WEBHOOK_URL');
		expect(problem?.description).not.toContain('secret=x');
	});

	it('says nothing when both are local (a self-hosted uazapi) or the URL is public', () => {
		expect(
			unreachableBy('http://127.0.0.1:5678/webhook/a', 'http://192.168.0.9:8080'),
		).toBeUndefined();
		expect(
			unreachableBy('https://n8n.example.com/webhook/a', 'https://demo.uazapi.com'),
		).toBeUndefined();
	});
});
