import type {
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { idFromAnswer } from '../../shared/checks/values';
import { learnerOrganisation, learningAimOrganisation, runStatuses } from '../actions/statuses';
import { VISIT_TYPES } from '../actions/review/visitTypes';
import { DEFAULT_REQUEST_SETTINGS } from '../transport/settings';

/**
 * Dropdowns of short lists read whole (no paging): a learning aim's statuses, which belong to its
 * learner's organisation, and the visit types.
 */

/** A whole-number ID the form's locator holds, or undefined (blank, an expression, no such field). */
function formId(context: ILoadOptionsFunctions, param: string): number | undefined {
	try {
		const raw = context.getNodeParameter(param, undefined, { extractValue: true });
		return idFromAnswer(typeof raw === 'string' ? raw.trim() : raw);
	} catch {
		return undefined;
	}
}

function filtered(
	items: INodeListSearchItems[],
	filter: string | undefined,
): INodeListSearchResult {
	const needle = filter?.trim().toLowerCase() ?? '';
	return { results: needle ? items.filter((i) => i.name.toLowerCase().includes(needle)) : items };
}

/** The learning aim statuses of the organisation of the learning aim picked (else the learner's, else the organisation's). */
export async function searchLearningAimStatuses(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const aimId = formId(this, 'learningAimId');
	const learnerId = formId(this, 'learnerId');
	const organisationId =
		aimId !== undefined
			? (await learningAimOrganisation.call(this, aimId, DEFAULT_REQUEST_SETTINGS)).organisationId
			: learnerId !== undefined
				? await learnerOrganisation.call(this, learnerId, DEFAULT_REQUEST_SETTINGS)
				: formId(this, 'organisationId');
	if (organisationId === undefined)
		throw new NodeOperationError(
			this.getNode(),
			'Pick the Learning Aim first: the statuses are its learner’s organisation’s',
		);
	const statuses = await runStatuses.call(
		this,
		organisationId,
		'LearningAimStatuses',
		DEFAULT_REQUEST_SETTINGS,
	);
	return filtered(
		statuses
			.filter((s) => typeof s.id === 'number')
			.map((s) => ({ name: s.name || `Status ${String(s.id)}`, value: String(s.id) })),
		filter,
	);
}

export async function searchVisitTypes(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	return filtered(
		VISIT_TYPES.map((t) => ({ name: t.name, value: String(t.id) })),
		filter,
	);
}
