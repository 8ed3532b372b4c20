/** Helpers the route files share: binding a body, paging, and reading path parameters. */
import { bindFields, objectBody, type Bound } from '../body';
import { ERROR_CODE, type FieldType } from '../contract';
import { oneViolation, violation } from '../errors';
import { bump } from '../log';
import { empty, json, rows, type Reply } from '../reply';
import type { RequestContext } from '../router';
import { stampNow, type SandboxState } from '../state';
import type { SandboxUser } from '../types';

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
 * The sandbox's LastModified: set to OneFile's clock (`contract.clockOffsetMs`, UTC, precision per
 * `contract.stampPrecision`, ms by default) by every create, update and assignment that concerns the
 * user. [G] OneFile documents neither what counts as a change nor the precision; this is the
 * sandbox's choice (README).
 */
export function touch(record: { LastModified?: string }, state: SandboxState): void {
	record.LastModified = stampNow(state);
}

/** Marker for "leave LastModified out of the answer" (`contract.lastModifiedStyle: 'missing'`). */
export const OMIT = Symbol('omit');

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * LastModified as answers write it ([G] `contract.lastModifiedStyle`): ISO (through outDate), .NET's
 * empty DateTime, a UK 'dd/mm/yyyy HH:MM:SS' in UTC, or OMIT (the field is left out).
 */
export function outLastModified(iso: unknown, state: SandboxState): unknown {
	const style = state.settings.contract.lastModifiedStyle;
	if (style === 'missing') return OMIT;
	if (style === 'dotnetEmpty') return '0001-01-01T00:00:00';
	if (style === 'ukDate' && typeof iso === 'string' && !Number.isNaN(Date.parse(iso))) {
		const d = new Date(Date.parse(iso));
		return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
	}
	return outDate(iso, state);
}

/** Sets `LastModified` on an answer object as the style says (or leaves it out). */
export function putLastModified(target: Record<string, unknown>, iso: unknown, state: SandboxState): void {
	const value = outLastModified(iso, state);
	if (value === OMIT) delete target.LastModified;
	else target.LastModified = value;
}

/**
 * What a placement or classroom create answers ([G] `contract.createAnswer`): the new ID as a bare
 * integer (default), `{ID}`, 200 with an empty body, or 204.
 */
export function createdAnswer(id: number, state: SandboxState): Reply {
	switch (state.settings.contract.createAnswer) {
		case 'object':
			return json(200, { ID: id });
		case 'empty':
			return empty(200);
		case 'noContent':
			return empty(204);
		case 'bareId':
			return json(200, id);
	}
}

/** What a placement, classroom or learning aim update answers ([G] `contract.updateAnswer`): 204 (default, as POST /User/{id} [C]) or 200 empty. */
export function updatedAnswer(state: SandboxState): Reply {
	return empty(state.settings.contract.updateAnswer === 'ok' ? 200 : 204);
}

/** Counts a stored create and puts its ID in the request log. */
export function recordCreate(ctx: RequestContext, state: SandboxState, resource: string, id: number): void {
	bump(state.log.counters.createsByResource, resource);
	ctx.createdId = id;
}

/** Counts a successful update and puts the changed fields in the request log. */
export function recordUpdate(ctx: RequestContext, state: SandboxState, resource: string, changed: string[]): void {
	bump(state.log.counters.updatesByResource, resource);
	ctx.changedFields = changed;
}

/** Stored and sent values compare exactly; date-times by the moment. */
export function sameStoredValue(type: FieldType | undefined, stored: unknown, sent: unknown): boolean {
	if (type === 'datetime' && typeof stored === 'string' && typeof sent === 'string') return Date.parse(stored) === Date.parse(sent);
	return stored === sent;
}

/** A learner of the token's customer, for bodies that name one (`LearnerID`): 400 otherwise ([G]). */
export function learnerInBody(state: SandboxState, id: number): SandboxUser {
	const user = state.store.users.get(id);
	if (!user || !customerOrganisationIds(state).has(user.OrganisationID) || user.Role !== 1) {
		throw oneViolation(400, { field: 'LearnerID', kind: 'reference', code: ERROR_CODE.LearnerInvalid, message: `LearnerID ${id} is not a learner of this customer` });
	}
	return user;
}
