import type { RequestFailure } from './failure';

/**
 * One bound for a whole run against a service that refuses everything. Each request already gives
 * up after a few tries (retry.ts), but a run of many items would go on asking, one item after
 * another, for hours: 100 rows against a OneFile that answers 429 to everything took 9.5 hours.
 *
 * The refusals of a run (429, 5xx, no answer: what retry.ts would wait out) are counted in a row,
 * across all its items; any other answer ends the streak. Once a streak passes MAX_IN_A_ROW
 * refusals, or would pass MAX_MS of refusing (the wait about to start included), the run stops
 * sending: the request that tipped it and every later one fail at once with the same error.
 * Stated in the README's Security and Options sections. Pure apart from the clock, passed in.
 */
export const MAX_REFUSALS_IN_A_ROW = 20;
export const MAX_REFUSING_MS = 3 * 60_000;

export interface RunStopped {
	/** How long the service had been refusing, in ms, when the run stopped. */
	refusingMs: number;
	refusals: number;
	/** 429: it limited the rate; otherwise it failed or did not answer. */
	rateLimited: boolean;
}

export class RefusalStreak {
	stopped?: RunStopped;

	private count = 0;

	private since = 0;

	private rateLimited = 0;

	constructor(private readonly now: () => number = Date.now) {}

	/** A usable answer: the service is serving again. */
	onAnswer(): void {
		if (this.stopped) return;
		this.count = 0;
		this.rateLimited = 0;
	}

	/**
	 * A refusal, and the wait the transport would start before trying again (undefined when it gives
	 * up on this request anyway). Returns false when the run must stop sending (`stopped` says why).
	 */
	onRefusal(failure: RequestFailure, waitMs: number | undefined): boolean {
		if (this.stopped) return false;
		const at = this.now();
		if (this.count === 0) this.since = at;
		this.count++;
		if (failure.httpCode === 429) this.rateLimited++;
		const refusingMs = at - this.since;
		if (this.count < MAX_REFUSALS_IN_A_ROW && refusingMs + (waitMs ?? 0) < MAX_REFUSING_MS)
			return true;
		this.stopped = {
			refusingMs,
			refusals: this.count,
			rateLimited: this.rateLimited * 2 >= this.count,
		};
		return false;
	}
}

/** "2 min 5 s", "40 s": a length of time for a message. */
export function describeDuration(ms: number): string {
	const seconds = Math.max(0, Math.round(ms / 1000));
	if (seconds < 60) return `${seconds} s`;
	const minutes = Math.floor(seconds / 60);
	const rest = seconds % 60;
	return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

/**
 * The error every item of a stopped run gets, in words: what happened, how long, what to do.
 * `parallelOption` is where the node's Requests in Parallel is set, as the editor shows it, or
 * undefined when the node sends one item at a time (bksb): words never point at a missing option.
 */
export function runStoppedWords(
	stopped: RunStopped,
	service: string,
	parallelOption?: string,
): { message: string; description: string } {
	const how = stopped.rateLimited ? 'too many requests, HTTP 429' : 'server errors or no answer';
	const message = `${service} refused this run's requests ${stopped.refusals} times in a row over ${describeDuration(stopped.refusingMs)} (${how}), so the node stopped sending: this item was not done`;
	const fix = stopped.rateLimited
		? parallelOption === undefined
			? `${service} is limiting how fast this credential may send. Wait a few minutes, then run the workflow again, or ask ${service} Support about the limit.`
			: `${service} is limiting how fast this credential may send. Run the workflow again later with fewer items at once (${parallelOption}), or ask ${service} Support about the limit.`
		: `${service} seems to be down or failing. Run the workflow again later; if it lasts, contact ${service} Support.`;
	return {
		message,
		description: `Every item after this one fails the same way without being sent. The node stops a run once ${service} has refused ${MAX_REFUSALS_IN_A_ROW} requests in a row or for ${describeDuration(MAX_REFUSING_MS)}. ${fix}`,
	};
}
