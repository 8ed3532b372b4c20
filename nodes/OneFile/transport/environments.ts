import {
	CredentialSettingError,
	serviceUrl,
	testUrlGuard,
	type ServiceUrl,
} from '../../shared/http/serviceUrl';

/**
 * OneFile's API servers (docs/onefile-api.md §1). A customer token is issued per server by OneFile
 * Support, so the environment is part of the credential, not of the node.
 */
export const ONEFILE_ENVIRONMENTS = {
	live: { name: 'Live', baseUrl: 'https://wsapi.onefile.co.uk/api/v2.1' },
	practice: { name: 'Practice', baseUrl: 'https://wsapi2.onefile.co.uk/api/v2.1' },
	beta: { name: 'Beta', baseUrl: 'https://wsapibeta.onefile.co.uk/api/v2.1' },
} as const;

export interface OneFileConnection {
	environment?: unknown;
	baseUrl?: unknown;
	allowInsecureHttp?: unknown;
}

function knownEnvironment(
	connection: OneFileConnection,
): (typeof ONEFILE_ENVIRONMENTS)[keyof typeof ONEFILE_ENVIRONMENTS] | undefined {
	const environment = String(connection.environment ?? 'live');
	return environment in ONEFILE_ENVIRONMENTS
		? ONEFILE_ENVIRONMENTS[environment as keyof typeof ONEFILE_ENVIRONMENTS]
		: undefined;
}

/** Human name of the environment, for messages ("Practice", "Custom base URL"). */
export function environmentLabel(connection: OneFileConnection): string {
	return knownEnvironment(connection)?.name ?? 'Custom base URL';
}

/**
 * The API base URL without a trailing slash, or the problem with its fix when a custom URL breaks
 * the rules of serviceUrl (a customer token sent over plain http to another machine is a leaked
 * token; a query, fragment or user info would be mangled into every request).
 */
export function checkBaseUrl(connection: OneFileConnection): ServiceUrl {
	const known = knownEnvironment(connection);
	if (known) return { url: known.baseUrl };
	return serviceUrl(String(connection.baseUrl ?? ''), {
		field: "The OneFile credential's Base URL",
		example: 'https://wsapi2.onefile.co.uk/api/v2.1',
		secret: 'the customer token',
		allowInsecureHttp: connection.allowInsecureHttp,
	});
}

/** The same, throwing a CredentialSettingError with the fix. */
export function resolveBaseUrl(connection: OneFileConnection): string {
	const checked = checkBaseUrl(connection);
	if ('problem' in checked) throw new CredentialSettingError(checked.problem);
	return checked.url;
}

/**
 * The same resolution as an n8n expression, for the credential's `test` request, which n8n
 * evaluates itself rather than calling our code. A trailing slash is harmless there: axios joins
 * baseURL and url with exactly one slash.
 */
export function baseUrlExpression(): string {
	const known = Object.entries(ONEFILE_ENVIRONMENTS)
		.map(([key, { baseUrl }]) => `${key}: '${baseUrl}'`)
		.join(', ');
	const typed = 'String($credentials.baseUrl).trim()';
	// A custom URL not ending in /api/v2.1 may still answer (a proxy, a test server), so the node
	// accepts it; "Test" says so instead of passing silently (README: Credentials).
	const apiPath = `(/\\/api\\/v2\\.1\\/?$/i.test(${typed}) ? ${testUrlGuard(typed)} : '${NOT_API_PATH_TEST_URL}')`;
	return `={{ ({ ${known} })[$credentials.environment] ?? ${apiPath} }}`;
}

/** Where "Test" goes for a custom Base URL whose path is not OneFile's API path: a name that says why. */
export const NOT_API_PATH_TEST_URL = 'https://base-url-should-end-in-api-v2-1.invalid';
