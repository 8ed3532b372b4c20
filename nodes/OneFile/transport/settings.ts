import type { AdaptiveLimit } from '../../shared/items/adaptiveLimit';

/**
 * What one run asks of the transport. The node's `execute` builds it once from the Options and
 * hands it down with every request; the transport never reads the form itself.
 */
export interface RequestSettings {
	/** Timeout: the deadline of each whole answer, signing in included. */
	readonly timeoutMs: number;
	/** Requests in Parallel at Auto: told of every answer, and paces every start after a 429. Absent when fixed. */
	readonly adaptive?: AdaptiveLimit;
}

export const DEFAULT_TIMEOUT_MS = 60_000;

/** Dropdowns, the trigger's polls and the credential's look-ups: no Options, the default deadline. */
export const DEFAULT_REQUEST_SETTINGS: RequestSettings = Object.freeze({
	timeoutMs: DEFAULT_TIMEOUT_MS,
});
