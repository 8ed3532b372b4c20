import type { IDataObject } from 'n8n-workflow';

import { readStamp } from './clock';

/**
 * The trigger's memory between polls (the workflow's static data) and the rule that decides, for
 * each user a poll finds, whether it is a change to emit. Pure: nothing here sends requests.
 *
 * All times are on OneFile's clock (measured from its `Date` header, see clock.ts).
 */
export interface TriggerMemory {
	/** The next poll asks for users modified since this (ISO, OneFile's clock). */
	since?: string;
	/** When the trigger was first activated (ISO, OneFile's clock): nothing before it is emitted as new. */
	activatedAt?: string;
	/** OneFile's clock minus n8n's, as last measured (ms). */
	offsetMs?: number;
	/** What the trigger knows of each user (by ID): see UserMark. */
	users?: Record<string, UserMark>;
	/** Users whose record could not be read: read again by the next poll, whatever its search says. */
	pending?: Record<string, PendingRead>;
	/** The Learning Aim Achieved and Review Signed events' memories (trigger/aims.ts, trigger/reviews.ts). */
	aims?: IDataObject;
	reviews?: IDataObject;
	/** Memory of version 1 of the trigger (n8n's clock), read once and replaced. */
	cursor?: string;
	seen?: Record<string, number>;
}

/**
 * `k` is what was last emitted (or seen) of the user: `t<ms>.<hash>` its LastModified and content; `h<hash>` its
 * record's content when it had no usable stamp; `r` a search row seen with Fetch Full Record off;
 * `b` present when the trigger was activated (content unknown). `at`: OneFile's time of that poll.
 */
export interface UserMark {
	k: string;
	at: number;
}

export interface PendingRead {
	role: string;
	/** Polls that failed to read it so far. */
	tries: number;
	/** Whether an `unreadable` item was emitted for it already. */
	told?: boolean;
}

/** Users remembered at most; the oldest go first. */
export const MAX_USERS = 20_000;
/** Records that could not be read, kept for another try at most. */
export const MAX_PENDING = 200;
/** After this many failed polls (or at once for an answer that can never be read) the user is reported. */
export const TRIES_BEFORE_REPORT = 3;

export interface Found {
	id: number;
	role: string;
	/** The full record (GET /User/{id}) or, with Fetch Full Record off, the search row. */
	record: IDataObject;
	/** Whether `record` is the full record. */
	full: boolean;
	/** Changes before this (OneFile's clock) are not this poll's. */
	windowFrom: number;
	/** Found only because an earlier read failed: its stamp may be older than the window. */
	retry?: boolean;
}

export type Verdict =
	| { emit: false; mark?: UserMark }
	| { emit: true; mark: UserMark; event: 'created' | 'updated'; lastModified?: number };

/**
 * Whether what a poll found of a user is a change to emit, and what to remember of it.
 *
 * - A usable LastModified decides: before the window, not a change (OneFile ignored the filter or
 *   sent an old row); the stamp already emitted, not again (a re-read of the window's margin).
 * - No usable stamp (absent, .NET's empty date, `01/03/2026`, far ahead): the record's content
 *   decides, one emission per content; a user present at activation is remembered, not emitted.
 * - Fetch Full Record off and a summary row: a user seen in this window's margin is not emitted
 *   again (two changes within about 2 s give one item: the option says so).
 * - `created` only for a user's first emission, when OneFile says it was created in the window.
 */
export function judge(
	found: Found,
	previous: UserMark | undefined,
	pollAt: number,
	oneFileNowMs: number,
): Verdict {
	const stamp = readStamp(found.record.LastModified, oneFileNowMs);
	if (stamp !== undefined) {
		// The stamp and the content: with whole-second stamps, two changes in one second share a stamp.
		const mark = { k: `t${stamp}.${contentHash(found.record)}`, at: pollAt };
		// A mark carried over from version 1 has the stamp only.
		if (previous?.k === mark.k || previous?.k === `t${stamp}`) return { emit: false, mark };
		// Remembered, so a wider search (Overlap) does not read it again.
		if (stamp < found.windowFrom && !found.retry) return { emit: false, mark };
		return { emit: true, mark, event: eventOf(found, previous, oneFileNowMs), lastModified: stamp };
	}
	if (!found.full) {
		const mark = { k: 'r', at: pollAt };
		if (previous !== undefined && previous.at >= found.windowFrom)
			return { emit: false, mark: previous };
		return { emit: true, mark, event: eventOf(found, previous, oneFileNowMs) };
	}
	const mark = { k: `h${contentHash(found.record)}`, at: pollAt };
	// 'b': present at activation, content never read (Fetch Full Record was off, or past the read cap).
	if (previous?.k === mark.k || previous?.k === 'b') return { emit: false, mark };
	return { emit: true, mark, event: eventOf(found, previous, oneFileNowMs) };
}

function eventOf(
	found: Found,
	previous: UserMark | undefined,
	oneFileNowMs: number,
): 'created' | 'updated' {
	if (previous !== undefined) return 'updated';
	const created = readStamp(found.record.CreatedOn, oneFileNowMs);
	return created !== undefined && created >= found.windowFrom ? 'created' : 'updated';
}

/** A short, stable fingerprint of a record's content (its LastModified left out): FNV-1a, twice. */
export function contentHash(record: IDataObject): string {
	const text = stableJson(record, 'LastModified');
	let a = 0x811c9dc5;
	let b = 0x01000193 ^ text.length;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		a = Math.imul(a ^ code, 0x01000193) >>> 0;
		b = Math.imul(b ^ code, 0x5bd1e995) >>> 0;
	}
	return a.toString(36) + b.toString(36);
}

function stableJson(value: unknown, leaveOut?: string): string {
	if (Array.isArray(value)) return `[${value.map((v) => stableJson(v)).join(',')}]`;
	if (value !== null && typeof value === 'object') {
		const keys = Object.keys(value)
			.filter((k) => k !== leaveOut)
			.sort();
		return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson((value as IDataObject)[k])}`).join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

/**
 * The memory kept after a poll: users whose mark can still matter to a later window (a stamp or a
 * row seen inside it) and every content mark (a OneFile that ignores the filter sends them all
 * again), at most MAX_USERS, the oldest out first.
 */
export function prune(
	users: Record<string, UserMark>,
	nextWindowFrom: number,
): Record<string, UserMark> {
	const kept = Object.entries(users).filter(([, mark]) => {
		if (mark.k.startsWith('t')) return stampOfMark(mark) >= nextWindowFrom;
		if (mark.k === 'r') return mark.at >= nextWindowFrom;
		return true;
	});
	kept.sort((x, y) => x[1].at - y[1].at);
	return Object.fromEntries(kept.slice(-MAX_USERS));
}

function stampOfMark(mark: UserMark): number {
	return Number.parseInt(mark.k.slice(1), 10);
}

/** The memory as the poll can use it, with what had to be repaired (for a warning in n8n's log). */
export interface ReadMemory {
	since?: number;
	activatedAt?: number;
	offsetMs: number;
	users: Record<string, UserMark>;
	pending: Record<string, PendingRead>;
	repaired?: string;
}

/**
 * Reads the static data defensively: it is stored JSON that anything may have changed. A damaged
 * memory (not an object, times that are not times) is a first activation, with a warning; a trigger
 * saved by version 1 (a cursor on n8n's clock, a seen-set) carries its window and seen changes over.
 */
export function readMemory(memory: TriggerMemory, v1OverlapMs: number): ReadMemory {
	const users: Record<string, UserMark> = {};
	const pending: Record<string, PendingRead> = {};
	const offsetMs =
		typeof memory.offsetMs === 'number' && Number.isFinite(memory.offsetMs) ? memory.offsetMs : 0;
	const damaged: string[] = [];
	if (memory.users !== undefined) {
		if (!isPlainObject(memory.users)) damaged.push('users');
		else
			for (const [id, mark] of Object.entries(memory.users))
				if (isMark(mark) && /^\d+$/.test(id)) users[id] = mark;
	}
	if (memory.pending !== undefined) {
		if (!isPlainObject(memory.pending)) damaged.push('pending');
		else
			for (const [id, read] of Object.entries(memory.pending).slice(0, MAX_PENDING))
				if (/^\d+$/.test(id) && isPlainObject(read) && typeof read.role === 'string')
					pending[id] = {
						role: read.role,
						tries: Number(read.tries) || 0,
						told: read.told === true,
					};
	}
	const since = timeOf(memory.since);
	const activatedAt = timeOf(memory.activatedAt);
	if (memory.since !== undefined && since === undefined) damaged.push('since');
	if (damaged.length > 0) return { offsetMs, users: {}, pending: {}, repaired: damaged.join(', ') };
	if (since !== undefined) return { since, activatedAt, offsetMs, users, pending };
	// Version 1: a cursor (n8n's clock) and `id@ms` seen changes.
	const cursor = timeOf(memory.cursor);
	if (memory.cursor !== undefined && cursor === undefined)
		return { offsetMs, users: {}, pending: {}, repaired: 'cursor' };
	if (cursor === undefined) return { offsetMs, users: {}, pending: {} };
	if (memory.seen !== undefined && !isPlainObject(memory.seen))
		return { offsetMs, users: {}, pending: {}, repaired: 'seen' };
	for (const key of Object.keys(memory.seen ?? {})) {
		const [id, ms] = key.split('@');
		if (/^\d+$/.test(id) && /^\d+$/.test(ms ?? '')) users[id] = { k: `t${ms}`, at: cursor };
	}
	const v1Activated = timeOf(memory.activatedAt);
	const v1Since = Math.max(
		cursor - v1OverlapMs,
		v1Activated === undefined ? -Infinity : v1Activated + 1,
	);
	return { since: v1Since, activatedAt: v1Activated, offsetMs, users, pending };
}

function isMark(value: unknown): value is UserMark {
	return (
		isPlainObject(value) &&
		typeof value.k === 'string' &&
		typeof value.at === 'number' &&
		Number.isFinite(value.at)
	);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function timeOf(iso: unknown): number | undefined {
	if (typeof iso !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(iso)) return undefined;
	const time = Date.parse(iso);
	return Number.isNaN(time) ? undefined : time;
}
