import { networkWords } from './errors';

/**
 * Reading OneFile's sign-in answer and explaining its failures. Used by the credential's
 * preAuthentication, which has no node to attach errors to, so it produces plain messages.
 */

const TOKEN_KEYS = ['Session', 'SessionToken', 'TokenID', 'Token'];

/**
 * The session token from the body of `POST /Authentication`. OneFile returns it as bare text
 * (every public client uses the body as-is); one client also copes with a JSON-quoted string,
 * so strip one pair of quotes. An object is not documented: take a likely key or fail clearly.
 */
export function parseSessionToken(body: unknown): string {
	let token: unknown = body;
	if (typeof token === 'string') {
		token = token.trim();
		const text = token as string;
		if (text.startsWith('{')) {
			try {
				token = JSON.parse(text);
			} catch {
				// not JSON after all: keep the text
			}
		} else if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) {
			token = text.slice(1, -1).trim();
		}
	}
	if (token !== null && typeof token === 'object' && !Array.isArray(token)) {
		const record = token as Record<string, unknown>;
		const key = TOKEN_KEYS.find((k) => typeof record[k] === 'string' && record[k] !== '');
		token = key === undefined ? '' : record[key];
	}
	if (typeof token !== 'string' || token === '') {
		throw new OneFileSignInError(
			'OneFile accepted the customer token but sent no session token back. Check the Base URL points at the OneFile API (it ends in /api/v2.1)',
		);
	}
	return token;
}

/** How a sign-in failed: a status, or a network code when no answer came. */
export interface SignInFailure {
	message: string;
	httpCode?: number;
	networkCode?: string;
}

/** Sign-in failures raised in this process, by message (a handful of distinct texts). */
const signInFailures = new Map<string, SignInFailure>();
const MAX_REMEMBERED = 200;

/**
 * A sign-in failure with a message fit to show. n8n wraps whatever preAuthentication throws in
 * its own error, replacing the message with a generic one and keeping ours only in `messages`;
 * the transport finds it there (signInMessageOf) and shows it unchanged.
 */
export class OneFileSignInError extends Error {
	constructor(message: string, cause: Omit<SignInFailure, 'message'> = {}) {
		super(message);
		if (signInFailures.size >= MAX_REMEMBERED) signInFailures.clear();
		signInFailures.set(message, { message, ...cause });
	}
}

/** The sign-in failure, if this error is (or wraps) one. */
export function signInFailureOf(error: unknown): SignInFailure | undefined {
	const wrapped = error as { message?: unknown; messages?: unknown };
	const candidates = [wrapped?.message, ...(Array.isArray(wrapped?.messages) ? wrapped.messages : [])];
	const message = candidates.find((m): m is string => typeof m === 'string' && signInFailures.has(m));
	return message === undefined ? undefined : signInFailures.get(message);
}

/** Status or network code of a failed sign-in request, for retrying it. */
export function signInCause(error: unknown): Omit<SignInFailure, 'message'> {
	const failure = (error ?? {}) as HttpFailure;
	const status = failure.response?.status;
	return status !== undefined ? { httpCode: status } : { networkCode: failure.code ?? 'ECONNRESET' };
}

interface HttpFailure {
	code?: string;
	response?: { status?: number };
}

/** Words for a failed `POST /Authentication`; never includes the token or the raw error. */
export function signInFailureMessage(error: unknown, environment: string, baseUrl: string): string {
	const failure = (error ?? {}) as HttpFailure;
	const status = failure.response?.status;
	if (status === 400 || status === 401 || status === 403) {
		return `OneFile rejected the customer token for ${environment} (HTTP ${status}). Tokens are issued per server by OneFile Support: check the credential's Environment matches the server the token was issued for, and paste the token again`;
	}
	if (status === 404) {
		return `OneFile's sign-in address was not found at ${baseUrl}/Authentication (HTTP 404). Check the Base URL ends in /api/v2.1`;
	}
	if (status !== undefined) {
		return `OneFile could not sign in (HTTP ${status}) at ${baseUrl}. Try again later; if it persists, contact OneFile Support`;
	}
	return `Could not reach OneFile at ${baseUrl} (${networkWords(failure.code)}). Check the Base URL and this server's network access`;
}
