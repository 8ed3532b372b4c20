import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Checker } from '../../shared/checks/checker';
import { idFromAnswer } from '../../shared/checks/values';
import { oneFileApiRequest } from '../transport';
import { ONEFILE_LISTS, oneFileSearchAll } from '../transport/paging';
import { runState, type MisIdIndex } from '../transport/runState';
import { fetchRecord } from './records';
import type { RequestSettings } from '../transport/settings';

/**
 * Sync semantics (node version 1.2): compare before writing, Preview, and Create or Update by MIS
 * ID matched against one listing per run. Earlier versions keep writing every field they are given.
 */
export function comparesBeforeWriting(this: IExecuteFunctions): boolean {
	return this.getNode().typeVersion >= 1.2;
}

export const previewOption: INodeProperties = {
	displayName: 'Preview',
	name: 'preview',
	type: 'boolean',
	default: false,
	description:
		'Whether to only show what this run would do: OneFile is read (searches, records) but nothing is written. Each row comes out as would create, would update (with the changes), unchanged, would archive, would assign, or the error the real run would give. Unlike Validate Only, which checks rows offline and sends nothing at all.',
};

export function readPreview(check: Checker, options: IDataObject): boolean {
	const preview = check.flag('Preview', options.preview, false);
	// Counted for the run's hint ("Preview: nothing was written").
	if (preview) runState(check.context).dryRuns.preview++;
	return preview;
}

/** The user's current record (`GET /User/{id}`): what a write is compared against. */
export async function currentUser(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
	id: number,
): Promise<IDataObject> {
	return await fetchRecord.call(
		this,
		itemIndex,
		settings,
		['User', id],
		`read user ${id} before changing it`,
	);
}

/** Above this many users of one role in one organisation, Create or Update searches per row instead. */
export const MAX_INDEXED_USERS = 20_000;

export function misIdKey(value: unknown): string {
	return String(value).trim().toLowerCase();
}

/**
 * The organisation's users of a role by MIS ID, listed once per run (paged, 50 a page) however
 * many items ask, also under Auto parallelism: the first asks, the others wait for its listing.
 * Undefined when there are more than MAX_INDEXED_USERS (the caller searches per row and says so).
 */
export async function misIdIndex(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
	organisationId: number,
	role: number,
): Promise<MisIdIndex | undefined> {
	const run = runState(this);
	const key = `${organisationId}:${role}`;
	let index = run.misIdIndexes.get(key);
	if (index === undefined) {
		index = listByMisId.call(this, itemIndex, settings, organisationId, role);
		run.misIdIndexes.set(key, index);
		// A listing that failed is not kept: the next item tries again.
		index.catch(() => run.misIdIndexes.delete(key));
	}
	return await index;
}

async function listByMisId(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
	organisationId: number,
	role: number,
): Promise<MisIdIndex | undefined> {
	const rows = await oneFileSearchAll.call(
		this,
		ONEFILE_LISTS.user,
		{ OrganisationID: organisationId, Role: role },
		{
			settings,
			itemIndex,
			limit: MAX_INDEXED_USERS + 1,
			action: 'list the users to match by MIS ID',
		},
	);
	if (rows.length > MAX_INDEXED_USERS) return undefined;
	const index: MisIdIndex = new Map();
	for (const row of rows) {
		const id = idFromAnswer(row.ID);
		if (
			id === undefined ||
			row.MISID === undefined ||
			row.MISID === null ||
			String(row.MISID).trim() === ''
		)
			continue;
		addToIndex(index, row.MISID, id);
	}
	return index;
}

export function addToIndex(index: MisIdIndex, misId: unknown, id: number): void {
	const key = misIdKey(misId);
	const ids = index.get(key) ?? [];
	if (!ids.includes(id)) ids.push(id);
	index.set(key, ids);
}

/** Runs `work` after every earlier item of this run holding the same key has finished. */
export async function withKeyLock<T>(
	context: IExecuteFunctions,
	key: string,
	work: () => Promise<T>,
): Promise<T> {
	const locks = runState(context).keyLocks;
	const before = locks.get(key) ?? Promise.resolve();
	const mine = before.then(work, work);
	locks.set(key, mine);
	try {
		return await mine;
	} finally {
		if (locks.get(key) === mine) locks.delete(key);
	}
}

/**
 * Preview of a write that does not compare (archive, assign): the records it names are read, so a
 * user or placement that is not there fails as the real run would; then nothing is sent.
 */
export async function previewWrite(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
	reads: ReadonlyArray<readonly [string, number]>,
	result: IDataObject,
): Promise<IDataObject> {
	for (const [resource, id] of reads)
		await oneFileApiRequest.call(this, {
			settings,
			method: 'GET',
			path: [resource, id],
			itemIndex,
			action: `read ${resource.toLowerCase()} ${id} (Preview)`,
			idempotent: true,
		});
	return {
		...result,
		message: `${String(result.message ?? result.action)}; nothing was written (Preview).`,
	};
}
