import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ONEFILE_LISTS, searchPage } from '../../transport/paging';
import type { RequestSettings } from '../../transport/settings';

export type MatchBy = 'email' | 'misId';

export const MATCH_FIELDS: Record<MatchBy, { apiName: 'Email' | 'MISID'; label: string }> = {
	email: { apiName: 'Email', label: 'email' },
	misId: { apiName: 'MISID', label: 'MIS ID' },
};

/** Enough rows to see that a match is not unique, and to re-check partial matches. */
const MATCH_PAGE = 10;

/**
 * Users of the body's organisation and role whose email or MIS ID is the body's. The search
 * filter does the matching ([G] OneFile's rules are undocumented); where a row carries the field
 * (MIS ID is in every row) it is compared again, exactly but for case, so a partial match at
 * OneFile never counts. Rows come back as OneFile sent them: check an ID before using it.
 */
export async function findMatchingUsers(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
	matchBy: MatchBy,
	body: IDataObject,
): Promise<IDataObject[]> {
	const { apiName, label } = MATCH_FIELDS[matchBy];
	const wanted = String(body[apiName]).trim().toLowerCase();
	const filters = {
		OrganisationID: body.OrganisationID,
		Role: body.Role,
		[apiName]: body[apiName],
	};
	const { rows } = await searchPage.call(this, ONEFILE_LISTS.user, filters, 1, MATCH_PAGE, {
		settings,
		itemIndex,
		action: `look for an existing user with this ${label}`,
	});
	return rows.filter(
		(row) =>
			row[apiName] === undefined ||
			String(row[apiName] ?? '')
				.trim()
				.toLowerCase() === wanted,
	);
}
