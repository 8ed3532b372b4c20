/** A credential setting that cannot work; the message says how to fix it. */
export class CredentialSettingError extends Error {}

/** Hosts where plain http is acceptable without opting in: this machine only. */
const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

export interface ServiceUrlRules {
	/** "The OneFile credential's Base URL" */
	field: string;
	example: string;
	/** What would travel unencrypted: "the customer token". */
	secret: string;
	allowInsecureHttp?: unknown;
}

export type ServiceUrl = { url: string } | { problem: string };

/**
 * A user-typed service URL, as scheme, host, port and path without a trailing slash; or the
 * problem with its fix. Refused: malformed, not http(s), plain http to another machine without the
 * opt-in (the keys would travel unencrypted), and anything a request URL is later built on badly: a
 * query string or fragment (every path would end up inside it) and user info (axios would send it
 * as Basic auth, and it would show in error text).
 */
export function serviceUrl(raw: string, rules: ServiceUrlRules): ServiceUrl {
	const text = raw.trim();
	const url = parseUrl(text);
	if (!url)
		return {
			problem: `${rules.field} is not a valid URL. Enter the full address, e.g. ${rules.example}`,
		};
	if (url.protocol !== 'https:' && url.protocol !== 'http:')
		return {
			problem: `${rules.field} must start with https:// (it starts with ${url.protocol}//)`,
		};
	if (url.username !== '' || url.password !== '') {
		return {
			problem: `${rules.field} holds a user name or password before the host (user:password@). Remove it: the node signs in with the credential's own fields, e.g. ${rules.example}`,
		};
	}
	if (text.includes('?'))
		return {
			problem: `${rules.field} holds a query string (from "?" on). Remove it, e.g. ${rules.example}`,
		};
	if (text.includes('#'))
		return {
			problem: `${rules.field} holds a fragment (from "#" on). Remove it, e.g. ${rules.example}`,
		};
	if (
		url.protocol === 'http:' &&
		!LOOPBACK_HOST.test(url.hostname) &&
		rules.allowInsecureHttp !== true
	) {
		return {
			problem: `${rules.field} uses plain http to ${url.hostname}, which would send ${rules.secret} unencrypted. Use https://, or turn on "Allow Plain HTTP" in the credential if this is a trusted test server`,
		};
	}
	return { url: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}

/** The same, throwing a CredentialSettingError with the fix. */
export function checkServiceUrl(raw: string, rules: ServiceUrlRules): string {
	const checked = serviceUrl(raw, rules);
	if ('problem' in checked) throw new CredentialSettingError(checked.problem);
	return checked.url;
}

/**
 * The credential-test form of the same rules, as an n8n expression fragment: n8n evaluates a
 * credential's `test` request itself, so a URL the node would refuse is swapped for a host under
 * `.invalid` (which never resolves, RFC 6761) whose name says what is wrong. "Test" then fails
 * with that name, and nothing is sent anywhere.
 */
export function testUrlGuard(urlExpression: string): string {
	return `(/[?#@]/.test(${urlExpression}) ? 'https://remove-query-fragment-or-user-info-from-the-url.invalid' : ${urlExpression})`;
}

function parseUrl(raw: string): URL | undefined {
	try {
		return new URL(raw);
	} catch {
		return undefined;
	}
}
