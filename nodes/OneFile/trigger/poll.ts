import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { Checker } from '../../shared/checks/checker';
import { idFromAnswer } from '../../shared/checks/values';
import { forEachBounded } from '../../shared/items/forEachBounded';
import { pick } from '../../shared/items/output';
import { ALL_ROLES, isRole, ROLES, type Role } from '../descriptions/roles';
import { SIMPLE_USER_FIELDS } from '../helpers/userRecord';
import type { AnswerTiming } from '../transport';
import { ONEFILE_LISTS, oneFileSearchAll } from '../transport/paging';
import {
	contentHash,
	isPlainObject,
	judge,
	MAX_USERS,
	prune,
	readMemory,
	TRIES_BEFORE_REPORT,
	type Found,
	type PendingRead,
	type TriggerMemory,
	type UserMark,
} from './changes';
import { pollAims } from './aims';
import { readUser } from './records';
import { pollReviews, type SignedBy } from './reviews';
import { floorToSecond, nextSince, NO_CLOCK_MARGIN_MS, oneFileNow, readStamp } from './clock';
import { DEFAULT_REQUEST_SETTINGS } from '../transport/settings';

/** Overlap of triggers saved at version 1; from 1.1 the measured clock sets the window (0). */
export const DEFAULT_OVERLAP_MINUTES = 5;
export const DEFAULT_OVERLAP_MINUTES_V11 = 0;
export const DEFAULT_AIM_LOOK_BACK_DAYS = 7;
export const DEFAULT_REVIEW_LOOK_BACK_DAYS = 30;
export const DEFAULT_RECHECK_MINUTES = 60;
/** Full records fetched at once: polite to OneFile, quick enough for a burst of changes. */
const RECORDS_IN_PARALLEL = 4;
/** Fetch Test Event looks back this far, widening until it finds a change. */
const TEST_WINDOWS_DAYS = [1, 7, 30, 365];
const TEST_ROWS = 50;
/** Records the first activation reads to learn their content (only when OneFile returns users then). */
const MAX_BASELINE_READS = 500;
/** A remembered window start further ahead of OneFile's clock than this is not believed. */
const MAX_SINCE_AHEAD_MS = 60_000;

export const TRIGGER_EVENTS = ['userChanged', 'learningAimAchieved', 'reviewSigned'] as const;
export type TriggerEvent = (typeof TRIGGER_EVENTS)[number];

interface Settings {
	event: TriggerEvent;
	organisationId: number;
	roles: Role[];
	lookBackDays: number;
	signedBy: SignedBy;
	recheckMs: number;
	fetchFullRecord: boolean;
	overlapMs: number;
	simplify: boolean;
}

/**
 * Polls of one trigger node run one at a time in this n8n process: a poll that n8n fires while
 * another is still running (n8n-io/n8n#35251) waits for it and then sees its memory, so nothing is
 * emitted twice. Process-wide because n8n runs every poll of a workflow in the main process (queue
 * mode included) against the same static data.
 */
const running = new Map<string, Promise<unknown>>();

/**
 * One poll: every user of the chosen roles changed since the last poll, each change emitted once.
 * The first poll only records OneFile's "now". The memory (static data) changes only when the whole
 * poll succeeded: a failed poll emits nothing and loses nothing; the next catches up.
 */
export async function pollChanges(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const settings = readSettings.call(this);
	if (settings.event !== 'userChanged') return await pollOtherEvent.call(this, settings);
	if (this.getMode() === 'manual') return await testEvent.call(this, settings);
	return await oneAtATime(this, async () => await pollOnce.call(this, settings));
}

/** Runs one poll of this trigger node after any other still running in this process. */
async function oneAtATime<T>(context: IPollFunctions, poll: () => Promise<T>): Promise<T> {
	const key = `${context.getWorkflow().id ?? ''}:${context.getNode().id}`;
	const mine = (running.get(key) ?? Promise.resolve()).then(poll, poll);
	running.set(key, mine);
	try {
		return await mine;
	} finally {
		if (running.get(key) === mine) running.delete(key);
	}
}

/**
 * Learning Aim Achieved and Review Signed: each keeps its memory under its own key of the node's
 * static data, rewritten only after a successful poll; Fetch Test Event never touches it.
 */
async function pollOtherEvent(
	this: IPollFunctions,
	settings: Settings,
): Promise<INodeExecutionData[][] | null> {
	const manual = this.getMode() === 'manual';
	const memory = memoryOf.call(this);
	const run = async () => {
		const key = settings.event === 'learningAimAchieved' ? 'aims' : 'reviews';
		const result =
			settings.event === 'learningAimAchieved'
				? await pollAims.call(this, settings, memory.aims, manual)
				: await pollReviews.call(this, settings, memory.reviews, manual);
		if (result.memory !== undefined) memory[key] = result.memory as unknown as IDataObject;
		return result.items.length === 0 ? null : [result.items];
	};
	return manual ? await run() : await oneAtATime(this, run);
}

async function pollOnce(
	this: IPollFunctions,
	settings: Settings,
): Promise<INodeExecutionData[][] | null> {
	const memory = memoryOf.call(this);
	const read = readMemory(memory, DEFAULT_OVERLAP_MINUTES * 60_000);
	if (read.repaired !== undefined)
		this.logger.warn(
			`OneFile Trigger "${this.getNode().name}": its memory was damaged (${read.repaired}); starting again as on first activation, from now.`,
		);
	const pollStartedAt = Date.now();
	let firstAnswer: AnswerTiming | undefined;
	const onAnswer = (timing: AnswerTiming) => {
		firstAnswer ??= timing;
	};
	if (read.since === undefined) {
		// First activation (or the memory was cleared or damaged): no history replayed, changes from now on.
		const present = await searchRoles.call(
			this,
			settings,
			floorToSecond(pollStartedAt + read.offsetMs),
			onAnswer,
			MAX_USERS,
		);
		const clock = nextSince(firstAnswer, pollStartedAt, read.offsetMs);
		const users = await baseline.call(
			this,
			settings,
			present,
			clock.since,
			oneFileNow(Date.now(), clock.offsetMs),
		);
		store(memory, {
			since: clock.since,
			activatedAt: clock.since,
			offsetMs: clock.offsetMs,
			users,
			pending: {},
		});
		return null;
	}
	const since = believableSince.call(this, read.since, oneFileNow(pollStartedAt, read.offsetMs));
	const candidates = new Map<number, Found>();
	for (const row of await searchRoles.call(this, settings, since, onAnswer))
		if (!candidates.has(row.id)) candidates.set(row.id, { ...row, windowFrom: since });
	if (settings.overlapMs > 0) {
		// The Overlap option: a second, wider search for late-saved changes of users not known yet.
		// Never before the first activation: no history is replayed, whatever the overlap.
		const wide = Math.max(since - settings.overlapMs, read.activatedAt ?? -Infinity);
		for (const row of await searchRoles.call(this, settings, wide, onAnswer))
			if (!candidates.has(row.id) && read.users[String(row.id)] === undefined)
				candidates.set(row.id, { ...row, windowFrom: wide });
	}
	for (const [id, pending] of Object.entries(read.pending))
		if (!candidates.has(Number(id)))
			candidates.set(Number(id), {
				id: Number(id),
				role: pending.role,
				record: { ID: Number(id) },
				full: false,
				windowFrom: since,
				retry: true,
			});
	const clock = nextSince(firstAnswer, pollStartedAt, read.offsetMs);
	const now = oneFileNow(Date.now(), clock.offsetMs);
	const reads = settings.fetchFullRecord
		? await readRecords.call(this, [...candidates.values()])
		: [...candidates.values()].map((found) => ({ found }));
	const users = { ...read.users };
	const pending: Record<string, PendingRead> = {};
	const emitted: Array<{ json: IDataObject; order: number }> = [];
	for (const result of reads) {
		const id = String(result.found.id);
		if ('gone' in result) continue;
		if ('failure' in result) {
			const before = read.pending[id];
			const tries = (before?.tries ?? 0) + 1;
			const report = !before?.told && (tries >= TRIES_BEFORE_REPORT || !result.transient);
			pending[id] = { role: result.found.role, tries, told: before?.told === true || report };
			if (report)
				emitted.push({ json: unreadable(result.found, tries, result.message), order: Infinity });
			continue;
		}
		const verdict = judge(result.found, users[id], clock.since, now);
		if (verdict.mark) users[id] = verdict.mark;
		if (verdict.emit)
			emitted.push({
				json: output(
					{ ...result.found, event: verdict.event, lastModified: verdict.lastModified },
					settings,
				),
				order: verdict.lastModified ?? Infinity,
			});
	}
	const remembered = prune(users, clock.since - settings.overlapMs);
	store(memory, {
		since: clock.since,
		activatedAt: read.activatedAt,
		offsetMs: clock.offsetMs,
		users: remembered,
		pending,
	});
	if (emitted.length === 0) return null;
	emitted.sort((a, b) => a.order - b.order || Number(a.json.id) - Number(b.json.id));
	return [emitted.map(({ json }) => ({ json }))];
}

/**
 * What the first activation remembers of the users its search returned (normally none: nothing has
 * changed in the last second; every user when OneFile ignores "modified since"). A record without
 * a usable LastModified is remembered by its content, so that it is not emitted as a change later;
 * past MAX_BASELINE_READS, or with Fetch Full Record off, by its ID only.
 */
async function baseline(
	this: IPollFunctions,
	settings: Settings,
	present: Row[],
	at: number,
	oneFileNowMs: number,
): Promise<Record<string, UserMark>> {
	const users: Record<string, UserMark> = {};
	for (const row of present) users[String(row.id)] = { k: 'b', at };
	if (!settings.fetchFullRecord) return users;
	const toRead = present
		.slice(0, MAX_BASELINE_READS)
		.map((row): Found => ({ ...row, windowFrom: at }));
	for (const result of await readRecords.call(this, toRead)) {
		if (!('found' in result) || 'gone' in result || 'failure' in result || !result.found.full)
			continue;
		// A usable stamp needs no memory: the stamp rule already keeps it out of later windows.
		if (readStamp(result.found.record.LastModified, oneFileNowMs) !== undefined)
			delete users[String(result.found.id)];
		else users[String(result.found.id)] = { k: `h${contentHash(result.found.record)}`, at };
	}
	return users;
}

/** The node's static data, which n8n creates as an object; anything else cannot be repaired from here. */
function memoryOf(this: IPollFunctions): TriggerMemory {
	const memory: unknown = this.getWorkflowStaticData('node');
	if (isPlainObject(memory)) return memory as TriggerMemory;
	throw new NodeOperationError(
		this.getNode(),
		'The OneFile Trigger cannot read its memory in this workflow',
		{
			description:
				"The trigger's saved state is not what it wrote (edited by hand, or damaged). Delete the trigger node and add it again (a new node starts with a fresh memory), then publish the workflow.",
		},
	);
}

/** A window start ahead of OneFile's own clock (n8n's clock was ahead, or the memory was edited) would blind the trigger: it is clamped, with a warning. */
function believableSince(this: IPollFunctions, since: number, oneFileNowMs: number): number {
	if (since <= oneFileNowMs + MAX_SINCE_AHEAD_MS) return since;
	const clamped = floorToSecond(oneFileNowMs - NO_CLOCK_MARGIN_MS);
	this.logger.warn(
		`OneFile Trigger "${this.getNode().name}": its saved window start ${new Date(since).toISOString()} is ahead of OneFile's clock; looking from ${new Date(clamped).toISOString()} instead.`,
	);
	return clamped;
}

function store(
	memory: TriggerMemory,
	next: {
		since: number;
		activatedAt?: number;
		offsetMs: number;
		users: Record<string, UserMark>;
		pending: Record<string, PendingRead>;
	},
): void {
	memory.since = new Date(next.since).toISOString();
	memory.activatedAt =
		next.activatedAt === undefined ? memory.since : new Date(next.activatedAt).toISOString();
	memory.offsetMs = next.offsetMs;
	memory.users = next.users;
	memory.pending = next.pending;
	delete memory.cursor;
	delete memory.seen;
}

interface Row {
	id: number;
	role: string;
	record: IDataObject;
	full: false;
}

/** The search rows of every chosen role modified since `since` (OneFile's clock). */
async function searchRoles(
	this: IPollFunctions,
	settings: Settings,
	since: number,
	onAnswer?: (timing: AnswerTiming) => void,
	limit?: number,
): Promise<Row[]> {
	const found: Row[] = [];
	for (const role of settings.roles) {
		const filters = {
			OrganisationID: settings.organisationId,
			Role: ROLES[role].id,
			LastModified: new Date(since).toISOString(),
		};
		const rows = await oneFileSearchAll.call(this, ONEFILE_LISTS.user, filters, {
			settings: DEFAULT_REQUEST_SETTINGS,
			limit,
			action: `look for changed ${ROLES[role].name} users`,
			onAnswer,
		});
		for (const row of rows) {
			const id = idFromAnswer(row.ID);
			// A row without a usable ID cannot be fetched or told apart: OneFile's answer is untrusted input.
			if (id !== undefined) found.push({ id, role: ROLES[role].name, record: row, full: false });
		}
	}
	return found;
}

type RecordRead =
	| { found: Found }
	| { found: Found; gone: true }
	| { found: Found; failure: true; transient: boolean; message: string };

/** Each candidate's full record, a few at once; one that cannot be read does not hold back the others. */
async function readRecords(this: IPollFunctions, candidates: Found[]): Promise<RecordRead[]> {
	const results: RecordRead[] = new Array(candidates.length);
	await forEachBounded(
		candidates.length,
		RECORDS_IN_PARALLEL,
		async (index) => {
			results[index] = await readRecord.call(this, candidates[index]);
		},
		() => false,
	);
	return results;
}

async function readRecord(this: IPollFunctions, found: Found): Promise<RecordRead> {
	const read = await readUser.call(this, found.id);
	if ('gone' in read) return { found, gone: true };
	if ('failed' in read)
		return { found, failure: true, transient: read.transient, message: read.message };
	return { found: { ...found, record: read.record, full: true } };
}

interface Emission {
	id: number;
	role: string;
	record: IDataObject;
	event: 'created' | 'updated';
	lastModified?: number;
}

function output(change: Emission, settings: Settings): IDataObject {
	return {
		event: change.event,
		id: change.id,
		role: change.role,
		lastModified:
			change.lastModified === undefined ? null : new Date(change.lastModified).toISOString(),
		user: settings.simplify ? pick(change.record, SIMPLE_USER_FIELDS) : change.record,
	};
}

/** A user whose record could not be read: said once, read again by later polls until it can be. */
function unreadable(found: Found, tries: number, message: string): IDataObject {
	return {
		event: 'unreadable',
		id: found.id,
		role: found.role,
		lastModified: null,
		error: `OneFile did not give user ${found.id}'s record (${tries === 1 ? 'once' : `${tries} polls in a row`}): ${message}`,
		fix: 'The trigger keeps trying on each poll and emits the change once the record can be read. Open the user in OneFile if this goes on.',
	};
}

/**
 * Fetch Test Event: the most recently changed user, looking back a day, then a week, a month, a
 * year. The memory is not touched: testing never moves the cursor.
 */
async function testEvent(
	this: IPollFunctions,
	settings: Settings,
): Promise<INodeExecutionData[][] | null> {
	const now = Date.now();
	for (const days of TEST_WINDOWS_DAYS) {
		const from = now - days * 86_400_000;
		const rows = await searchRoles.call(this, settings, from, undefined, TEST_ROWS);
		if (rows.length === 0) continue;
		const found = rows.map((row): Found => ({ ...row, windowFrom: from }));
		const reads = settings.fetchFullRecord
			? await readRecords.call(this, found)
			: found.map((f) => ({ found: f }));
		const records = reads
			.filter((r): r is { found: Found } => !('gone' in r) && !('failure' in r))
			.map((r) => r.found);
		if (records.length === 0) continue;
		const stampOf = (f: Found) => readStamp(f.record.LastModified, now + 86_400_000) ?? -1;
		const latest = records.reduce((best, f) => (stampOf(f) > stampOf(best) ? f : best));
		const stamp = stampOf(latest);
		const created = readStamp(latest.record.CreatedOn, now + 86_400_000);
		return [
			[
				{
					json: output(
						{
							...latest,
							event: created !== undefined && created >= from ? 'created' : 'updated',
							lastModified: stamp < 0 ? undefined : stamp,
						},
						settings,
					),
				},
			],
		];
	}
	return null;
}

/** The trigger's settings, read through the same checks as a node's row: every problem at once. */
function readSettings(this: IPollFunctions): Settings {
	const check = new Checker(
		this,
		undefined,
		'The OneFile Trigger cannot watch for changes',
		'OneFile',
	);
	const organisationId = check.id('Organisation', check.param('organisationId'));
	const event = check.choice(
		'Event',
		check.param('event', 'userChanged'),
		TRIGGER_EVENTS,
		'userChanged',
	);
	const rawRoles = event === 'userChanged' ? check.param('roles', []) : ['learner'];
	const roles = (Array.isArray(rawRoles) ? rawRoles : []).filter(isRole);
	if (roles.length === 0)
		check.add({
			field: 'Roles',
			problem: 'has no role chosen, so the trigger has no one to watch',
			fix: `Choose at least one role to watch: ${ALL_ROLES.map((r) => ROLES[r].name).join(', ')}`,
		});
	const options = check.collection('options');
	const defaultOverlap =
		this.getNode().typeVersion >= 1.1 ? DEFAULT_OVERLAP_MINUTES_V11 : DEFAULT_OVERLAP_MINUTES;
	const overlapMinutes = Number(options.overlapMinutes ?? defaultOverlap);
	const defaultLookBack =
		event === 'reviewSigned' ? DEFAULT_REVIEW_LOOK_BACK_DAYS : DEFAULT_AIM_LOOK_BACK_DAYS;
	const lookBackDays = Number(options.lookBackDays ?? defaultLookBack);
	if (!Number.isInteger(lookBackDays) || lookBackDays < 1 || lookBackDays > 366)
		check.add({
			field: 'Look Back (Days)',
			problem: `is ${JSON.stringify(options.lookBackDays)}, not a whole number of days from 1 to 366`,
			fix: 'Enter a whole number of days from 1 to 366',
		});
	const recheckMinutes = Number(options.recheckMinutes ?? DEFAULT_RECHECK_MINUTES);
	if (!Number.isFinite(recheckMinutes) || recheckMinutes < 0)
		check.add({
			field: 'Recheck Every (Minutes)',
			problem: `is ${JSON.stringify(options.recheckMinutes)}, not a number of minutes`,
			fix: 'Enter a number of minutes, 0 or more',
		});
	const settings = {
		event,
		roles,
		lookBackDays,
		// A setting hidden for this event is not read: n8n has no value for it.
		signedBy:
			event === 'reviewSigned'
				? check.choice(
						'Signed By',
						check.param('signedBy', 'learnerAndAssessor'),
						['learnerAndAssessor', 'learnerAssessorAndEmployer'] as const,
						'learnerAndAssessor',
					)
				: ('learnerAndAssessor' as const),
		recheckMs: recheckMinutes * 60_000,
		fetchFullRecord: check.flag('Fetch Full Record', options.fetchFullRecord, true),
		overlapMs:
			(Number.isFinite(overlapMinutes) && overlapMinutes >= 0 ? overlapMinutes : defaultOverlap) *
			60_000,
		simplify:
			event === 'reviewSigned' ? true : check.flag('Simplify', check.param('simplify', true), true),
	};
	return { ...settings, ...check.done({ organisationId }) };
}
