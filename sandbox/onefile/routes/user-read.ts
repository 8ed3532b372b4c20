/** GET /User/{id} and POST /User/Search[/{page}/{size}] (§4.1 [D], §7 [C]). */
import { normaliseDate } from '../body';
import { ERROR_CODE, USER_SEARCH_FIELD_TYPES } from '../contract';
import { notFound } from '../errors';
import { json, type Reply } from '../reply';
import type { RequestContext } from '../router';
import type { SandboxState } from '../state';
import { bindBody, customerOrganisationIds, intParam, paged, sameText } from './common';
import { userView } from './user-rules';

export function getUser(ctx: RequestContext, state: SandboxState): Reply {
	const id = intParam(ctx, 'id');
	const user = state.store.users.get(id);
	if (!user) throw notFound(`User ${id}`, ERROR_CODE.NotFound);
	return json(200, userView(user, state));
}

/**
 * Filters combine with AND. [G] Names, Email and MISID match whole values without case;
 * LastModified means "modified at or after". Rows are the documented summary
 * `{ID, FirstName, LastName, MISID}` for paged and unpaged searches alike: the only documented
 * example (S2, `User/Search/1/10`) is a paged call returning exactly these four fields, so a
 * client must fetch GET /User/{id} for anything else. Ordered by ID.
 */
export function searchUsers(ctx: RequestContext, state: SandboxState): Reply {
	const { values: filter } = bindBody(ctx, USER_SEARCH_FIELD_TYPES, state);
	const organisations = customerOrganisationIds(state);
	const since = typeof filter.LastModified === 'string' ? Date.parse(filter.LastModified) : undefined;
	const list = [...state.store.users.values()]
		.filter((u) => organisations.has(u.OrganisationID))
		.filter((u) => filter.OrganisationID === undefined || u.OrganisationID === filter.OrganisationID)
		.filter((u) => filter.Role === undefined || u.Role === filter.Role)
		.filter((u) => sameText(u.FirstName, filter.FirstName) && sameText(u.LastName, filter.LastName))
		.filter((u) => sameText(u.Email, filter.Email) && sameText(u.MISID, filter.MISID))
		.filter((u) => since === undefined || Date.parse(normaliseDate(u.LastModified) ?? u.LastModified) >= since)
		.sort((a, b) => a.ID - b.ID)
		.map((u) => ({ ID: u.ID, FirstName: u.FirstName, LastName: u.LastName, MISID: u.MISID ?? null }));
	return paged(ctx, list);
}
