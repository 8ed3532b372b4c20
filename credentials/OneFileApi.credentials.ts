import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';

import { baseUrlExpression, ONEFILE_ENVIRONMENTS } from '../nodes/OneFile/transport/environments';
import { signIn } from '../nodes/OneFile/transport/signIn';

export class OneFileApi implements ICredentialType {
	name = 'oneFileApi';

	displayName = 'OneFile API';

	icon: Icon = { light: 'file:../icons/onefile.svg', dark: 'file:../icons/onefile.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-onefile/n8n-nodes-onefile#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Session Token',
			name: 'sessionToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				...Object.entries(ONEFILE_ENVIRONMENTS).map(([value, { name, baseUrl }]) => ({
					name,
					value,
					description: baseUrl,
				})),
				{
					name: 'Custom Base URL',
					value: 'custom',
					description: 'A sandbox or another OneFile server',
				},
			],
			default: 'live',
			description:
				'The OneFile server the customer token was issued for. Live, Practice and Beta each need their own token.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://wsapi2.onefile.co.uk/api/v2.1',
			description: 'Full address of the API, ending in /api/v2.1',
			required: true,
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'Allow Plain HTTP',
			name: 'allowInsecureHttp',
			type: 'boolean',
			default: false,
			description:
				'Whether to allow an http:// Base URL on a host other than this machine. The customer token would travel unencrypted, so only use this for a trusted test server.',
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'Customer Token',
			name: 'customerToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The API customer token. OneFile Support issues it when you submit a ticket, one per server (Live, Practice or Beta).',
		},
	];

	// n8n calls this when the stored session token is empty, after a request answered 401, and on
	// "Test". A 403 is renewed by the node's transport, which clears the token and asks again.
	// signIn follows no redirect, so the customer token goes to the credential's host only.
	async preAuthentication(
		this: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
	): Promise<IDataObject> {
		return { sessionToken: await signIn(this.helpers, credentials) };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { 'X-TokenID': '={{$credentials.sessionToken}}' },
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: baseUrlExpression(),
			url: '/Customer',
			method: 'GET',
			// The session token goes to the credential's host only.
			disableFollowRedirect: true,
			sendCredentialsOnCrossOriginRedirect: false,
			timeout: 60_000,
		},
	};
}
