import type { ICredentialDataDecryptedObject, IHttpRequestHelper } from 'n8n-workflow';

import { networkWords, type RequestFailure } from '../../shared/http/failure';
import { sendBounded } from '../../shared/http/request';
import { buildUrl } from '../../shared/http/url';
import { checkBaseUrl, environmentLabel } from './environments';

/**
 * Signing in to OneFile: `POST {base}/Authentication` with the customer token, the session token
 * back as text (docs/onefile-api.md §2). Run by the credential's preAuthentication, which n8n calls when
 * the stored session is empty, after a 401, and on "Test"; it has no node to attach errors to, so
 * its failures are plain messages that the transport finds again (signInFailureOf).
 */

/**
 * The sign-in's own deadline, for the credential's "Test" (which has no node Timeout). When a node
 * signs in, the node's Timeout applies as well: its deadline reaches this request (deadline.ts).
 */
export const SIGN_IN_TIMEOUT_MS = 60_000;

export async function signIn(
	helpers: IHttpRequestHelper['helpers'],
	credentials: ICredentialDataDecryptedObject,
): Promise<string> {
	const checked = checkBaseUrl(credentials);
	if ('problem' in checked) throw new OneFileSignInError(checked.problem);
	const baseUrl = checked.url;
	const customerToken = String(credentials.customerToken ?? '').trim();
	const unsendable = headerProblem(customerToken);
	if (unsendable)
		throw new OneFileSignInError(
			`The credential's Customer Token ${unsendable}, so it cannot be sent to OneFile. Paste the token again as OneFile Support sent it: one line, no spaces or line breaks`,
		);
	const outcome = await sendBounded(async (options) => await helpers.httpRequest(options), {
		method: 'POST',
		url: buildUrl(baseUrl, ['Authentication']),
		headers: { 'X-CustomerToken': customerToken },
		timeoutMs: SIGN_IN_TIMEOUT_MS,
		// The session comes back as bare text (docs/onefile-api.md §2); read it as text, not JSON.
		text: true,
	});
	// Fresh errors, never the original: axios errors carry the request headers, token included.
	if ('failure' in outcome)
		throw new OneFileSignInError(
			signInFailureMessage(outcome.failure, environmentLabel(credentials), baseUrl),
			outcome.failure,
		);
	const { statusCode, body } = outcome.answer;
	if (statusCode >= 300)
		throw new OneFileSignInError(
			signInFailureMessage({ httpCode: statusCode }, environmentLabel(credentials), baseUrl),
			{ httpCode: statusCode },
		);
	return parseSessionToken(body);
}

const TOKEN_KEYS = ['Session', 'SessionToken', 'TokenID', 'Token'];

/**
 * The session token from the body of `POST /Authentication`. OneFile returns it as bare text
 * (every public client uses the body as-is); one client also copes with a JSON-quoted string,
 * so strip one pair of quotes. An object is not documented: take a likely key or fail clearly.
 */
export function parseSessionToken(body: unknown): string {
	let token: unknown = body;
	if (typeof token === 'string') {
		const text = token.trim();
		token = text;
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
	const unsendable = headerProblem(token);
	if (unsendable)
		throw new OneFileSignInError(
			`OneFile's sign-in answer is not a session token: it ${unsendable}. Check the Base URL points at the OneFile API (it ends in /api/v2.1); if it does, report this to OneFile Support`,
		);
	return token;
}

/**
 * Why a token cannot go into an HTTP header, or undefined when it can. Node refuses line breaks and
 * characters beyond Latin-1 with a low-level error that reads like a network failure. The token's
 * characters are never named: they are part of the secret.
 */
export function headerProblem(token: string): string | undefined {
	if (/[\r\n]/.test(token)) return 'holds a line break';
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(token)) return 'holds a control character';
	// eslint-disable-next-line no-control-regex
	if (/[^\u0000-\u00ff]/.test(token))
		return 'holds a character that is not plain text (beyond Latin-1)';
	if (/\s/.test(token)) return 'holds a space';
	return undefined;
}

/** A failed sign-in: its message, and what failed for the retry policy. */
export interface SignInFailure extends RequestFailure {
	message: string;
}

/**
 * Sign-in failures raised in this process, by message: a handful of distinct texts. Process-wide
 * because n8n wraps whatever preAuthentication throws in its own error, keeping our message only in
 * `messages`: the transport looks the message up here to recover the status and show it unchanged.
 */
const signInFailures = new Map<string, SignInFailure>();
const MAX_REMEMBERED = 200;

export class OneFileSignInError extends Error {
	constructor(message: string, failure: RequestFailure = {}) {
		super(message);
		if (signInFailures.size >= MAX_REMEMBERED) signInFailures.clear();
		signInFailures.set(message, { ...failure, message });
	}
}

/** The sign-in failure, if this error is (or wraps) one. */
export function signInFailureOf(error: unknown): SignInFailure | undefined {
	const wrapped = error as { message?: unknown; messages?: unknown } | undefined;
	const candidates = [
		wrapped?.message,
		...(Array.isArray(wrapped?.messages) ? wrapped.messages : []),
	];
	const message = candidates.find(
		(m): m is string => typeof m === 'string' && signInFailures.has(m),
	);
	return message === undefined ? undefined : signInFailures.get(message);
}

/** Words for a failed `POST /Authentication`; never the token, never the raw error. */
export function signInFailureMessage(
	failure: RequestFailure,
	environment: string,
	baseUrl: string,
): string {
	const status = failure.httpCode;
	if (failure.redirectHost !== undefined) {
		return `OneFile's sign-in answered with a redirect to ${failure.redirectHost} (HTTP ${status}). The node does not follow redirects, so the customer token was not sent there. Check the Base URL is OneFile's API address, ending in /api/v2.1`;
	}
	if (failure.timedOutAfterS !== undefined)
		return `OneFile did not answer the sign-in within ${failure.timedOutAfterS} s at ${baseUrl}. Try again later`;
	if (failure.tooLargeBytes !== undefined)
		return `OneFile's sign-in answer was far too large to be a session token. Check the Base URL ends in /api/v2.1`;
	if (failure.cancelled) return 'The sign-in to OneFile was stopped before it finished';
	if (status === 400 || status === 401 || status === 403) {
		return `OneFile rejected the customer token for ${environment} (HTTP ${status}). Tokens are issued per server by OneFile Support: check the credential's Environment matches the server the token was issued for, and paste the token again`;
	}
	if (status === 404)
		return `OneFile's sign-in address was not found at ${baseUrl}/Authentication (HTTP 404). Check the Base URL ends in /api/v2.1`;
	if (status !== undefined)
		return `OneFile could not sign in (HTTP ${status}) at ${baseUrl}. Try again later; if it persists, contact OneFile Support`;
	return `Could not reach OneFile at ${baseUrl} (${networkWords(failure.networkCode)}). Check the Base URL and this server's network access`;
}
