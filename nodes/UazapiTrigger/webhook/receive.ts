import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../../shared/contract';
import { SECRET_PARAMETER, sameSecret } from './authenticate';
import { normalise, tokenOf } from './normalise';
import { optOutOf } from './optOut';
import { nodeSecret } from './register';
import { isWanted, triggerSettings } from './settings';

/**
 * A refused call is answered here and starts no execution. The answer names no expected value:
 * a caller without the secret learns nothing from it.
 */
function refuse(context: IWebhookFunctions, status: 401 | 403, reason: string) {
	context.getResponseObject().status(status).json({ error: reason });
	return { noWebhookResponse: true };
}

/** One uazapi delivery: checked, normalised, filtered; one item when the user wants it. */
export async function receive(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const { token } = await this.getCredentials<{ token: string }>(CREDENTIAL_TYPE);
	const query = this.getQueryData() as IDataObject;
	if (!sameSecret(query[SECRET_PARAMETER], nodeSecret(this, token)))
		return refuse(this, 403, 'This webhook URL is not registered');
	const body = this.getBodyData();
	if (!sameSecret(tokenOf(body), token))
		return refuse(this, 401, 'The event does not carry the instance token of this trigger');
	const event = normalise(body, token);
	const settings = triggerSettings(this);
	if (!event || !isWanted(event, settings))
		return { webhookResponse: { received: true, started: false } };
	return { workflowData: [[{ json: { ...event, ...optOutOf(event, settings.optOut) } }]] };
}
