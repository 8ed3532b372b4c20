import type { IDataObject } from 'n8n-workflow';

import type { Problem } from '../../shared/checks/problems';
import { isBlank, normaliseValue } from '../../shared/checks/values';
import {
	allowedFields,
	requiredFields,
	ROLES,
	updatableFields,
	USER_FIELDS,
	type Role,
	type UserField,
} from '../descriptions/roles';

/** The checked body of a OneFile user request, and every problem found on the way. Pure. */
export interface BodyResult {
	body: IDataObject;
	problems: Problem[];
}

const BY_PARAM = new Map(USER_FIELDS.map((f) => [f.param, f]));

function addValue(body: IDataObject, problems: Problem[], field: UserField, raw: unknown): void {
	const result = normaliseValue(field.kind, raw, 'OneFile');
	if (result.ok) body[field.apiName] = result.value;
	else problems.push({ field: field.displayName, problem: result.problem, fix: result.fix });
}

/**
 * The body of `POST /User` for a role, checked against the role table: every mandatory field
 * present and well-formed, every optional field one the role may send. Blank optional fields are
 * left out rather than sent empty (whether '' overwrites a value at OneFile is unknown).
 */
export function createUserBody(
	role: Role,
	required: Record<string, unknown>,
	additional: IDataObject,
): BodyResult {
	const body: IDataObject = { Role: ROLES[role].id };
	const problems: Problem[] = [];
	const roleName = ROLES[role].name;
	for (const field of requiredFields(role)) {
		const raw = required[field.param];
		if (isBlank(raw)) {
			problems.push({
				field: field.displayName,
				problem: 'is missing',
				fix: `A ${roleName} must have a ${field.displayName}: fill it in, or map a column that has it on every row`,
			});
		} else {
			addValue(body, problems, field, raw);
		}
	}
	const allowed = new Set(allowedFields(role).map((f) => f.param));
	for (const [param, raw] of Object.entries(additional)) {
		const field = BY_PARAM.get(param);
		if (!field || !allowed.has(param) || field.requiredFor.includes(role)) {
			problems.push({
				field: field?.displayName ?? param,
				problem: `does not apply to a ${roleName}`,
				fix: `Remove it from Additional Fields (OneFile only takes it for ${rolesOf(field)})`,
			});
			continue;
		}
		if (!isBlank(raw)) addValue(body, problems, field, raw);
	}
	return { body, problems };
}

const UPDATABLE = new Set(updatableFields().map((f) => f.param));

/** The body of `POST /User/{id}`: only the fields being changed, each well-formed and updatable. */
export function updateUserBody(updates: IDataObject): BodyResult {
	const body: IDataObject = {};
	const problems: Problem[] = [];
	for (const [param, raw] of Object.entries(updates)) {
		const field = BY_PARAM.get(param);
		if (!field || !UPDATABLE.has(param)) {
			problems.push({
				field: field?.displayName ?? param,
				problem: 'is not a field that can be updated',
				fix: 'Remove it from Update Fields',
			});
		} else if (!isBlank(raw)) {
			addValue(body, problems, field, raw);
		}
	}
	return { body, problems };
}

/** What an update may send of a create's body: where the user lives (role, organisation) stays. */
export function updatablePart(body: IDataObject): IDataObject {
	const updatable = new Set(updatableFields().map((f) => f.apiName));
	return Object.fromEntries(Object.entries(body).filter(([key]) => updatable.has(key)));
}

function rolesOf(field: UserField | undefined): string {
	if (!field) return 'no role';
	const roles = [...new Set([...field.requiredFor, ...field.optionalFor])];
	return roles.length ? roles.map((r) => ROLES[r].name).join(', ') : 'no role';
}
