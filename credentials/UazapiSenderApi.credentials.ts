import type {
	IAuthenticateGeneric,
	IAuthenticateRuleResponseCode,
	IAuthenticateRuleResponseSuccessBody,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

/**
 * What the test says when the server answers, most specific first. n8n's type allows one kind of
 * rule per list, but its credential tester reads every rule by its own type (status codes on
 * failures, body values on success), in 1.x and 2.x alike.
 */
const CONNECTION_RULES: Array<
	IAuthenticateRuleResponseCode | IAuthenticateRuleResponseSuccessBody
> = [
	{
		type: 'responseCode',
		properties: {
			value: 401,
			message:
				'The server answered, but refused the instance token. Copy the token of this instance again from the uazapi panel.',
		},
	},
	{
		type: 'responseSuccessBody',
		properties: {
			key: 'instance.status',
			value: 'connecting',
			message:
				'The token is right, but the WhatsApp instance is still connecting: finish pairing it in the uazapi panel (scan the QR code or enter the pairing code), then test again. Campaigns created meanwhile wait or fail.',
		},
	},
	{
		type: 'responseSuccessBody',
		properties: {
			key: 'status.connected',
			value: false,
			message:
				'The token is right, but the WhatsApp instance is disconnected: connect it in the uazapi panel (scan the QR code with the phone), then test again. Campaigns created meanwhile wait or fail.',
		},
	},
	{
		type: 'responseCode',
		properties: {
			value: 404,
			message:
				'This server has no uazapi instance endpoint. Check the Server URL, e.g. https://SUBDOMAIN.uazapi.com.',
		},
	},
];

export class UazapiSenderApi implements ICredentialType {
	name = 'uazapiSenderApi';

	displayName = 'Uazapi Sender API';

	icon: Icon = { light: 'file:../icons/uazapi.svg', dark: 'file:../icons/uazapi.dark.svg' };

	documentationUrl = 'https://github.com/uazapi-sender/n8n-nodes-uazapi-sender#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Server URL',
			name: 'serverUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://SUBDOMAIN.uazapi.com',
			description: 'Your uazapi server. Anything after the host name is ignored.',
		},
		{
			displayName: 'Instance Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The token of the WhatsApp instance, from the uazapi panel (not the admin token)',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { token: '={{$credentials.token}}' },
		},
	};

	// The baseURL expression keeps only the server's origin, as the node's transport does.
	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{ (/^https?:\\/\\//i.test($credentials.serverUrl.trim()) ? $credentials.serverUrl.trim() : "https://" + $credentials.serverUrl.trim()).replace(/^(https?:\\/\\/[^/?#]+).*$/i, "$1") }}',
			url: '/instance/status',
		},
		rules: CONNECTION_RULES as IAuthenticateRuleResponseCode[],
	};
}
