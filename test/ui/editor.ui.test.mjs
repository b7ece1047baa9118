// The editor as a person uses it: this package, packed and installed the way n8n installs a
// community package, in the same real n8n the e2e tests use, driven in headless Chromium. It opens
// the uazapi Advanced Send node, goes through every message type, builds a list, buttons and a
// carousel with the builders, runs a dry run and writes screenshots to docs/images/.
// Run with `npm run test:ui`; scripts/chromium.sh installs Debian's chromium when it is missing.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { REPO_ROOT } from '../../scripts/lib/n8n.mjs';
import {
	byTestId,
	chooseOption as chooseIn,
	escape,
	screenshot as screenshotOf,
	startEditor,
	step as stepOn,
} from './lib/editor.mjs';

const require = createRequire(import.meta.url);
// The editor's own declarations (built by `npm run build`): the expected fields come from them.
const { messageEntryProperties, MESSAGE_TYPES } = require(
	join(REPO_ROOT, 'dist/nodes/UazapiAdvancedSend/messages/index.js'),
);
const { SENDER_MESSAGE_TYPES } = require(join(REPO_ROOT, 'dist/nodes/shared/contract.js'));

const WORKFLOW_ID = 'uazapiUiEditor';
const NODE_NAME = 'uazapi Advanced Send';
const timings = {};

let editor;
let imitation;
let server;
let page;

function time(label, started) {
	timings[label] = Number(((Date.now() - started) / 1000).toFixed(1));
}

// --- What the editor should show, from the node's own property declarations -----------------

const entryDefaults = Object.fromEntries(
	messageEntryProperties.map((property) => [property.name, property.default]),
);

/** n8n's displayOptions rule for one property of a message entry with the given values. */
function shown(property, values) {
	const { show = {}, hide = {} } = property.displayOptions ?? {};
	return (
		Object.entries(show).every(([name, allowed]) => allowed.includes(values[name])) &&
		!Object.entries(hide).some(([name, hidden]) => hidden.includes(values[name]))
	);
}

/** The labels of a fresh message entry of one type, as n8n should show them. */
function expectedLabels(type) {
	const values = { ...entryDefaults, type };
	return [
		...new Set(
			messageEntryProperties
				.filter((property) => shown(property, values))
				.map((property) => property.displayName),
		),
	].sort();
}

const ALL_LABELS = new Set(messageEntryProperties.map((property) => property.displayName));

// --- Driving the editor ----------------------------------------------------------------------

/** The visible field labels inside a part of the panel (first line: the label's own text). */
function labelsIn(scope) {
	return scope.evaluate((element) =>
		[...element.querySelectorAll('label.n8n-input-label')]
			.filter((label) => label.offsetParent !== null)
			.map((label) => label.innerText.split('\n')[0].trim()),
	);
}

const messagesList = () => page.locator(byTestId('fixed-collection-messages'));

/** The nth entry of the Messages list (0-based): the draggable item that holds its Type. */
function messageEntry(index) {
	return messagesList()
		.locator(byTestId('parameter-input-type'))
		.nth(index)
		.locator('xpath=ancestor::div[@data-draggable="true"][1]');
}

/** Types into a string field of a scope, found by its parameter name. */
async function fill(scope, name, value, index = 0) {
	const field = scope
		.locator(byTestId(`parameter-input-${name}`))
		.nth(index)
		.locator('input, textarea')
		.first();
	await field.fill(value);
	await field.blur();
}

const chooseOption = (input, name) => chooseIn(page, input, name);
const screenshot = (name) => screenshotOf(page, name);
const step = (name, body) => stepOn(page, name, body);

async function openNode() {
	await page.goto(`${server.url}/workflow/${WORKFLOW_ID}`);
	await page.locator(byTestId('canvas-node')).filter({ hasText: NODE_NAME }).dblclick();
	await messagesList().waitFor();
}

before(
	async () => {
		editor = await startEditor(['editor.workflow.json'], timings);
		({ imitation, server, page } = editor);
	},
	{ timeout: 30 * 60_000 },
);

after(async () => {
	await editor?.close();
	process.stderr.write(`[ui] timings (s): ${JSON.stringify(timings)}\n`);
});

test('the node panel opens with the saved text message', { timeout: 120_000 }, async () => {
	const started = Date.now();
	await openNode();
	const entry = messageEntry(0);
	assert.deepEqual((await labelsIn(entry)).sort(), expectedLabels('text'));
	assert.equal(
		await entry.locator(`${byTestId('parameter-input-text')} textarea`).inputValue(),
		'Olá! Nossa loja abre às 9h.',
	);
	timings['screenshot text message (bytes)'] = await screenshot('text-message');
	time('open node', started);
});

test('each message type shows its own fields and no others', { timeout: 300_000 }, async () => {
	const started = Date.now();
	// Every type uazapi's sender takes is offered, whatever their number.
	assert.deepEqual(
		MESSAGE_TYPES.map((definition) => definition.type).sort(),
		[...SENDER_MESSAGE_TYPES].sort(),
	);
	const typeInput = messageEntry(0).locator(byTestId('parameter-input-type'));
	const seen = {};
	for (const definition of MESSAGE_TYPES) {
		await chooseOption(typeInput, definition.displayName);
		const expected = expectedLabels(definition.type);
		const actual = (await labelsIn(messageEntry(0))).sort();
		seen[definition.displayName] = actual;
		assert.deepEqual(actual, expected, `fields of a ${definition.displayName} message`);
		for (const label of ALL_LABELS) {
			if (!expected.includes(label))
				assert.ok(!actual.includes(label), `${definition.displayName} hides ${label}`);
		}
	}
	// What a person needs, spelt out (the loop above checks the same against the declarations).
	const has = (type, ...labels) =>
		labels.forEach((label) => assert.ok(seen[type].includes(label), `${type} shows ${label}`));
	const lacks = (type, ...labels) =>
		labels.forEach((label) => assert.ok(!seen[type].includes(label), `${type} hides ${label}`));
	has('Text', 'Text', 'Message Options');
	lacks('Text', 'Link Preview', 'Preview Title');
	lacks('Text', 'Media URL', 'Caption');
	has('Image', 'Media Source', 'Media URL', 'Caption');
	lacks('Image', 'File Name', 'Text');
	has('Document', 'Media URL', 'File Name', 'Caption');
	has('Location', 'Latitude', 'Longitude', 'Message Options');
	lacks('Location', 'Place Name', 'Address');
	has('Poll', 'Question', 'Poll Options');
	lacks('Poll', 'Selectable Count', 'Footer');
	has('List Menu', 'Text', 'Menu Button Label', 'Sections', 'Write Choices');
	has('Buttons', 'Text', 'Buttons', 'Message Options');
	lacks('Buttons', 'Footer', 'Image');
	has('Carousel', 'Text', 'Cards');
	has('Contact Card', 'Full Name', 'Phone Numbers');
	lacks('Contact Card', 'Organization', 'Email', 'Website');
	lacks('Voice Note', 'Caption', 'File Name');
	lacks('Sticker', 'Caption');
	time(`${MESSAGE_TYPES.length} types`, started);
});

/** The names "Add Option" offers in a scope, then closes the list. */
async function offeredOptions(scope) {
	await scope.locator(byTestId('collection-parameter-add')).first().click();
	// The list renders after the click: wait for it before reading it.
	await page
		.locator(`${byTestId('collection-parameter-option')}:visible`)
		.first()
		.waitFor();
	const names = await page
		.locator(`${byTestId('collection-parameter-option')}:visible`)
		.allInnerTexts();
	await page.keyboard.press('Escape');
	return names.map((name) => name.trim()).sort();
}

/** Adds an option of a message's Message Options by its name. */
async function addOption(scope, name) {
	await scope.locator(byTestId('collection-parameter-add')).first().click();
	await page
		.locator(`${byTestId('collection-parameter-option')}:visible`)
		.filter({ hasText: new RegExp(`^${escape(name)}$`) })
		.click();
}

test(
	"a text message's link preview details wait behind Message Options until Link Preview is on",
	{ timeout: 120_000 },
	() =>
		step('message-options', async () => {
			await openNode();
			const entry = messageEntry(0);
			// n8n 2.x saves the workflow as it is edited: the entry keeps the last test's type.
			await chooseOption(entry.locator(byTestId('parameter-input-type')), 'Text');
			assert.deepEqual(await offeredOptions(entry), [
				'Extra Fields (JSON)',
				'Link Preview',
				'Recipient Override',
				'Text Variants',
			]);
			await addOption(entry, 'Link Preview');
			await entry.locator(`${byTestId('parameter-input-linkPreview')} .el-switch`).click();
			assert.deepEqual(await offeredOptions(entry), [
				'Extra Fields (JSON)',
				'Large Preview',
				'Preview Description',
				'Preview Image',
				'Preview Title',
				'Recipient Override',
				'Text Variants',
			]);
			await addOption(entry, 'Preview Title');
			await fill(entry, 'linkPreviewTitle', 'Loja Paulista');
			timings['screenshot message options (bytes)'] = await screenshot('message-options');
		}),
);

const addMessage = () =>
	page.locator(byTestId('fixed-collection-add')).filter({ hasText: 'Add Message' }).click();

/** Clicks a builder's add button ("Add Section", "Add Row", "Add Button", "Add Card"). */
const addTo = (scope, collection) =>
	scope
		.locator(byTestId(`fixed-collection-${collection}`))
		.locator(byTestId('fixed-collection-add'))
		.last()
		.click();

const EXPECTED_CHOICES = {
	list: ['[Eletrônicos]', 'Smartphones|phones'],
	button: ['Falar com vendas|sales', 'Ver horários|hours'],
	carousel: ['[Smartphone X\nO melhor da linha]', '{https://example.com/x.jpg}', 'Comprar|buy-x'],
};

test(
	'the builders make a list, buttons and a carousel; a dry run shows their choices',
	{ timeout: 300_000 },
	() =>
		step('builders', async () => {
			const started = Date.now();
			await openNode();

			// A list menu: one section with one row.
			const list = messageEntry(0);
			await chooseOption(list.locator(byTestId('parameter-input-type')), 'List Menu');
			await fill(list, 'listText', 'Escolha uma categoria:');
			await fill(list, 'listButton', 'Ver categorias');
			await addTo(list, 'listSections');
			const section = list.locator(byTestId('fixed-collection-listSections'));
			await fill(section, 'title', 'Eletrônicos');
			await addTo(section, 'rows');
			const row = section.locator(byTestId('fixed-collection-rows'));
			await fill(row, 'title', 'Smartphones');
			await fill(row, 'id', 'phones');

			// Buttons: two reply buttons.
			await addMessage();
			const buttons = messageEntry(1);
			await chooseOption(buttons.locator(byTestId('parameter-input-type')), 'Buttons');
			await fill(buttons, 'buttonsText', 'Como podemos ajudar?');
			await addOption(buttons, 'Footer');
			await fill(buttons, 'footerText', 'Atendimento das 9h às 18h');
			const builder = buttons.locator(byTestId('fixed-collection-buttons'));
			await addTo(buttons, 'buttons');
			await fill(builder, 'label', 'Falar com vendas', 0);
			await fill(builder, 'id', 'sales', 0);
			await addTo(buttons, 'buttons');
			await fill(builder, 'label', 'Ver horários', 1);
			await fill(builder, 'id', 'hours', 1);
			assert.deepEqual(
				(await labelsIn(builder)).filter((label) => label !== 'Buttons'),
				['Action', 'Label', 'Button ID', 'Action', 'Label', 'Button ID'],
			);
			// The message's text at the top of the panel, its two buttons and its footer below.
			await buttons
				.locator(byTestId('parameter-input-buttonsText'))
				.locator('xpath=ancestor::div[@data-test-id="parameter-item"][1]')
				.evaluate((element) => element.scrollIntoView({ block: 'start' }));
			timings['screenshot buttons builder (bytes)'] = await screenshot('buttons-builder');

			// A carousel: one card with an image and a reply button.
			await addMessage();
			const carousel = messageEntry(2);
			await chooseOption(carousel.locator(byTestId('parameter-input-type')), 'Carousel');
			await fill(carousel, 'carouselText', 'Nossos produtos');
			await addTo(carousel, 'cards');
			const card = carousel.locator(byTestId('fixed-collection-cards'));
			await fill(card, 'title', 'Smartphone X');
			await fill(card, 'body', 'O melhor da linha');
			await fill(card, 'image', 'https://example.com/x.jpg');
			await addTo(card, 'buttons');
			await fill(card.locator(byTestId('fixed-collection-buttons')), 'label', 'Comprar');
			await fill(card.locator(byTestId('fixed-collection-buttons')), 'id', 'buy-x');

			// Options → Dry Run, then "Execute step". The node's Options come after every message's
			// own Message Options, so theirs is the last "Add Option".
			await page.locator(byTestId('collection-parameter-add')).last().click();
			await page
				.locator(byTestId('collection-parameter-option'))
				.filter({ hasText: 'Dry Run' })
				.click();
			await page.locator(`${byTestId('parameter-input-dryRun')} .el-switch`).click();
			await page.locator(byTestId('node-execute-button')).click();
			const output = page.locator(byTestId('output-panel'));
			await output.locator(byTestId('radio-button-json')).click();
			await output.getByText('"dryRun"').first().waitFor({ timeout: 60_000 });
			// The JSON view renders only the lines that fit: a tall window shows the whole output.
			await page.setViewportSize({ width: 1280, height: 4000 });
			await page.waitForTimeout(500);
			const text = await output.innerText();
			await page.setViewportSize({ width: 1280, height: 800 });
			assert.match(text, /"dryRun":\s*true/);
			assert.match(text, /"footerText":\s*"Atendimento das 9h às 18h"/);
			for (const [type, choices] of Object.entries(EXPECTED_CHOICES)) {
				assert.match(text, new RegExp(`"type":\\s*"${type}"`));
				for (const choice of choices)
					assert.ok(
						text.includes(JSON.stringify(choice)),
						`output shows ${JSON.stringify(choice)}`,
					);
			}
			assert.equal(
				imitation.requests.filter((request) => request.path === '/sender/advanced').length,
				0,
			);
			timings['screenshot dry-run output (bytes)'] = await screenshot('dry-run-output');
			time('builders and dry run', started);
		}),
);
