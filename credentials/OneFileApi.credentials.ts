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

import {
	baseUrlExpression,
	environmentLabel,
	ONEFILE_ENVIRONMENTS,
	resolveBaseUrl,
} from '../nodes/OneFile/transport/environments';
import { OneFileSignInError, parseSessionToken, signInCause, signInFailureMessage } from '../nodes/OneFile/transport/session';

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
				{ name: 'Custom Base URL', value: 'custom', description: 'A sandbox or another OneFile server' },
			],
			default: 'live',
			description: 'The OneFile server the customer token was issued for. Live, Practice and Beta each need their own token.',
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
	async preAuthentication(
		this: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
	): Promise<IDataObject> {
		let baseUrl: string;
		try {
			baseUrl = resolveBaseUrl(credentials);
		} catch (error) {
			throw new OneFileSignInError((error as Error).message);
		}
		let body: unknown;
		try {
			body = await this.helpers.httpRequest({
				method: 'POST',
				url: `${baseUrl}/Authentication`,
				headers: { 'X-CustomerToken': String(credentials.customerToken ?? '').trim() },
				// The session comes back as bare text (onefile-api.md §2); read it as text, not JSON.
				encoding: 'text',
				json: false,
			});
		} catch (error) {
			// A fresh error, never the original: axios errors carry the request headers, token included.
			throw new OneFileSignInError(signInFailureMessage(error, environmentLabel(credentials), baseUrl), signInCause(error));
		}
		return { sessionToken: parseSessionToken(body) };
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
		},
	};
}
