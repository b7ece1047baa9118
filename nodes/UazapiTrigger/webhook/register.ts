import {
	NodeOperationError,
	type IDataObject,
	type IHookFunctions,
	type IWebhookFunctions,
} from 'n8n-workflow';

import { CREDENTIAL_TYPE, ENDPOINTS } from '../../shared/contract';
import { serverOrigin, uazapiRequest } from '../../shared/transport';
import { secretFor, secretUrl } from './authenticate';
import { unreachableBy } from './reachable';
import { triggerSettings, webhookFor, type UazapiWebhook } from './settings';

/**
 * The trigger's own webhook on the uazapi instance. It is added with `action: "add"` (uazapi's
 * simple mode would overwrite the instance's one webhook, which the user may use elsewhere),
 * remembered by its id in the node's static data, and removed by that id. uazapi's answer to a
 * POST is not trusted: every change is confirmed by reading GET /webhook, which lists them all.
 */

export interface Registration {
	id: string;
}

function registrationOf(context: IHookFunctions): Registration | undefined {
	const data = context.getWorkflowStaticData('node');
	if (typeof data.webhookId !== 'string') return undefined;
	return { id: data.webhookId };
}

function remember(context: IHookFunctions, registration: Registration | undefined): void {
	const data = context.getWorkflowStaticData('node');
	if (registration) {
		data.webhookId = registration.id;
	} else {
		delete data.webhookId;
	}
}

function webhookUrl(context: IHookFunctions): string {
	return context.getNodeWebhookUrl('default') as string;
}

/** The secret of this node's URL, as every n8n process derives it from the credential's token. */
export function nodeSecret(context: IHookFunctions | IWebhookFunctions, token: string): string {
	return secretFor(token, context.getWorkflow().id, context.getNode().webhookId);
}

async function triggerSecret(context: IHookFunctions): Promise<string> {
	const { token } = await context.getCredentials<{ token: string }>(CREDENTIAL_TYPE);
	return nodeSecret(context, token);
}

async function listWebhooks(context: IHookFunctions): Promise<IDataObject[]> {
	const answer: unknown = await uazapiRequest.call(context, {
		method: 'GET',
		endpoint: ENDPOINTS.webhook,
		itemIndex: 0,
	});
	if (!Array.isArray(answer))
		throw new NodeOperationError(context.getNode(), 'uazapi did not list its webhooks', {
			description:
				'GET /webhook should answer with a list. Check the Server URL in the credential: it should be your uazapi server, e.g. https://SUBDOMAIN.uazapi.com.',
		});
	return answer.filter(
		(entry): entry is IDataObject => typeof entry === 'object' && entry !== null,
	);
}

function sameSet(listed: unknown, wanted: string[]): boolean {
	const values = Array.isArray(listed) ? listed : [];
	return values.length === wanted.length && wanted.every((value) => values.includes(value));
}

/** Whether a listed webhook is the one wanted, enabled and with the same events and filters. */
function isApplied(listed: IDataObject, wanted: UazapiWebhook): boolean {
	return (
		listed.url === wanted.url &&
		listed.enabled === true &&
		sameSet(listed.events, wanted.events) &&
		sameSet(listed.excludeMessages ?? [], wanted.excludeMessages)
	);
}

async function removeWebhook(context: IHookFunctions, listed: IDataObject): Promise<void> {
	await uazapiRequest.call(context, {
		method: 'POST',
		endpoint: ENDPOINTS.webhook,
		itemIndex: 0,
		// uazapi reads only the id; the url is sent because the OpenAPI marks it required.
		body: { action: 'delete', id: listed.id, url: listed.url },
	});
}

export async function checkExists(this: IHookFunctions): Promise<boolean> {
	const registration = registrationOf(this);
	if (!registration) return false;
	const wanted = webhookFor(
		triggerSettings(this),
		secretUrl(webhookUrl(this), await triggerSecret(this)),
	);
	const listed = (await listWebhooks(this)).find((entry) => entry.id === registration.id);
	if (listed && isApplied(listed, wanted)) return true;
	// Changed or gone: a fresh webhook replaces it.
	if (listed) await removeWebhook(this, listed);
	remember(this, undefined);
	return false;
}

export async function create(this: IHookFunctions): Promise<boolean> {
	const url = webhookUrl(this);
	const { serverUrl, token } = await this.getCredentials<{ serverUrl: string; token: string }>(
		CREDENTIAL_TYPE,
	);
	const unreachable = unreachableBy(url, serverOrigin(serverUrl));
	if (unreachable) {
		throw new NodeOperationError(this.getNode(), unreachable.message, {
			description: unreachable.description,
		});
	}
	// Webhooks to this node's URL left by an activation that was never deactivated cleanly.
	for (const orphan of await listWebhooks(this)) {
		if (typeof orphan.url === 'string' && orphan.url.split('?')[0] === url)
			await removeWebhook(this, orphan);
	}
	const wanted = webhookFor(triggerSettings(this), secretUrl(url, nodeSecret(this, token)));
	await uazapiRequest.call(this, {
		method: 'POST',
		endpoint: ENDPOINTS.webhook,
		itemIndex: 0,
		body: {
			action: 'add',
			enabled: true,
			addUrlEvents: false,
			addUrlTypesMessages: false,
			...wanted,
		},
	});
	const added = (await listWebhooks(this)).find((entry) => entry.url === wanted.url);
	if (!added || typeof added.id !== 'string' || !isApplied(added, wanted)) {
		if (added) await removeWebhook(this, added);
		throw new NodeOperationError(this.getNode(), 'uazapi did not add the webhook of this trigger', {
			description:
				'uazapi accepted POST /webhook, but GET /webhook lists no enabled webhook with this URL, events and filters. Check that your uazapi server keeps several webhooks per instance (action "add"), then activate the workflow again.',
		});
	}
	remember(this, { id: added.id });
	return true;
}

export async function deleteWebhook(this: IHookFunctions): Promise<boolean> {
	const registration = registrationOf(this);
	if (!registration) return true;
	const isListed = async () =>
		(await listWebhooks(this)).find((entry) => entry.id === registration.id);
	const listed = await isListed();
	if (listed) {
		await removeWebhook(this, listed);
		if (await isListed())
			throw new NodeOperationError(
				this.getNode(),
				'uazapi did not delete the webhook of this trigger',
				{
					description: `uazapi accepted POST /webhook with action "delete", but GET /webhook still lists the webhook ${registration.id}. Delete it in the uazapi panel, or deactivate the workflow again.`,
				},
			);
	}
	remember(this, undefined);
	return true;
}
