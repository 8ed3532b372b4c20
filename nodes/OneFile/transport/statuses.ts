import type { IDataObject } from 'n8n-workflow';

import { idFromAnswer } from '../../shared/checks/values';
import { oneFileList } from './answers';
import { oneFileApiRequest, type OneFileContext } from './index';
import { runState } from './runState';

/** One of an organisation's statuses (`GET /Organisation/{id}/LearnerStatuses` or `/LearningAimStatuses` [C]). */
export interface Status {
	id: number;
	name: string;
}

export type StatusList = 'LearnerStatuses' | 'LearningAimStatuses';

/**
 * An organisation's statuses, read once per run (every row of a sheet asks the same). Rows carry
 * `Name` or `Description` ([G]: both seen in client code): either is the name.
 */
export async function organisationStatuses(
	this: OneFileContext,
	organisationId: number,
	list: StatusList,
	itemIndex?: number,
): Promise<Status[]> {
	const run = runState(this);
	const key = `${organisationId}:${list}`;
	let statuses = run.statusLists.get(key);
	if (statuses === undefined) {
		statuses = readStatuses.call(this, organisationId, list, itemIndex);
		run.statusLists.set(key, statuses);
		statuses.catch(() => run.statusLists.delete(key));
	}
	return await statuses;
}

async function readStatuses(
	this: OneFileContext,
	organisationId: number,
	list: StatusList,
	itemIndex?: number,
): Promise<Status[]> {
	const action = `read organisation ${organisationId}'s ${list === 'LearnerStatuses' ? 'learner' : 'learning aim'} statuses`;
	const { body } = await oneFileApiRequest.call(this, {
		method: 'GET',
		path: ['Organisation', organisationId, list],
		itemIndex,
		action,
		idempotent: true,
	});
	const statuses: Status[] = [];
	for (const row of oneFileList.call(this, body, { itemIndex, action }) as IDataObject[]) {
		const id = idFromAnswer(row.ID);
		const name =
			typeof row.Name === 'string'
				? row.Name
				: typeof row.Description === 'string'
					? row.Description
					: undefined;
		if (id !== undefined && name !== undefined) statuses.push({ id, name: name.trim() });
	}
	return statuses;
}
