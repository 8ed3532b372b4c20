import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { Checker } from '../../shared/checks/checker';
import { idFromAnswer } from '../../shared/checks/values';
import { forEachBounded } from '../../shared/items/forEachBounded';
import { pick } from '../../shared/items/output';
import { ALL_ROLES, isRole, ROLES, type Role } from '../descriptions/roles';
import { answerTime, SIMPLE_USER_FIELDS } from '../helpers/userRecord';
import { failureOf, oneFileApiRequest } from '../transport';
import { ONEFILE_LISTS, oneFileSearchAll } from '../transport/paging';
import { remember, unseen, windowStart, type Change, type TriggerMemory } from './changes';

export const DEFAULT_OVERLAP_MINUTES = 5;
/** Full records fetched at once: polite to OneFile, quick enough for a burst of changes. */
const RECORDS_IN_PARALLEL = 4;
/** Fetch Test Event looks back this far, widening until it finds a change. */
const TEST_WINDOWS_DAYS = [1, 7, 30, 365];
const TEST_ROWS = 50;

interface Settings {
	organisationId: number;
	roles: Role[];
	fetchFullRecord: boolean;
	overlapMs: number;
	simplify: boolean;
}

/**
 * Polls of one trigger node run one at a time in this n8n process: a poll that n8n fires while
 * another is still running (n8n-io/n8n#35251) waits for it and then sees its cursor and seen-set,
 * so nothing is emitted twice. Process-wide because n8n runs every poll of a workflow in the main
 * process (queue mode included) against the same static data.
 */
const running = new Map<string, Promise<unknown>>();

/**
 * One poll: every user of the chosen roles changed since the cursor (minus the overlap), each
 * emitted once. The first poll only records "now". The memory (static data) changes only when the
 * whole poll succeeded: a failed poll emits nothing and loses nothing; the next catches up.
 */
export async function pollChanges(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const settings = readSettings.call(this);
	if (this.getMode() === 'manual') return await testEvent.call(this, settings);
	const key = `${this.getWorkflow().id ?? ''}:${this.getNode().id}`;
	const before = running.get(key) ?? Promise.resolve();
	const poll = before.then(
		async () => await pollOnce.call(this, settings),
		async () => await pollOnce.call(this, settings),
	);
	running.set(key, poll);
	try {
		return await poll;
	} finally {
		if (running.get(key) === poll) running.delete(key);
	}
}

async function pollOnce(
	this: IPollFunctions,
	settings: Settings,
): Promise<INodeExecutionData[][] | null> {
	const memory = this.getWorkflowStaticData('node') as TriggerMemory;
	const pollStart = Date.now();
	const since = windowStart(memory, settings.overlapMs);
	if (since === undefined) {
		// First activation (or the static data was cleared): no history replayed, changes from now on.
		const first = remember({}, [], pollStart, settings.overlapMs);
		memory.cursor = first.cursor;
		memory.activatedAt = first.activatedAt;
		memory.seen = first.seen;
		// "Now" is exclusive (windowStart): let the clock pass it, so a change made once this poll
		// has returned is stamped after it, not in the same millisecond.
		while (Date.now() <= pollStart) await sleep(1);
		return null;
	}
	const found = await findChanges.call(this, settings, since);
	const fresh = unseen(found, memory);
	const next = remember(memory, fresh, pollStart, settings.overlapMs);
	memory.cursor = next.cursor;
	memory.seen = next.seen;
	if (fresh.length === 0) return null;
	return [fresh.map((change) => ({ json: output(change, since, settings) }))];
}

/** Every change since `since` of the chosen roles, with the full record when asked for. */
async function findChanges(
	this: IPollFunctions,
	settings: Settings,
	since: number,
	limit?: number,
): Promise<Change[]> {
	const changes: Change[] = [];
	for (const role of settings.roles) {
		const filters = {
			OrganisationID: settings.organisationId,
			Role: ROLES[role].id,
			LastModified: new Date(since).toISOString(),
		};
		const rows = await oneFileSearchAll.call(this, ONEFILE_LISTS.user, filters, {
			limit,
			action: `look for changed ${ROLES[role].name} users`,
		});
		for (const row of rows) {
			const id = idFromAnswer(row.ID);
			// A row without a usable ID cannot be fetched or told apart: OneFile's answer is untrusted input.
			if (id !== undefined)
				changes.push({
					id,
					role: ROLES[role].name,
					lastModified: answerTime(row.LastModified),
					createdOn: answerTime(row.CreatedOn),
					record: row,
				});
		}
	}
	if (!settings.fetchFullRecord) return changes;
	const full: Array<Change | undefined> = new Array(changes.length);
	await forEachBounded(
		changes.length,
		RECORDS_IN_PARALLEL,
		async (index) => {
			full[index] = await withRecord.call(this, changes[index]);
		},
		() => false,
	);
	return full.filter((change): change is Change => change !== undefined);
}

/** The change with `GET /User/{id}`'s record; undefined when the user is gone since the search (404). */
async function withRecord(this: IPollFunctions, change: Change): Promise<Change | undefined> {
	let body: unknown;
	let failed: unknown;
	try {
		body = (
			await oneFileApiRequest.call(this, {
				method: 'GET',
				path: ['User', change.id],
				action: `get user ${change.id}`,
				idempotent: true,
			})
		).body;
	} catch (error) {
		failed = error;
	}
	if (failed !== undefined) {
		if (failureOf(failed)?.httpCode === 404) return undefined;
		throw failed;
	}
	const record =
		body && typeof body === 'object' && !Array.isArray(body)
			? (body as IDataObject)
			: change.record;
	return {
		...change,
		lastModified: answerTime(record.LastModified) ?? change.lastModified,
		createdOn: answerTime(record.CreatedOn) ?? change.createdOn,
		record,
	};
}

function output(change: Change, since: number, settings: Settings): IDataObject {
	const created = change.createdOn !== undefined && change.createdOn >= since;
	return {
		event: created ? 'created' : 'updated',
		id: change.id,
		role: change.role,
		lastModified:
			change.lastModified === undefined ? null : new Date(change.lastModified).toISOString(),
		user: settings.simplify ? pick(change.record, SIMPLE_USER_FIELDS) : change.record,
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
		const found = await findChanges.call(this, settings, now - days * 86_400_000, TEST_ROWS);
		if (found.length === 0) continue;
		const latest = found.reduce((best, change) =>
			(change.lastModified ?? -1) > (best.lastModified ?? -1) ? change : best,
		);
		return [[{ json: output(latest, now - days * 86_400_000, settings) }]];
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
	const rawRoles = check.param('roles', []);
	const roles = (Array.isArray(rawRoles) ? rawRoles : []).filter(isRole);
	if (roles.length === 0)
		check.add({
			field: 'Roles',
			problem: 'has no role chosen',
			fix: `Pick one or more of: ${ALL_ROLES.map((r) => ROLES[r].name).join(', ')}`,
		});
	const options = check.collection('options');
	const overlapMinutes = Number(options.overlapMinutes ?? DEFAULT_OVERLAP_MINUTES);
	const settings = {
		roles,
		fetchFullRecord: check.flag('Fetch Full Record', options.fetchFullRecord, true),
		overlapMs:
			(Number.isFinite(overlapMinutes) && overlapMinutes >= 0
				? overlapMinutes
				: DEFAULT_OVERLAP_MINUTES) * 60_000,
		simplify: check.flag('Simplify', check.param('simplify', true), true),
	};
	return { ...settings, ...check.done({ organisationId }) };
}
