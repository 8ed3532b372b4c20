/**
 * Fault injection. OneFile documents no rate limit and public clients never saw a 429
 * (docs/onefile-api.md §3.8), so every fault here is a [G] failure the node must survive, not a
 * behaviour of the real server. Decisions are deterministic: the scripted queue first, then the
 * rate limiter, then the seeded PRNG, which draws the same number of values for every request so
 * that changing one rate does not shift the others.
 */
import { streamFor, type Random } from './prng';
import type { FaultName, FaultOptions, ScriptedFault } from './types';

export const FAULT_NAMES: readonly FaultName[] = [
	'status500', 'status503', 'status429', 'reset', 'ambiguousCreate', 'slow', 'expireSession', 'html', 'invalidJson', 'redirect',
];

/** Answered before the request is processed, so nothing is stored. */
export type EarlyFault =
	| { kind: 'status'; status: 500 | 503 | 429; fault: string; retryAfterSeconds?: number }
	| { kind: 'reset'; fault: string }
	| { kind: 'html'; fault: string }
	| { kind: 'invalidJson'; fault: string }
	| { kind: 'redirect'; fault: string; location: string };

export interface FaultDecision {
	early?: EarlyFault;
	/** Expire every session, then process the request as usual. */
	expireSessions?: boolean;
	/** Process (and store), then drop the socket without answering. */
	dropAfterProcessing?: boolean;
	/** Process, then answer only after this many ms. */
	slowMs?: number;
	/** Latency plus jitter for the answer. */
	delayMs: number;
	/** Name to record for the processed-request faults. */
	fault?: string;
}

interface PendingScript {
	entry: ScriptedFault;
	matcher: RegExp | undefined;
	remaining: number;
}

export const DEFAULT_SLOW_MS = 10000;

function compilePath(path: RegExp | string | undefined): RegExp | undefined {
	if (path === undefined) return undefined;
	return typeof path === 'string' ? new RegExp(path, 'i') : path;
}

/** Throws on a fault name or path the sandbox cannot use, so a typo in a test fails loudly. */
export function validateScript(script: readonly ScriptedFault[]): void {
	for (const entry of script) {
		if (!FAULT_NAMES.includes(entry.fault)) throw new Error(`Unknown scripted fault '${String(entry.fault)}'; use one of ${FAULT_NAMES.join(', ')}`);
		compilePath(entry.path);
	}
}

export class FaultEngine {
	private random: Random;
	private script: PendingScript[] = [];
	private window: { start: number; count: number } | undefined;

	constructor(private readonly seed: number) {
		this.random = streamFor(seed, 'faults');
	}

	/** Restart the PRNG and the rate window and drop the script (reset()). */
	restart(): void {
		this.random = streamFor(this.seed, 'faults');
		this.script = [];
		this.window = undefined;
	}

	setScript(script: readonly ScriptedFault[]): void {
		validateScript(script);
		this.script = script.map((entry) => ({ entry, matcher: compilePath(entry.path), remaining: entry.times ?? 1 }));
	}

	resetRateWindow(): void {
		this.window = undefined;
	}

	pendingScript(): number {
		return this.script.reduce((sum, item) => sum + item.remaining, 0);
	}

	private takeScripted(method: string, path: string): ScriptedFault | undefined {
		const index = this.script.findIndex(
			(item) =>
				item.remaining > 0 &&
				(item.entry.method === undefined || item.entry.method.toUpperCase() === method.toUpperCase()) &&
				(item.matcher === undefined || matches(item.matcher, path)),
		);
		const item = this.script[index];
		if (!item) return undefined;
		item.remaining--;
		if (item.remaining <= 0) this.script.splice(index, 1);
		return item.entry;
	}

	private overRateLimit(options: FaultOptions, now: number): boolean {
		const limit = options.rateLimit;
		if (!limit) return false;
		if (!this.window || now >= this.window.start + limit.windowMs) this.window = { start: now, count: 0 };
		if (this.window.count >= limit.limit) return true;
		this.window.count++;
		return false;
	}

	decide(request: { method: string; path: string; isCreate: boolean }, options: FaultOptions, now: number): FaultDecision {
		// Always six draws, in this order, whatever is configured.
		const [resetDraw, transientDraw, statusDraw, slowDraw, ambiguousDraw, jitterDraw] = [
			this.random(), this.random(), this.random(), this.random(), this.random(), this.random(),
		] as [number, number, number, number, number, number];
		const delayMs = Math.max(0, options.latencyMs ?? 0) + Math.floor(jitterDraw * (Math.max(0, options.jitterMs ?? 0) + 1));
		const slowMs = options.slowMs ?? DEFAULT_SLOW_MS;

		const scripted = this.takeScripted(request.method, request.path);
		if (scripted) return { ...fromScript(scripted, slowMs), delayMs };

		if (this.overRateLimit(options, now)) {
			return { early: { kind: 'status', status: 429, fault: 'rateLimit', retryAfterSeconds: options.rateLimit?.retryAfterSeconds ?? 1 }, delayMs };
		}
		if (resetDraw < (options.resetRate ?? 0)) return { early: { kind: 'reset', fault: 'reset' }, delayMs };
		if (transientDraw < (options.transientErrorRate ?? 0)) {
			const status = statusDraw < 0.5 ? 500 : 503;
			return { early: { kind: 'status', status, fault: `status${status}` }, delayMs };
		}
		if (request.isCreate && ambiguousDraw < (options.ambiguousCreateRate ?? 0)) {
			return { dropAfterProcessing: true, fault: 'ambiguousCreate', delayMs };
		}
		if (slowDraw < (options.slowRate ?? 0)) return { slowMs, fault: 'slow', delayMs };
		return { delayMs };
	}
}

function matches(matcher: RegExp, path: string): boolean {
	matcher.lastIndex = 0; // a /g or /y RegExp from a test would otherwise remember its last match
	return matcher.test(path);
}

function fromScript(entry: ScriptedFault, slowMs: number): Omit<FaultDecision, 'delayMs'> {
	switch (entry.fault) {
		case 'status500':
			return { early: { kind: 'status', status: 500, fault: entry.fault } };
		case 'status503':
			return { early: { kind: 'status', status: 503, fault: entry.fault } };
		case 'status429':
			return { early: { kind: 'status', status: 429, fault: entry.fault, retryAfterSeconds: entry.retryAfterSeconds ?? 1 } };
		case 'reset':
			return { early: { kind: 'reset', fault: entry.fault } };
		case 'html':
			return { early: { kind: 'html', fault: entry.fault } };
		case 'invalidJson':
			return { early: { kind: 'invalidJson', fault: entry.fault } };
		case 'redirect':
			return { early: { kind: 'redirect', fault: entry.fault, location: entry.location ?? 'http://127.0.0.2:9/elsewhere' } };
		case 'ambiguousCreate':
			return { dropAfterProcessing: true, fault: entry.fault };
		case 'slow':
			return { slowMs, fault: entry.fault };
		case 'expireSession':
			return { expireSessions: true, fault: entry.fault };
	}
}
