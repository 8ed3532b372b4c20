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

/**
 * A user-typed service URL without a trailing slash, or a CredentialSettingError with the fix:
 * malformed, not http(s), or plain http to another machine without the opt-in (the keys would
 * travel unencrypted).
 */
export function checkServiceUrl(raw: string, rules: ServiceUrlRules): string {
	const text = raw.trim();
	const url = parseUrl(text);
	if (!url) throw new CredentialSettingError(`${rules.field} "${text}" is not a valid URL. Enter the full address, e.g. ${rules.example}`);
	if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new CredentialSettingError(`${rules.field} must start with https:// (it starts with ${url.protocol}//)`);
	if (url.protocol === 'http:' && !LOOPBACK_HOST.test(url.hostname) && rules.allowInsecureHttp !== true) {
		throw new CredentialSettingError(`${rules.field} uses plain http to ${url.hostname}, which would send ${rules.secret} unencrypted. Use https://, or turn on "Allow Plain HTTP" in the credential if this is a trusted test server`);
	}
	return text.replace(/\/+$/, '');
}

function parseUrl(raw: string): URL | undefined {
	try {
		return new URL(raw);
	} catch {
		return undefined;
	}
}
