// The editor issue's reference campaign, built the way a person builds it in the new design: one
// uazapi Message node per message, added on the canvas between the trigger and the node that gets
// the contacts, named, filled; then uazapi Advanced Send after the contacts, a dry run read in
// n8n's Table view and a real run. Every mouse click is counted (a field is a click: a person
// clicks into it), keystrokes are not; the panel of each node is measured, and at each edited
// field the panel's heading must name the node. Prints one line:
//   editor: longest panel N px, clicks M, headings ok|missing
// and fails unless N ≤ 2,000, M ≤ 50 and the headings are ok. Then the switch notices, the
// Campaign node's picker and the Trigger's hint. Screenshots go to docs/images/.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { REPO_ROOT } from '../../scripts/lib/n8n.mjs';
import { byTestId, chooseOption, screenshot, startEditor, step } from './lib/editor.mjs';

const require = createRequire(import.meta.url);
const reference = require('../fixtures/reference-campaign.json');
const { MESSAGE_TYPES } = require(
	join(REPO_ROOT, 'dist/nodes/UazapiAdvancedSend/messages/index.js'),
);

const LIMITS = { panel: 2000, clicks: 50 };
const SENDER = 'uazapi Advanced Send';
const KEY = 'verao-2027';
const timings = {};

let editor;
let page;

/** What the person does, in order: every click, and each panel's height and heading. */
const clicks = [];
const panels = {};
const headings = [];

before(
	async () => {
		editor = await startEditor(
			[
				'reference.workflow.json',
				'manage.workflow.json',
				'../../../examples/campaign-outcomes.workflow.json',
				'../../../examples/opt-outs.workflow.json',
			],
			timings,
		);
		({ page } = editor);
	},
	{ timeout: 30 * 60_000 },
);

after(async () => {
	await editor?.close();
	process.stderr.write(`[ui] timings (s): ${JSON.stringify(timings)}\n`);
});

async function click(what, locator) {
	clicks.push(what);
	await locator.click();
}

/** The open panel's heading must name the node whose field is being edited, on screen. */
async function checkHeading(node, field) {
	const title = page.locator(byTestId('node-title-container')).first();
	const box = await title.boundingBox();
	const text = (await title.innerText()).trim();
	headings.push({
		node,
		field,
		ok: text === node && box !== null && box.y >= 0 && box.y + box.height <= 800,
	});
}

/** A person clicks into a field of the open panel and types. */
async function fillField(node, name, value) {
	const field = page
		.locator(`${byTestId('ndv')} ${byTestId(`parameter-input-${name}`)}`)
		.locator('input, textarea, [contenteditable="true"]')
		.first();
	await field.scrollIntoViewIfNeeded();
	await checkHeading(node, name);
	clicks.push(`${node}: ${name}`);
	await field.click();
	await field.fill(value);
	// The next click would take the focus away; taking it away here changes nothing else.
	await field.blur();
}

async function choose(node, name, option) {
	await checkHeading(node, name);
	clicks.push(`${node}: ${name}`, `${node}: ${name} → ${option}`);
	await chooseOption(
		page,
		page.locator(`${byTestId('ndv')} ${byTestId(`parameter-input-${name}`)}`),
		option,
	);
}

/** The height of everything the open panel's parameters take, scrolled or not. */
async function measurePanel(node) {
	const height = await page
		.locator(`${byTestId('node-parameters')} ${byTestId('parameter-item')}`)
		.evaluateAll((items) => {
			const shown = items.filter((item) => item.offsetParent !== null);
			const top = Math.min(...shown.map((item) => item.getBoundingClientRect().top));
			const bottom = Math.max(...shown.map((item) => item.getBoundingClientRect().bottom));
			return Math.round(bottom - top);
		});
	panels[node] = Math.max(panels[node] ?? 0, height);
}

/** Searches the node creator (opened by the click before) and adds its first result. */
async function addFromSearch(search) {
	await page.keyboard.type(search);
	await page.locator(byTestId('node-creator-item-name')).first().waitFor();
	await page.keyboard.press('Enter');
	// A community node first shows its details page; Enter adds it and opens its panel.
	await page.getByRole('button', { name: 'Add to workflow' }).waitFor();
	// It takes Enter once its keyboard handling is set up, a moment after it shows.
	await page.waitForTimeout(500);
	await page.keyboard.press('Enter');
	await page.locator(byTestId('ndv')).waitFor();
}

async function rename(name) {
	await click(`${name}: rename`, page.locator(byTestId('node-title-container')).first());
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.type(name);
	await page.keyboard.press('Enter');
	await page.locator(byTestId('node-title-container')).filter({ hasText: name }).waitFor();
}

async function closePanel() {
	await click('close the panel', page.locator(byTestId('ndv-close-button')));
	await page.locator(byTestId('ndv')).waitFor({ state: 'hidden' });
}

const typeName = (type) => MESSAGE_TYPES.find((definition) => definition.type === type).displayName;
/** A message node's Message Options, e.g. buttonMessageOptions → Footer. */
const OPTION_LABELS = { footerText: 'Footer' };

async function addMessageNode(name, entry) {
	// Hover the connection into the contacts node: n8n shows "+" on it, which inserts a node there.
	// The chain grows to the right: first "zoom to fit" (n8n's shortcut: 1) keeps it all in view.
	await page.keyboard.press('1');
	await page.waitForTimeout(400);
	const edge = page.locator(`${byTestId('edge')}[data-target-node-name="Contacts"] path`).first();
	const box = await edge.boundingBox();
	await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
	await click(`${name}: add`, page.locator(byTestId('add-connection-button')));
	await addFromSearch('uazapi message');
	await rename(name);
	if (entry.type !== 'text') await choose(name, 'type', typeName(entry.type));
	for (const [key, value] of Object.entries(entry)) {
		if (key === 'type') continue;
		if (typeof value === 'object') {
			for (const [option, optionValue] of Object.entries(value)) {
				await click(
					`${name}: Add Option`,
					page.locator(`${byTestId('ndv')} ${byTestId('collection-parameter-add')}`).first(),
				);
				await click(
					`${name}: ${OPTION_LABELS[option]}`,
					page
						.locator(`${byTestId('collection-parameter-option')}:visible`)
						.filter({ hasText: new RegExp(`^${OPTION_LABELS[option]}$`) }),
				);
				await fillField(name, option, optionValue);
			}
		} else {
			// Typing "{{" switches n8n's field to an expression by itself.
			await fillField(name, key, value.replace(/^=/, ''));
		}
	}
	await measurePanel(name);
	if (name === 'Menu')
		timings['screenshot message node (bytes)'] = await screenshot(page, 'message-node');
	await closePanel();
}

const SEND_AT = new Date(Date.now() + 30 * 24 * 3600_000);
SEND_AT.setUTCHours(13, 0, 0, 0);
/** As n8n's date picker takes it: the workflow's time zone (the instance's default, UTC here). */
const SEND_AT_TEXT = SEND_AT.toISOString().slice(0, 19).replace('T', ' ');

const phone = (digits) => `55119999900${digits}`;
const EXPECTED = (number, name) => [
	{ number, type: 'text', text: `Oi ${name}!` },
	{ number, type: 'image', file: 'https://loja.com/promo.jpg', text: 'Promoção de verão' },
	{
		number,
		type: 'list',
		text: 'Escolha sua categoria:',
		listButton: 'Ver Categorias',
		choices: [
			'[Eletrônicos]',
			'Smartphones|phones',
			'Notebooks|notes',
			'[Roupas]',
			'Camisetas|shirts',
			'Sapatos|shoes',
		],
	},
	{
		number,
		type: 'button',
		text: 'Ofertas da semana',
		footerText: 'Válido até domingo',
		choices: [
			'Quero|want',
			'Ver ofertas|https://loja.com/ofertas',
			'Copiar cupom|copy:PROMO10',
			'Ligar|call:+5511999999999',
		],
	},
	{
		number,
		type: 'carousel',
		text: 'Conheça',
		choices: [
			'[Caneca\nA melhor caneca]',
			'{https://loja.com/caneca.jpg}',
			'Quero|mug',
			'[Camiseta]',
			'{https://loja.com/camiseta.jpg}',
			'Quero|shirt',
			'Site|https://loja.com/camiseta',
		],
	},
];

const posts = () =>
	editor.imitation.requests.filter((request) => request.path === '/sender/advanced');

/** Executes the open node and waits for its output to show `shows`. */
async function execute(what, shows) {
	await click(what, page.locator(byTestId('node-execute-button')));
	await page
		.locator(`${byTestId('output-panel')} table`)
		.filter({ hasText: shows })
		.first()
		.waitFor({ timeout: 60_000 });
}

test(
	'a person builds the reference campaign with message nodes: short panels, few clicks, always a heading',
	{ timeout: 600_000 },
	() =>
		step(page, 'reference', async () => {
			const started = Date.now();
			await page.goto(`${editor.server.url}/workflow/uazapiUiReference`);
			await page.locator(byTestId('canvas-node')).first().waitFor();

			for (const [index, entry] of reference.messageNodes.entries()) {
				await addMessageNode(reference.names[index], entry);
			}

			// The sender after the contacts: its first screen holds Dry Run and Campaign Key.
			await page.keyboard.press('1');
			await page.waitForTimeout(400);
			await click(
				`${SENDER}: add`,
				page
					.locator(byTestId('canvas-node'))
					.filter({ hasText: 'Contacts' })
					.locator(byTestId('canvas-handle-plus')),
			);
			await addFromSearch('uazapi advanced send');
			timings['screenshot sender first screen (bytes)'] = await screenshot(
				page,
				'sender-first-screen',
			);
			await fillField(SENDER, 'number', '{{ $json.phone }}');
			await fillField(SENDER, 'info', 'Promoção de verão');
			await choose(SENDER, 'schedule', 'At a Date and Time');
			await fillField(SENDER, 'scheduledAt', SEND_AT_TEXT);
			await fillField(SENDER, 'campaignKey', KEY);
			await checkHeading(SENDER, 'dryRun');
			await click(
				`${SENDER}: Dry Run on`,
				page.locator(`${byTestId('parameter-input-dryRun')} .el-switch`),
			);
			await measurePanel(SENDER);

			// The dry run, per recipient, in n8n's Table view (the output panel's default).
			await execute('Execute step (dry run)', 'message 5 (Products)');
			const output = page.locator(byTestId('output-panel'));
			const table = await output.innerText();
			assert.equal(posts().length, 0, 'a dry run sends nothing');
			for (const shown of [
				'message 1 (Welcome text)',
				'message 5 (Products)',
				'Oi Ana!',
				'Oi Caio!',
				'[Ver Categorias]',
				'[Quero] [Ver ofertas] [Copiar cupom] [Ligar]',
				'Card 1: Caneca',
				phone('01'),
			]) {
				assert.ok(table.includes(shown), `the dry run's table shows ${JSON.stringify(shown)}`);
			}
			assert.match(table, /3 items/);
			// For the picture only: a wider window shows more of the table's columns.
			await page.setViewportSize({ width: 1920, height: 900 });
			await page.waitForTimeout(500);
			timings['screenshot dry-run table (bytes)'] = await screenshot(page, 'dry-run-table');
			await page.setViewportSize({ width: 1280, height: 800 });

			// The real run: Dry Run off, execute.
			await click(
				`${SENDER}: Dry Run off`,
				page.locator(`${byTestId('parameter-input-dryRun')} .el-switch`),
			);
			await execute('Execute step', 'folder_id');
			assert.equal(posts().length, 1);
			const [{ body }] = posts();
			assert.deepEqual(body.messages, [
				...EXPECTED(phone('01'), 'Ana'),
				...EXPECTED(phone('02'), 'Bia'),
				...EXPECTED(phone('03'), 'Caio'),
			]);
			assert.equal(body.scheduled_for, SEND_AT.getTime());
			assert.match(body.info, new RegExp(`^Promoção de verão \\[key:${KEY}\\]$`));
			await closePanel();
			clicks.pop(); // closing the sender's panel is not part of building the campaign

			// The canvas shows the sequence by name, once tidied up (n8n's Shift+Alt+T) for the picture.
			await page.keyboard.press('Shift+Alt+KeyT');
			await page.waitForTimeout(500);
			await page.keyboard.press('1'); // n8n's "zoom to fit"
			await page.waitForTimeout(500);
			const onCanvas = await page.locator(byTestId('canvas-node')).allInnerTexts();
			for (const name of [...reference.names, 'Contacts', SENDER]) {
				assert.ok(
					onCanvas.some((text) => text.includes(name)),
					`${name} is on the canvas`,
				);
			}
			timings['screenshot canvas (bytes)'] = await screenshot(page, 'canvas');

			const longest = Math.max(...Object.values(panels));
			const headingsOk = headings.every((heading) => heading.ok);
			process.stdout.write(
				`editor: longest panel ${longest} px, clicks ${clicks.length}, headings ${headingsOk ? 'ok' : 'missing'}\n`,
			);
			process.stderr.write(
				`[ui] panels (px): ${JSON.stringify(panels)}\n[ui] clicks: ${clicks.join(' · ')}\n`,
			);
			assert.ok(longest <= LIMITS.panel, `longest panel ${longest} px`);
			assert.ok(clicks.length <= LIMITS.clicks, `${clicks.length} clicks`);
			assert.deepEqual(
				headings.filter((heading) => !heading.ok),
				[],
				'every edited field has its node named above it',
			);
			timings['reference campaign'] = Number(((Date.now() - started) / 1000).toFixed(1));
		}),
);

/** Opens a node of the workflow on the page by its name on the canvas. */
async function openNode(workflowId, name) {
	await page.goto(`${editor.server.url}/workflow/${workflowId}`);
	await page.locator(byTestId('canvas-node')).filter({ hasText: name }).first().dblclick();
	await page.locator(byTestId('ndv')).waitFor();
}

const notice = (text) =>
	page.locator(`${byTestId('ndv')} .n8n-notice, ${byTestId('ndv')} [role="alert"]`).filter({
		hasText: text,
	});

test(
	'switching how messages or choices are written says on screen what it clears',
	{ timeout: 300_000 },
	() =>
		step(page, 'switch', async () => {
			await openNode('uazapiUiReference', 'Menu');
			// The options of Write Choices say it as they are picked.
			await page.locator(`${byTestId('parameter-input-choicesInput')}`).click();
			// The list renders after the click: wait for it before reading it.
			await page.locator('.el-select-dropdown__item:visible').first().waitFor();
			const options = await page.locator('.el-select-dropdown__item:visible').allInnerTexts();
			await page.keyboard.press('Escape');
			assert.equal(options.length, 3);
			for (const option of options) {
				assert.match(option, /Switching clears what was entered the other way/);
			}

			await openNode('uazapiUiReference', SENDER);
			await notice('Switching Define Messages Using to JSON clears the Recipient').waitFor();
			await chooseOption(page, page.locator(byTestId('parameter-input-defineMessages')), 'JSON');
			await notice('Switching Define Messages Using to Fields clears Messages (JSON)').waitFor();
			await chooseOption(page, page.locator(byTestId('parameter-input-defineMessages')), 'Fields');
			await notice('clears the Recipient and every message entered here').waitFor();
		}),
);

test(
	'the Campaign node picks a campaign from a list; Delete asks for confirmation',
	{ timeout: 300_000 },
	() =>
		step(page, 'picker', async () => {
			assert.equal(posts().length, 1, 'the reference test created the campaign');
			await openNode('uazapiUiManage', 'Delete campaign');
			await page.locator(byTestId('rlc-input')).click();
			const item = page.locator(byTestId('rlc-item')).filter({ hasText: KEY });
			await item.first().waitFor();
			const listed = await page.locator(byTestId('rlc-item')).allInnerTexts();
			timings['screenshot campaign picker (bytes)'] = await screenshot(page, 'campaign-picker');
			assert.ok(
				listed.some((text) => text.includes(KEY)),
				`the list shows ${JSON.stringify(listed)}`,
			);
			await item.first().click();
			await notice('cannot be undone').waitFor();
			assert.equal(
				await page.locator(`${byTestId('parameter-input-confirm')} .el-switch`).count(),
				1,
				'Delete shows its Confirm switch',
			);
		}),
);

test(
	"the Trigger says that uazapi must reach n8n's webhook URL, and how",
	{ timeout: 300_000 },
	() =>
		step(page, 'trigger', async () => {
			await openNode('uazapiUiManage', 'uazapi Trigger');
			const hint = notice('uazapi must reach');
			await hint.waitFor();
			assert.match(await hint.innerText(), /WEBHOOK_URL/);
			timings['screenshot trigger hint (bytes)'] = await screenshot(page, 'trigger-hint');
		}),
);

test('the examples of "After the campaign" on the canvas', { timeout: 120_000 }, () =>
	step(page, 'after-the-campaign', async () => {
		for (const [id, name, nodes] of [
			['uazapiOutcomes', 'campaign-outcomes', ['Opt-outs', 'Send Campaign', 'Wait Until Done']],
			['uazapiOptOuts', 'opt-outs', ['Opt-out?', 'Add to Opt-outs', 'Confirm']],
		]) {
			await page.goto(`${editor.server.url}/workflow/${id}`);
			await page.locator(byTestId('canvas-node')).first().waitFor();
			await page.keyboard.press('1');
			await page.waitForTimeout(500);
			const onCanvas = await page.locator(byTestId('canvas-node')).allInnerTexts();
			for (const node of nodes)
				assert.ok(onCanvas.some((text) => text.includes(node)), `${node} in ${name}`);
			timings[`screenshot ${name} (bytes)`] = await screenshot(page, `example-${name}`);
		}
	}),
);
