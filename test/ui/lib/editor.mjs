// What the UI tests share: this package, packed and installed the way n8n installs a community
// package, in the real n8n the e2e tests use, driven in headless Chromium at 1280×800.
// scripts/chromium.sh installs Debian's chromium when it is missing.
import { mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium } from 'playwright-core';

import {
	ensureN8n,
	prepareUserFolder,
	REPO_ROOT,
	run,
	setupOwner,
	startN8n,
} from '../../../scripts/lib/n8n.mjs';

const require = createRequire(import.meta.url);
const { startUazapiServer } = require('../../helpers/uazapiServer.cjs');

export const TOKEN = 'ui-secret-instance-token';
const CHROMIUM = process.env.UAZAPI_CHROMIUM || '/usr/bin/chromium';
const IMAGES = join(REPO_ROOT, 'docs/images');

export const byTestId = (id) => `[data-test-id="${id}"]`;

export function escape(text) {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * n8n with the imitation's credential and the given workflows, a logged-in page at 1280×800;
 * `timings` gathers how long each part took.
 */
export async function startEditor(workflows, timings) {
	const time = (label, started) =>
		(timings[label] = Number(((Date.now() - started) / 1000).toFixed(1)));
	let started = Date.now();
	await run('sh', [join(REPO_ROOT, 'scripts/chromium.sh')]);
	time('chromium check or install', started);
	started = Date.now();
	const n8n = await ensureN8n();
	const imitation = await startUazapiServer({ token: TOKEN });
	const userFolder = await prepareUserFolder(n8n, {
		credentials: [
			{
				id: 'uazapiCredential',
				name: 'uazapi imitation',
				type: 'uazapiSenderApi',
				data: { serverUrl: `${imitation.url}/`, token: TOKEN },
			},
		],
		workflows: workflows.map((file) => join(REPO_ROOT, 'test/ui/workflows', file)),
	});
	const server = await startN8n(n8n, userFolder);
	const { cookie } = await setupOwner(server.url);
	time('n8n install, package install and start', started);
	started = Date.now();
	const browser = await chromium.launch({
		executablePath: CHROMIUM,
		headless: true,
		// Playwright gives each launch a fresh profile (--user-data-dir) and removes it on close.
		// Without the background-networking flags Chromium keeps calling Google's services.
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	await context.addCookies(
		cookie.split('; ').map((pair) => {
			const at = pair.indexOf('=');
			return { name: pair.slice(0, at), value: pair.slice(at + 1), domain: '127.0.0.1', path: '/' };
		}),
	);
	const page = await context.newPage();
	page.setDefaultTimeout(15_000);
	time('browser start', started);
	return {
		server,
		imitation,
		page,
		async close() {
			await browser.close();
			await server.stop();
			await imitation.close();
		},
	};
}

/** Picks an option of an n8n options field by its name (the dropdown also shows descriptions). */
export async function chooseOption(page, input, name) {
	await input.click();
	const option = page.locator('.el-select-dropdown__item:visible').filter({
		has: page.locator('.option-headline', { hasText: new RegExp(`^${escape(name)}$`) }),
	});
	await option.first().click();
	await option.first().waitFor({ state: 'hidden' });
}

/** Saves a screenshot to docs/images/editor-<name>.png without hover effects or toasts. */
export async function screenshot(page, name) {
	mkdirSync(IMAGES, { recursive: true });
	const path = join(IMAGES, `editor-${name}.png`);
	await page.mouse.move(1275, 5);
	await page
		.locator('.el-notification__closeBtn')
		.click({ timeout: 1000 })
		.catch(() => {});
	await page
		.locator('.el-notification')
		.first()
		.waitFor({ state: 'hidden', timeout: 5000 })
		.catch(() => {});
	await page.screenshot({ path });
	return statSync(path).size;
}

/** Runs a step; on failure keeps a screenshot of the page in the temp folder for the report. */
export async function step(page, name, body) {
	try {
		await body();
	} catch (error) {
		const path = join(tmpdir(), `uazapi-ui-failure-${name}.png`);
		await page?.screenshot({ path }).catch(() => {});
		error.message += `\n(screenshot of the page: ${path})`;
		throw error;
	}
}
