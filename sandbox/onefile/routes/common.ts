/** Helpers the route files share: binding a body, paging, and reading path parameters. */
import { bindFields, objectBody, type Bound } from '../body';
import { ERROR_CODE, type FieldType } from '../contract';
import { oneViolation, violation } from '../errors';
import { rows, type Reply } from '../reply';
import type { RequestContext } from '../router';
import type { SandboxState } from '../state';

/** Binds the body against a field table and throws a 400 violation when anything is wrong. */
export function bindBody<K extends string>(ctx: RequestContext, fields: Readonly<Record<K, FieldType>>, state: SandboxState): Bound<K> {
	const bound = bindFields(fields, objectBody(ctx.body), { strict: state.settings.contract.strict, form: ctx.body.encoding === 'form' });
	if (bound.problems.length > 0) throw violation(400, bound.problems);
	return bound;
}

export function intParam(ctx: RequestContext, name: string): number {
	return Number(ctx.params[name]);
}

/**
 * `/Search/{page}/{size}` is 1-based [D]; without the segments every row comes back [C]. An empty
 * page, like an empty search, is 204 [C]. [G] Page or size below 1 is a 400; no maximum size is
 * known, so none is enforced.
 */
export function paged(ctx: RequestContext, list: unknown[]): Reply {
	if (ctx.params.page === undefined) return rows(list);
	const page = intParam(ctx, 'page');
	const size = intParam(ctx, 'size');
	if (page < 1 || size < 1) {
		throw oneViolation(400, { kind: 'rule', code: ERROR_CODE.InvalidPaging, message: `Page number and page size must be 1 or more (got ${page}/${size}); pages are 1-based` });
	}
	return rows(list.slice((page - 1) * size, page * size));
}

/** Case-insensitive "contains" for title and name filters ([G]: the real match rule is undocumented). */
export function contains(haystack: string, needle: unknown): boolean {
	return typeof needle !== 'string' || haystack.toLowerCase().includes(needle.toLowerCase());
}

/** Case-insensitive equality for user filters ([G]). */
export function sameText(value: unknown, filter: unknown): boolean {
	return typeof filter !== 'string' || (typeof value === 'string' && value.toLowerCase() === filter.toLowerCase());
}

/** Response datetimes: ISO with 'Z', or without it when the [G] option asks (clients must assume UTC). */
export function outDate(iso: unknown, state: SandboxState): unknown {
	if (typeof iso !== 'string') return iso;
	return state.settings.contract.responseDatesWithoutZone ? iso.replace(/Z$/, '') : iso;
}

/** Organisations of the token's customer (the sandbox has one customer). */
export function customerOrganisationIds(state: SandboxState): Set<number> {
	return new Set([...state.store.organisations.values()].filter((o) => o.CustomerID === state.store.customer.ID).map((o) => o.ID));
}

/**
 * The sandbox's LastModified: set to the server's clock (ms precision, UTC) by every create, update
 * and assignment that concerns the user. [G] OneFile documents neither what counts as a change nor
 * the precision; this is the sandbox's choice (README).
 */
export function touch(user: { LastModified: string }, state: SandboxState): void {
	user.LastModified = new Date(state.now()).toISOString();
}
