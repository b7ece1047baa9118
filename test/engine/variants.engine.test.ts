import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { runWorkflow } from './harness';
import { useImitation } from './imitation';
import { fieldsParameters, SEND_NODE, sendWorkflow } from './workflows';

/** Text Variants in a real n8n-core run: each recipient one wording, its values mapped, stable. */

const imitation = useImitation('variants-token');

const people: INodeExecutionData[] = Array.from({ length: 30 }, (_, index) => ({
	json: { phone: `55119${70000000 + index}`, name: `Cliente ${index}` },
}));

const withVariants = (extra: IDataObject = {}) =>
	fieldsParameters(
		[
			{
				type: 'text',
				text: '=Oi {{ $json.name }}! Chegou a coleção de verão.',
				textMessageOptions: {
					textVariants: {
						variant: [
							{ text: '=Olá {{ $json.name }}, a coleção de verão chegou.' },
							{ text: '={{ $json.name }}, veja a nova coleção de verão!' },
						],
					},
				},
			},
		],
		{ delayMin: 10, delayMax: 30, ...extra },
	);

/** The same message and variants written in JSON mode. */
const inJson = {
	defineMessages: 'json',
	delayMin: 10,
	delayMax: 30,
	messagesJson:
		'={{ [{ "number": $json.phone, "type": "text", "text": "Oi " + $json.name + "! Chegou a coleção de verão.", "variants": ["Olá " + $json.name + ", a coleção de verão chegou.", $json.name + ", veja a nova coleção de verão!"] }] }}',
};

async function textsByNumber(items: INodeExecutionData[], parameters = withVariants()) {
	imitation.server.reset();
	const result = await runWorkflow(sendWorkflow(parameters, items), imitation.credentials());
	expect(result.error).toBeUndefined();
	const [post] = imitation.server.requests.filter((request) => request.path === '/sender/advanced');
	const messages = (post.body as { messages: IDataObject[] }).messages;
	return new Map(messages.map((message) => [message.number, message.text]));
}

describe('Text Variants', () => {
	it('gives each recipient one of the wordings, with its own values, the same whatever the order', async () => {
		const texts = await textsByNumber(people);
		const used = new Set<number>();
		for (const { json } of people) {
			const wordings = [
				`Oi ${json.name}! Chegou a coleção de verão.`,
				`Olá ${json.name}, a coleção de verão chegou.`,
				`${json.name}, veja a nova coleção de verão!`,
			];
			const index = wordings.indexOf(texts.get(json.phone) as string);
			expect(index).toBeGreaterThanOrEqual(0);
			used.add(index);
		}
		// All three are used among 30 recipients.
		expect(used.size).toBe(3);
		expect(await textsByNumber([...people].reverse())).toEqual(texts);
		expect(await textsByNumber(people.slice(0, 7))).toEqual(new Map([...texts].slice(0, 7)));
	});

	it('JSON mode takes "variants" beside "text" and chooses as the editor does', async () => {
		const texts = await textsByNumber(people);
		expect(await textsByNumber(people, inJson)).toEqual(texts);
		const [post] = imitation.server.requests.filter(
			(request) => request.path === '/sender/advanced',
		);
		const [message] = (post.body as { messages: IDataObject[] }).messages;
		expect(message).not.toHaveProperty('variants');
	});

	it('JSON mode refuses "variants" that is not a list of texts, before sending', async () => {
		imitation.server.reset();
		const result = await runWorkflow(
			sendWorkflow(
				{
					...inJson,
					messagesJson:
						'={{ [{ "number": $json.phone, "type": "text", "text": "Oi", "variants": "Olá" }] }}',
				},
				people.slice(0, 2),
			),
			imitation.credentials(),
		);
		expect(result.error?.message).toMatch(
			/Item 0, message 1 of 1 in the JSON \(text\): "variants" must be a list of texts/,
		);
		expect(imitation.server.requests).toHaveLength(0);
	});

	it('an empty mapped value in a variant is refused before sending, whichever wording the contact gets', async () => {
		imitation.server.reset();
		const result = await runWorkflow(
			sendWorkflow(
				fieldsParameters(
					[
						{
							type: 'text',
							text: 'Chegou a coleção de verão.',
							textMessageOptions: {
								textVariants: { variant: [{ text: '=Olá {{ $json.nickname }}!' }] },
							},
						},
					],
					{ delayMin: 10, delayMax: 30 },
				),
				people.slice(0, 3),
			),
			imitation.credentials(),
		);
		expect(result.error?.message).toMatch(/nothing was sent/);
		expect(result.error?.message).toMatch(/nickname/);
		expect(imitation.server.requests).toHaveLength(0);
	});

	it('the dry run shows each recipient the wording that would be sent', async () => {
		const texts = await textsByNumber(people);
		const result = await runWorkflow(
			sendWorkflow(withVariants({ options: { dryRun: true } }), people),
			imitation.credentials(),
		);
		const [first] = result.output(SEND_NODE);
		const body = first.json.body as { messages: IDataObject[] };
		expect(new Map(body.messages.map((message) => [message.number, message.text]))).toEqual(texts);
	});
});
