import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { organisationStatuses } from '../../transport/statuses';

/**
 * A Learner Status given by name ("Withdrawn", from a sheet) becomes the organisation's status ID
 * (`GET /Organisation/{id}/LearnerStatuses` [C], read once per run). A name that matches none of
 * the organisation's statuses, or several, fails the row listing them; nothing is sent.
 */
export async function withLearnerStatusId(
	this: IExecuteFunctions,
	itemIndex: number,
	body: IDataObject,
	organisationId: number,
): Promise<IDataObject> {
	const raw = body.LearnerStatusID;
	if (typeof raw !== 'string') return body;
	const statuses = await organisationStatuses.call(
		this,
		organisationId,
		'LearnerStatuses',
		itemIndex,
	);
	const wanted = raw.trim().toLowerCase();
	const matches = statuses.filter((status) => status.name.toLowerCase() === wanted);
	if (matches.length === 1) return { ...body, LearnerStatusID: matches[0].id };
	throw new NodeOperationError(
		this.getNode(),
		`Learner Status "${raw}" ${matches.length === 0 ? 'is not one of' : 'matches several of'} organisation ${organisationId}'s learner statuses [item ${itemIndex}]`,
		{
			itemIndex,
			description: `Nothing was sent. The organisation's statuses: ${statuses.map((s) => `${s.name} (ID ${s.id})`).join(', ') || 'none'}. Use one of these names as written, or its ID.`,
		},
	);
}
