import { MAX_RETRY_AFTER_S } from './retry';

/**
 * What went wrong with one request, without anything secret in it: the status, the service's own
 * code and words, or why no usable answer came. Each service's transport turns it into an error
 * in words (its errors.ts); the retry policy (retry.ts) decides from it whether to try again.
 */
export interface RequestFailure {
	httpCode?: number;
	/** Network error code such as ECONNRESET when nothing came back. */
	networkCode?: string;
	/** The service's own error code and message (OneFile's `{code, message}`, bksb's Description). */
	serviceCode?: number;
	serviceMessage?: string;
	/** The answer was HTML or otherwise not data. */
	notData?: boolean;
	/** A success whose body could not be read as JSON. */
	unreadable?: boolean;
	/** A 30x: the host it pointed at (never the whole address). Not followed. */
	redirectHost?: string;
	/** The whole answer did not arrive within this many seconds. */
	timedOutAfterS?: number;
	/** The answer was larger than this many bytes. */
	tooLargeBytes?: number;
	/** The execution was cancelled (Stop in the editor, or n8n shutting down). */
	cancelled?: boolean;
	/** How often this request was refused (429, 5xx, no answer) before the node gave up on it. */
	refusals?: number;
	/** How long the node waited, in all, between those tries (ms). */
	waitedMs?: number;
	/** The wait the service asked for (Retry-After, seconds) when it was longer than the node waits. */
	retryAfterTooLongS?: number;
}

/**
 * Network failures in words. The raw code (ECONNRESET…) must stay out of error messages: n8n's
 * NodeApiError replaces any message that contains one with its own generic sentence.
 */
const NETWORK_WORDS: Record<string, string> = {
	ECONNREFUSED: 'connection refused',
	ECONNRESET: 'connection dropped',
	ECONNABORTED: 'timed out',
	ETIMEDOUT: 'timed out',
	ESOCKETTIMEDOUT: 'timed out',
	ENOTFOUND: 'server name not found',
	EAI_AGAIN: 'server name lookup failed',
	EHOSTUNREACH: 'host unreachable',
	ENETUNREACH: 'network unreachable',
	EPIPE: 'connection dropped',
};

export function networkWords(code: string | undefined): string {
	return (code && NETWORK_WORDS[code]) ?? 'no answer';
}

interface ThrownHttpError {
	httpCode?: string | null;
	code?: string;
	message?: string;
	cause?: ThrownHttpError;
	response?: { status?: number };
}

const NETWORK_CODE = /\b(E[A-Z]{3,}|ERR_[A-Z_]+)\b/;

/** A request that threw before any answer: the connection failed, timed out or was reset. */
export function readThrownFailure(error: unknown): RequestFailure {
	const thrown = (error ?? {}) as ThrownHttpError;
	const inner = thrown.cause ?? thrown;
	const status =
		inner.response?.status ??
		thrown.response?.status ??
		(thrown.httpCode && /^\d{3}$/.test(thrown.httpCode) ? Number(thrown.httpCode) : undefined);
	if (status !== undefined) return { httpCode: status };
	const code = [
		inner.code,
		thrown.code,
		thrown.httpCode,
		NETWORK_CODE.exec(thrown.message ?? '')?.[1],
	].find((c) => typeof c === 'string' && NETWORK_CODE.test(c));
	return { networkCode: code ?? 'ECONNRESET' };
}

/** The host a redirect points at, resolved against the request's URL; never the path or query. */
export function redirectHostOf(location: unknown, requestUrl: string): string {
	try {
		return new URL(String(location), requestUrl).host || 'an unknown host';
	} catch {
		return 'an unknown host';
	}
}

/**
 * The parts of an error that say what happened whichever service answered: a redirect, a deadline,
 * a size cap, a lost connection, a cancelled execution. `service` is "OneFile" or "bksb"; `fix`
 * names where to correct the address; `timeoutOption` is where the node's Timeout is set, as the
 * editor shows it, or undefined when the node has none (bksb): words never point at a missing option.
 * Undefined when the failure is a status the service explains.
 */
export function commonFailureWords(
	failure: RequestFailure,
	service: string,
	action: string,
	fix: string,
	timeoutOption?: string,
): { message: string; description: string } | undefined {
	if (failure.redirectHost !== undefined) {
		return {
			message: `${service} answered with a redirect to ${failure.redirectHost} (HTTP ${failure.httpCode}) while trying to ${action}`,
			description: `The node does not follow redirects, so that the credential is never sent to another server; nothing was sent there. ${fix}`,
		};
	}
	if (failure.timedOutAfterS !== undefined) {
		return {
			message: `${service} did not answer within ${failure.timedOutAfterS} s while trying to ${action}`,
			description:
				timeoutOption === undefined
					? `The whole answer must arrive within ${failure.timedOutAfterS} s. ${service} may be slow or overloaded: run the workflow again later.`
					: `The whole answer must arrive within the node's Timeout (${timeoutOption}). ${service} may be slow or overloaded: run the workflow again later, or raise the Timeout.`,
		};
	}
	if (failure.tooLargeBytes !== undefined) {
		return {
			message: `${service}'s answer was larger than ${Math.round(failure.tooLargeBytes / (1024 * 1024))} MB while trying to ${action}`,
			description:
				"The node refuses answers this large so that one answer cannot exhaust n8n's memory. For a list, use Limit or narrower filters.",
		};
	}
	if (failure.cancelled) {
		return {
			message: `The execution was stopped while trying to ${action}`,
			description: 'The execution was cancelled before the answer came.',
		};
	}
	if (failure.httpCode === undefined) {
		return {
			message: `${service} did not answer while trying to ${action} (${networkWords(failure.networkCode)})`,
			description: `The connection failed before ${service} answered (network error ${failure.networkCode ?? 'unknown'}). ${fix}`,
		};
	}
	return undefined;
}

/**
 * What the node did before giving up, exactly: "OneFile refused it 3 times; the node waited 2 s
 * in all between tries. " Empty when it tried once. Never claims a wait or a retry that did not happen.
 */
export function triesWords(failure: RequestFailure, service: string): string {
	if (failure.retryAfterTooLongS !== undefined)
		return `${service} asked the node to wait ${failure.retryAfterTooLongS} s before trying again, longer than the node waits (${MAX_RETRY_AFTER_S} s), so it stopped. `;
	const tries = failure.refusals ?? 1;
	if (tries <= 1) return '';
	const waited = Math.round((failure.waitedMs ?? 0) / 1000);
	return `${service} refused it ${tries} times; the node waited ${waited < 1 ? 'under a second' : `${waited} s`} in all between tries. `;
}
