import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { BKSB_REGIONS, bksbBaseUrlExpression } from '../nodes/Bksb/transport/connection';

export class BksbApi implements ICredentialType {
	name = 'bksbApi';

	displayName = 'Bksb API';

	icon: Icon = { light: 'file:../icons/bksb.svg', dark: 'file:../icons/bksb.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-onefile/n8n-nodes-onefile#bksb-credential';

	properties: INodeProperties[] = [
		{
			displayName: 'Region',
			name: 'region',
			type: 'options',
			options: [
				...Object.entries(BKSB_REGIONS).map(([value, { name, url }]) => ({
					name,
					value,
					description: url,
				})),
				{ name: 'Custom URL', value: 'custom', description: 'A sandbox or another bksb host' },
			],
			default: 'uk',
		},
		{
			displayName: 'URL',
			name: 'url',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://live2api.bksblive2.co.uk',
			required: true,
			displayOptions: { show: { region: ['custom'] } },
		},
		{
			displayName: 'Allow Plain HTTP',
			name: 'allowInsecureHttp',
			type: 'boolean',
			default: false,
			description:
				'Whether to allow an http:// URL on a host other than this machine. The keys would travel unencrypted; only for a trusted test server.',
			displayOptions: { show: { region: ['custom'] } },
		},
		{
			displayName: 'API Base Path',
			name: 'basePath',
			type: 'options',
			options: [
				{
					name: '/live2api/api',
					value: '/live2api/api',
					description: "Where bksb's help pages place the API",
				},
				{ name: '/api', value: '/api', description: 'What one public client calls' },
			],
			default: '/live2api/api',
			description:
				'Public sources disagree on the path of the API after the host name. If "Test" says the API was not found, try the other one.',
		},
		{
			displayName: 'Access Key ID',
			name: 'accessKeyId',
			// The key's name, not its secret (that is the Secret Key): shown, as n8n's credential rules ask.
			type: 'string',
			default: '',
			required: true,
			description:
				'From bksb: Admin Options › API Access Keys › Configure Access Key (the key must be Enabled)',
		},
		{
			displayName: 'Secret Key',
			name: 'secretKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The secret shown with the access key in bksb',
		},
	];

	// bksb takes the key pair as HTTP Basic authentication (inferred from public client code).
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			auth: {
				username: '={{String($credentials.accessKeyId).trim()}}',
				password: '={{String($credentials.secretKey).trim()}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: bksbBaseUrlExpression(),
			url: '/userGroups/search',
			qs: { page: 1, recordsPerPage: 1 },
			// The key pair goes to the credential's host only.
			disableFollowRedirect: true,
			sendCredentialsOnCrossOriginRedirect: false,
			timeout: 60_000,
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'bksb rejected the access key ID or secret key (HTTP 401). Check both, and that the key is Enabled in bksb under Admin Options › API Access Keys.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'bksb refused the access key (HTTP 403): give the key Allow on the permissions it needs in bksb.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'No bksb API at this address (HTTP 404). Check the Region or URL, then try the other API Base Path.',
				},
			},
		],
	};
}
