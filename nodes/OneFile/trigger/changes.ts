import type { IDataObject } from 'n8n-workflow';

/**
 * The trigger's memory between polls, kept in the workflow's static data: where the last
 * successful poll started, and which changes it has emitted. Pure: nothing here sends requests.
 */
export interface TriggerMemory {
	/** ISO time the last successful poll started (n8n's clock); the next asks for changes since it, minus the overlap. */
	cursor?: string;
	/** ISO time of the first activation: no poll looks back before it, overlap or not (no history is replayed). */
	activatedAt?: string;
	/** Changes emitted recently: `id@lastModified` (epoch ms) → when it changed, for pruning. */
	seen?: Record<string, number>;
}

/** The seen-set never holds more than this; the oldest go first. */
export const MAX_SEEN = 10_000;

export interface Change {
	id: number;
	role: string;
	/** OneFile's LastModified in epoch ms; undefined when the row did not say and no record was fetched. */
	lastModified?: number;
	createdOn?: number;
	/** The search row, or the full record when fetched. */
	record: IDataObject;
}

/** What identifies one change: the user and when it changed (the user alone, when that is unknown). */
export function changeKey(change: Pick<Change, 'id' | 'lastModified'>): string {
	return change.lastModified === undefined
		? `${change.id}@?`
		: `${change.id}@${change.lastModified}`;
}

/** The changes not emitted before, oldest first (unknown times last, by ID). */
export function unseen(changes: readonly Change[], memory: TriggerMemory): Change[] {
	const seen = memory.seen ?? {};
	const fresh = new Map<string, Change>();
	for (const change of changes) {
		const key = changeKey(change);
		if (!(key in seen) && !fresh.has(key)) fresh.set(key, change);
	}
	return [...fresh.values()].sort(
		(a, b) => (a.lastModified ?? Infinity) - (b.lastModified ?? Infinity) || a.id - b.id,
	);
}

/**
 * The memory after a successful poll that started at `pollStart` and emitted `emitted`. Changes are
 * kept while a later poll could still be sent them again (they changed after the next window's
 * start, with one more overlap for a server whose clock is behind), at most MAX_SEEN.
 */
export function remember(
	memory: TriggerMemory,
	emitted: readonly Change[],
	pollStart: number,
	overlapMs: number,
): TriggerMemory {
	const entries = Object.entries(memory.seen ?? {});
	for (const change of emitted) entries.push([changeKey(change), change.lastModified ?? pollStart]);
	const keepFrom = pollStart - 2 * overlapMs;
	const kept = entries
		.filter(([, time]) => time >= keepFrom)
		.sort((a, b) => a[1] - b[1])
		.slice(-MAX_SEEN);
	return {
		cursor: new Date(pollStart).toISOString(),
		activatedAt: memory.activatedAt ?? new Date(pollStart).toISOString(),
		seen: Object.fromEntries(kept),
	};
}

/**
 * Where the next poll's window starts (epoch ms, inclusive): the cursor minus the overlap, but only
 * after the first activation. A change stamped in the very millisecond of the activation counts as
 * before it (the activating poll waits for the clock to move on, so anything later is stamped
 * later). Undefined when there is no cursor (first activation, or static data cleared).
 */
export function windowStart(memory: TriggerMemory, overlapMs: number): number | undefined {
	const cursor = timeOf(memory.cursor);
	if (cursor === undefined) return undefined;
	const activated = timeOf(memory.activatedAt);
	return Math.max(cursor - overlapMs, activated === undefined ? -Infinity : activated + 1);
}

function timeOf(iso: unknown): number | undefined {
	const time = typeof iso === 'string' ? Date.parse(iso) : NaN;
	return Number.isNaN(time) ? undefined : time;
}
