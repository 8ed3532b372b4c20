import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { describeProblems } from '../../shared/checks/problems';
import { answerId, idFromAnswer } from '../../shared/checks/values';
import { oneFileApiRequest, type OneFileContext } from '../transport';
import { oneFileList } from '../transport/answers';
import { runState } from '../transport/runState';
import { fetchRecord } from './records';
import type { RequestSettings } from '../transport/settings';

/**
 * An organisation's status lists (`GET /Organisation/{id}/LearnerStatuses` and
 * `/LearningAimStatuses`, docs/onefile-api.md §7 [C] C6). Client code reads them but not their
 * rows' keys [G]: a row's name is taken from `Name`, else `Description`, whichever OneFile sends.
 */
export type StatusList = 'LearnerStatuses' | 'LearningAimStatuses';

export interface Status {
	/** The ID as OneFile sent it (exact digits as text past 2^53); undefined when unusable. */
	id: number | string | undefined;
	name: string;
}

/** A status row's name: `Name`, else `Description`, else empty. */
export function statusName(row: IDataObject): string {
	for (const key of ['Name', 'Description']) {
		const value = row[key];
		if (typeof value === 'string' && value.trim() !== '') return value.trim();
		if (typeof value === 'number') return String(value);
	}
	return '';
}

/** The organisation's statuses of one list, in OneFile's order. */
export async function listStatuses(
	this: OneFileContext,
	organisationId: number,
	list: StatusList,
	settings: RequestSettings,
	itemIndex?: number,
): Promise<Status[]> {
	const action = `list the ${list === 'LearnerStatuses' ? 'learner' : 'learning aim'} statuses of organisation ${organisationId}`;
	const { body } = await oneFileApiRequest.call(this, {
		settings,
		method: 'GET',
		path: ['Organisation', organisationId, list],
		itemIndex,
		action,
		idempotent: true,
	});
	return oneFileList
		.call(this, body, { action, itemIndex })
		.map((row) => ({ id: answerId(row.ID), name: statusName(row) }));
}

/**
 * The same list, read once per run however many items ask (a sheet of updates in one
 * organisation reads its statuses once); a listing that failed is not kept.
 */
export async function runStatuses(
	this: OneFileContext,
	organisationId: number,
	list: StatusList,
	settings: RequestSettings,
	itemIndex?: number,
): Promise<Status[]> {
	const lists = runState(this).statusLists;
	const key = `${organisationId}:${list}`;
	let statuses = lists.get(key);
	if (statuses === undefined) {
		statuses = listStatuses.call(this, organisationId, list, settings, itemIndex);
		lists.set(key, statuses);
		statuses.catch(() => lists.delete(key));
	}
	return [...(await statuses)];
}

/** The organisation of a learning aim's learner: `GET /LearningAim/{id}` → UserID → `GET /User/{id}`. */
export async function learningAimOrganisation(
	this: OneFileContext,
	learningAimId: number,
	settings: RequestSettings,
	itemIndex?: number,
): Promise<{ aim: IDataObject; learnerId: number; organisationId: number }> {
	const aim = await readOne.call(this, ['LearningAim', learningAimId], itemIndex, settings);
	const learnerId = idFromAnswer(aim.UserID);
	if (learnerId === undefined)
		throw unusable(
			this,
			`learning aim ${learningAimId} names no usable learner (UserID)`,
			itemIndex,
		);
	const organisationId = await learnerOrganisation.call(this, learnerId, settings, itemIndex);
	return { aim, learnerId, organisationId };
}

/** A learner's organisation, from `GET /User/{id}`. */
export async function learnerOrganisation(
	this: OneFileContext,
	learnerId: number,
	settings: RequestSettings,
	itemIndex?: number,
): Promise<number> {
	const user = await readOne.call(this, ['User', learnerId], itemIndex, settings);
	const organisationId = idFromAnswer(user.OrganisationID);
	if (organisationId === undefined)
		throw unusable(
			this,
			`user ${learnerId} names no usable organisation (OrganisationID)`,
			itemIndex,
		);
	return organisationId;
}

async function readOne(
	this: OneFileContext,
	path: [string, number],
	itemIndex: number | undefined,
	settings: RequestSettings,
): Promise<IDataObject> {
	const action = `read ${path[0] === 'LearningAim' ? 'learning aim' : 'user'} ${path[1]}`;
	return await fetchRecord.call(this, itemIndex, settings, path, action);
}

function unusable(context: OneFileContext, what: string, itemIndex: number | undefined): Error {
	return new NodeOperationError(context.getNode(), `OneFile's answer could not be used: ${what}`, {
		itemIndex,
		description: 'Nothing was changed by this item. Check the record in OneFile.',
	});
}

/** Case, surrounding spaces and runs of spaces do not matter in a status name. */
function nameKey(name: string): string {
	return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

export type StatusMatch = { ok: true; id: number; name: string } | { ok: false; problem: string };

/**
 * The status a row names, by ID (whole digits) or by name, among the organisation's statuses.
 * Pure. No match, or a name that several statuses have, is a problem naming what was given.
 */
export function matchStatus(given: string | number, statuses: readonly Status[]): StatusMatch {
	const text = String(given).trim();
	const usable = statuses.filter((s): s is Status & { id: number } => typeof s.id === 'number');
	if (/^\d+$/.test(text)) {
		const found = usable.find((s) => s.id === Number(text));
		return found
			? { ok: true, id: found.id, name: found.name }
			: { ok: false, problem: `${text} is not the ID of one of the organisation's statuses` };
	}
	const found = usable.filter((s) => nameKey(s.name) === nameKey(text));
	if (found.length === 1) return { ok: true, id: found[0].id, name: found[0].name };
	return {
		ok: false,
		problem:
			found.length === 0
				? `"${text}" is not the name of one of the organisation's statuses`
				: `"${text}" is the name of ${found.length} of the organisation's statuses (IDs ${found.map((s) => s.id).join(', ')})`,
	};
}

/** The statuses as a message lists them: `1 In Progress, 2 Achieved`. */
export function listed(statuses: readonly Status[]): string {
	return statuses.length === 0
		? 'it has none'
		: statuses.map((s) => `${String(s.id ?? '?')} ${s.name || '(no name)'}`).join(', ');
}

/** The item error of a status that does not resolve: the field, what was wrong, and every status. */
export function statusError(
	context: OneFileContext,
	subject: string,
	field: string,
	problem: string,
	organisationId: number,
	statuses: readonly Status[],
	itemIndex: number,
): Error {
	const { message, description } = describeProblems(subject, itemIndex, [
		{
			field,
			problem,
			fix: `Use the ID or the exact name of one of organisation ${organisationId}'s statuses: ${listed(statuses)}`,
		},
	]);
	return new NodeOperationError(context.getNode(), message, { itemIndex, description });
}
