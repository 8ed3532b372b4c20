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

/** Hosts where plain http is acceptable without opting in: this machine only. */
const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/** A credential setting that cannot work; the message says how to fix it. */
export class CredentialSettingError extends Error {}

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
	const raw = String(connection.baseUrl ?? '').trim();
	const url = parseUrl(raw);
	if (!url) {
		throw new CredentialSettingError(
			`The OneFile credential's Base URL "${raw}" is not a valid URL. Enter the full address, e.g. https://wsapi2.onefile.co.uk/api/v2.1`,
		);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new CredentialSettingError(`The OneFile credential's Base URL must start with https:// (it starts with ${url.protocol}//)`);
	}
	if (url.protocol === 'http:' && !LOOPBACK_HOST.test(url.hostname) && connection.allowInsecureHttp !== true) {
		throw new CredentialSettingError(
			`The OneFile credential's Base URL uses plain http to ${url.hostname}, which would send the customer token unencrypted. Use https://, or turn on "Allow Plain HTTP" in the credential if this is a trusted test server`,
		);
	}
	return raw.replace(/\/+$/, '');
}

function parseUrl(raw: string): URL | undefined {
	try {
		return new URL(raw);
	} catch {
		return undefined;
	}
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
