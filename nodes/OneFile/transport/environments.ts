import { checkServiceUrl } from '../../shared/serviceUrl';


/**
 * OneFile's API servers (onefile-api.md §1). A customer token is issued per server by OneFile
 * Support, so the environment is part of the credential, not of the node.
 */
export const ONEFILE_ENVIRONMENTS = {
	live: { name: 'Live', baseUrl: 'https://wsapi.onefile.co.uk/api/v2.1' },
	practice: { name: 'Practice', baseUrl: 'https://wsapi2.onefile.co.uk/api/v2.1' },
	beta: { name: 'Beta', baseUrl: 'https://wsapibeta.onefile.co.uk/api/v2.1' },
} as const;

export type OneFileEnvironment = keyof typeof ONEFILE_ENVIRONMENTS | 'custom';

export interface OneFileConnection {
	environment?: unknown;
	baseUrl?: unknown;
	allowInsecureHttp?: unknown;
}

/** Human name of the environment, for messages ("Practice", "Custom (https://…)"). */
export function environmentLabel(connection: OneFileConnection): string {
	const environment = String(connection.environment ?? 'live');
	if (environment in ONEFILE_ENVIRONMENTS) {
		return ONEFILE_ENVIRONMENTS[environment as keyof typeof ONEFILE_ENVIRONMENTS].name;
	}
	return 'Custom base URL';
}

/**
 * The API base URL without a trailing slash. Throws a plain Error with a fix when a custom URL
 * is malformed or uses http on a non-loopback host without the opt-in: a customer token sent
 * over plain http to another machine is a leaked token.
 */
export function resolveBaseUrl(connection: OneFileConnection): string {
	const environment = String(connection.environment ?? 'live');
	if (environment in ONEFILE_ENVIRONMENTS) {
		return ONEFILE_ENVIRONMENTS[environment as keyof typeof ONEFILE_ENVIRONMENTS].baseUrl;
	}
	return checkServiceUrl(String(connection.baseUrl ?? ''), {
		field: "The OneFile credential's Base URL",
		example: 'https://wsapi2.onefile.co.uk/api/v2.1',
		secret: 'the customer token',
		allowInsecureHttp: connection.allowInsecureHttp,
	});
}

/**
 * The same resolution as an n8n expression, for the credential's `test` request, which n8n
 * evaluates as an expression rather than calling our code. A trailing slash is harmless there:
 * axios joins baseURL and url with exactly one slash.
 */
export function baseUrlExpression(): string {
	const known = Object.entries(ONEFILE_ENVIRONMENTS)
		.map(([key, { baseUrl }]) => `${key}: '${baseUrl}'`)
		.join(', ');
	return `={{ ({ ${known} })[$credentials.environment] ?? String($credentials.baseUrl).trim() }}`;
}
