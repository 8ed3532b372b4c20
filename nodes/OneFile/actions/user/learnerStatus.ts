import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { matchStatus, runStatuses, statusError } from '../statuses';
import type { RequestSettings } from '../../transport/settings';

/**
 * A Learner Status given by name ("Withdrawn", from a sheet) becomes the organisation's status ID
 * (`GET /Organisation/{id}/LearnerStatuses` [C], read once per run). A name that matches none of
 * the organisation's statuses, or several, fails the row listing them; nothing is sent.
 */
export async function withLearnerStatusId(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
	body: IDataObject,
	organisationId: number,
): Promise<IDataObject> {
	const raw = body.LearnerStatusID;
	if (typeof raw !== 'string') return body;
	const statuses = await runStatuses.call(
		this,
		organisationId,
		'LearnerStatuses',
		settings,
		itemIndex,
	);
	const match = matchStatus(raw, statuses);
	if (match.ok) return { ...body, LearnerStatusID: match.id };
	throw statusError(
		this,
		'Cannot use the Learner Status',
		'Learner Status',
		match.problem,
		organisationId,
		statuses,
		itemIndex,
	);
}
