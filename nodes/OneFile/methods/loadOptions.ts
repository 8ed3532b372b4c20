import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { idFromAnswer } from '../../shared/checks/values';
import { runStatuses } from '../actions/statuses';
import { DEFAULT_REQUEST_SETTINGS } from '../transport/settings';

/** The organisation picked above, when the form holds a whole-number ID (else no list yet). */
function organisationOf(context: ILoadOptionsFunctions): number | undefined {
	try {
		const raw = context.getNodeParameter('organisationId', undefined, { extractValue: true });
		return idFromAnswer(typeof raw === 'string' ? raw.trim() : raw);
	} catch {
		return undefined; // the operation has no organisation field (User → Update)
	}
}

/** Dropdowns inside collections (Additional Fields, Update Fields), where a resource locator cannot go. */
export const loadOptions = {
	/** The organisation's learner statuses ([C] one unpaged GET): the names a sheet may also give. */
	async getLearnerStatuses(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const organisationId = organisationOf(this);
		if (organisationId === undefined) return [];
		const statuses = await runStatuses.call(
			this,
			organisationId,
			'LearnerStatuses',
			DEFAULT_REQUEST_SETTINGS,
		);
		return statuses.flatMap((status) =>
			status.id === undefined ? [] : [{ name: status.name, value: status.id }],
		);
	},
};
