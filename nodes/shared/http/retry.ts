import type { RequestFailure } from './failure';

/**
 * The retry policy every transport shares: what may be tried again, and after how long.
 *
 * - 429 means the service refused before acting: any request may wait and go again, as long as
 *   the service asks for at most a minute, and at most MAX_RATE_LIMITED times.
 * - A lost, late or garbled answer (5xx, a dropped connection, no whole answer within the Timeout,
 *   an unreadable body) may mean the service acted: only requests that are safe to repeat (reads,
 *   searches, partial updates) go again, each attempt with its own deadline. A create is never
 *   repeated here; its operation decides (see the OneFile node's create).
 * - Never repeated: a redirect (refused on purpose), an answer above the size cap, a cancelled
 *   execution, any other 4xx.
 */
const MAX_ATTEMPTS = 4;
const MAX_RATE_LIMITED = 12;
const BACKOFF_BASE_MS = 400;
/** The longest Retry-After the node waits; a longer one fails the request (its words say so). */
export const MAX_RETRY_AFTER_S = 60;

/** How long to wait before trying again, or undefined to give up. `count` counts this kind of failure so far. */
export function retryDelayMs(
	failure: RequestFailure,
	idempotent: boolean,
	count: number,
	retryAfter?: number,
): number | undefined {
	if (
		failure.redirectHost !== undefined ||
		failure.tooLargeBytes !== undefined ||
		failure.cancelled
	)
		return undefined;
	if (failure.httpCode === 429) {
		if (count > MAX_RATE_LIMITED) return undefined;
		if (retryAfter === undefined)
			return Math.min(BACKOFF_BASE_MS * 2 ** (count - 1), MAX_RETRY_AFTER_S * 1000);
		return retryAfter <= MAX_RETRY_AFTER_S
			? Math.max(retryAfter * 1000, BACKOFF_BASE_MS)
			: undefined;
	}
	if (count >= MAX_ATTEMPTS || !idempotent) return undefined;
	return isTransient(failure) ? BACKOFF_BASE_MS * 2 ** (count - 1) : undefined;
}

/** A failure after which the service may or may not have acted: no answer, 5xx, a garbled body. */
export function isTransient(failure: RequestFailure): boolean {
	if (
		failure.redirectHost !== undefined ||
		failure.tooLargeBytes !== undefined ||
		failure.cancelled
	)
		return false;
	if (failure.timedOutAfterS !== undefined) return true;
	if (failure.httpCode === undefined) return failure.networkCode !== undefined;
	return failure.unreadable === true || [500, 502, 503, 504].includes(failure.httpCode);
}

/** Seconds to wait from a Retry-After header (seconds or an HTTP date). */
export function retryAfterSeconds(
	headers: Record<string, unknown> | undefined,
): number | undefined {
	const value = headers?.['retry-after'];
	if (value === undefined || value === null) return undefined;
	const text = String(value).trim();
	if (/^\d+$/.test(text)) return Number(text);
	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}
