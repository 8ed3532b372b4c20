/** GET /User/{id} and POST /User/Search[/{page}/{size}] (§4.1 [D], §7 [C]). */
import { normaliseDate, objectBody } from '../body';
import { ERROR_CODE, USER_SEARCH_FIELD_TYPES } from '../contract';
import { notFound } from '../errors';
import { json, type Reply } from '../reply';
import type { RequestContext } from '../router';
import type { SandboxState } from '../state';
import { bindBody, customerOrganisationIds, intParam, paged, putLastModified, sameText } from './common';
import { userView } from './user-rules';

export function getUser(ctx: RequestContext, state: SandboxState): Reply {
	const id = intParam(ctx, 'id');
	const user = state.store.users.get(id);
	if (!user) throw notFound(`User ${id}`, ERROR_CODE.NotFound);
	return json(200, userView(user, state));
}

/** The LastModified text the client sent, as sent (the binder normalises it), for the precision check. */
function rawSince(ctx: RequestContext): string | undefined {
	const body = objectBody(ctx.body);
	const key = Object.keys(body).find((k) => k.toLowerCase() === 'lastmodified');
	const value = key === undefined ? undefined : body[key];
	return typeof value === 'string' ? value.trim() : undefined;
}

/** A date-time given to whole seconds: no fraction, or only zeros after the point ([G]). */
function wholeSeconds(text: string | undefined): boolean {
	if (text === undefined) return false;
	const fraction = /T\d{2}:\d{2}(?::\d{2}(?:\.(\d+))?)?/.exec(text);
	return fraction !== null && (fraction[1] === undefined || /^0+$/.test(fraction[1]));
}

/**
 * "Modified since" as `contract.lastModifiedFilter` plays it ([G] all three): at or after (the
 * default), strictly after (per whole second when the given value has whole seconds, so a stamp
 * in the given second is not "after" it), or not applied at all.
 */
function modifiedSince(ctx: RequestContext, state: SandboxState, since: number | undefined): (stamp: string) => boolean {
	const mode = state.settings.contract.lastModifiedFilter;
	if (since === undefined || Number.isNaN(since) || mode === 'ignored') return () => true;
	const time = (stamp: string): number => Date.parse(normaliseDate(stamp) ?? stamp);
	if (mode === 'atOrAfter') return (stamp) => time(stamp) >= since;
	if (wholeSeconds(rawSince(ctx))) return (stamp) => Math.floor(time(stamp) / 1000) > Math.floor(since / 1000);
	return (stamp) => time(stamp) > since;
}

/**
 * Filters combine with AND. [G] Names, Email and MISID match whole values without case;
 * LastModified means "modified at or after" (`contract.lastModifiedFilter`). Rows are the documented
 * summary `{ID, FirstName, LastName, MISID}` for paged and unpaged searches alike: the only documented
 * example (S2, `User/Search/1/10`) is a paged call returning exactly these four fields, so a
 * client must fetch GET /User/{id} for anything else. `contract.searchRows: 'withLastModified'`
 * adds LastModified ([G], written as `contract.lastModifiedStyle` says). Ordered by ID.
 */
export function searchUsers(ctx: RequestContext, state: SandboxState): Reply {
	const { values: filter } = bindBody(ctx, USER_SEARCH_FIELD_TYPES, state);
	const organisations = customerOrganisationIds(state);
	const since = typeof filter.LastModified === 'string' ? Date.parse(filter.LastModified) : undefined;
	const changedSince = modifiedSince(ctx, state, since);
	const withLastModified = state.settings.contract.searchRows === 'withLastModified';
	const list = [...state.store.users.values()]
		.filter((u) => organisations.has(u.OrganisationID))
		.filter((u) => filter.OrganisationID === undefined || u.OrganisationID === filter.OrganisationID)
		.filter((u) => filter.Role === undefined || u.Role === filter.Role)
		.filter((u) => sameText(u.FirstName, filter.FirstName) && sameText(u.LastName, filter.LastName))
		.filter((u) => sameText(u.Email, filter.Email) && sameText(u.MISID, filter.MISID))
		.filter((u) => changedSince(u.LastModified))
		.sort((a, b) => a.ID - b.ID)
		.map((u) => {
			const row: Record<string, unknown> = { ID: u.ID, FirstName: u.FirstName, LastName: u.LastName, MISID: u.MISID ?? null };
			if (withLastModified) putLastModified(row, u.LastModified, state);
			return row;
		});
	return paged(ctx, list);
}
