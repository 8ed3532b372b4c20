/**
 * *Requests in Parallel: Auto*. How many items are in flight, and how fast requests may start,
 * learnt from how the service answers, so that most users (who never open Options) get a fast run
 * that stays polite:
 *
 * - It starts at START in flight and adds one each time a whole "round" (as many answers as items
 *   in flight) comes back steadily, never above the cap (8 unless set, up to 16).
 * - Answers that take clearly longer than the run's best (SLOWER) stop the growth; answers that take
 *   well over it (MUCH_SLOWER), a 429, a 5xx or a lost connection halve it (at least 1).
 * - The first 429 also teaches it the service's rate: the answers of the last second before it,
 *   less one request of slack (RATE_MARGIN for fast rates). From then on every request of the run,
 *   retries included, starts no faster than that (`pace`, called by the transport), so a rate limit
 *   is met instead of hit. A later 429 lowers the rate (RATE_CUT); the 429s of one burst (answers
 *   within RATE_WINDOW_MS of the first) count once. Each PROBE_EVERY steady answers it tries a
 *   little faster (RATE_PROBE), so a rate learnt too low recovers.
 * - Retry-After is still honoured by the transport (the run pauses); order, pairing and the rules
 *   for creates do not change: this only decides when the next item or request may start.
 *
 * Pure apart from the clock, which is passed in, so that its rules are tested without timers.
 */
const START = 2;
const SLOWER = 1.2;
const MUCH_SLOWER = 2;
const RATE_MARGIN = 0.95;
const RATE_CUT = 0.9;
const RATE_PROBE = 1.05;
const PROBE_EVERY = 200;
const RATE_WINDOW_MS = 1000;

export class AdaptiveLimit {
	/** Items allowed in flight now. */
	limit: number;

	/** Requests a second allowed once a 429 taught the rate; undefined before. */
	ratePerSecond?: number;

	private inFlight = 0;

	private best = Infinity;

	private steady = 0;

	private sinceProbe = 0;

	private lastStart = -Infinity;

	private lastRateCut = -Infinity;

	private readonly answers: number[] = [];

	private readonly waiting: Array<() => void> = [];
	/** What Auto did in this run, for the execution hint: the most items in flight at once. */
	peakInFlight = 0;
	/** How many times the service asked to slow down (429s that cut the rate). */
	slowDowns = 0;

	constructor(
		readonly max: number,
		private readonly now: () => number = Date.now,
	) {
		this.limit = Math.min(START, max);
	}

	/** Resolves when one more item may start: below the limit. */
	async acquire(): Promise<void> {
		while (this.inFlight >= this.limit)
			await new Promise<void>((resolve) => this.waiting.push(resolve));
		this.inFlight++;
		this.peakInFlight = Math.max(this.peakInFlight, this.inFlight);
	}

	/** Resolves when the next request may be sent: no faster than the learnt rate (at once before a 429). */
	async pace(sleep: (ms: number) => Promise<void>): Promise<void> {
		if (this.ratePerSecond === undefined) return;
		const gap = 1000 / this.ratePerSecond;
		const wait = this.lastStart + gap - this.now();
		this.lastStart = Math.max(this.now(), this.lastStart + gap);
		if (wait > 0) await sleep(wait);
	}

	release(): void {
		this.inFlight = Math.max(0, this.inFlight - 1);
		this.wake();
	}

	/** An answer (any status but 429 and 5xx) came back after `ms`. */
	onAnswer(ms: number): void {
		const at = this.now();
		this.answers.push(at);
		while (this.answers.length > 0 && this.answers[0] < at - RATE_WINDOW_MS) this.answers.shift();
		this.best = Math.min(this.best, ms);
		if (ms > this.best * MUCH_SLOWER) return this.halve();
		if (ms > this.best * SLOWER) {
			this.steady = 0;
			return;
		}
		if (++this.steady >= this.limit) {
			this.steady = 0;
			if (this.limit < this.max) this.limit++;
			this.wake();
		}
		if (this.ratePerSecond !== undefined && ++this.sinceProbe >= PROBE_EVERY) {
			this.sinceProbe = 0;
			this.ratePerSecond *= RATE_PROBE;
		}
	}

	/**
	 * A 429. The first teaches the rate: about the answers of the last second, less one of slack so
	 * that jitter does not tip a window over. A later one lowers the rate; the rest of its burst
	 * (requests already in flight when the limit was hit) says nothing new.
	 */
	onRateLimited(): void {
		const at = this.now();
		if (at - this.lastRateCut < RATE_WINDOW_MS) return;
		this.lastRateCut = at;
		this.slowDowns++;
		const answered = this.answers.filter((time) => time > at - RATE_WINDOW_MS).length;
		if (this.ratePerSecond !== undefined)
			this.ratePerSecond = Math.max(1, this.ratePerSecond * RATE_CUT);
		else if (answered > 0)
			this.ratePerSecond = Math.max(1, Math.min(answered - 1, answered * RATE_MARGIN));
		this.sinceProbe = 0;
		this.halve();
	}

	/** A 5xx, a lost connection, a timeout: the service is struggling. */
	onFailure(): void {
		this.halve();
	}

	private halve(): void {
		this.limit = Math.max(1, Math.floor(this.limit / 2));
		this.steady = 0;
	}

	private wake(): void {
		while (this.waiting.length > 0 && this.inFlight < this.limit) this.waiting.shift()?.();
	}
}
