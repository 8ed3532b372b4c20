/** POST /User/{id}: partial update, 204 on success ([D] partial semantics; [C] C2 for the 204). */
import { bindFields, objectBody } from '../body';
import { ERROR_CODE, fieldsAllowedOnUpdate, isRoleId, MANDATORY_ON_CREATE, USER_FIELD_TYPES, type UserField } from '../contract';
import { ApiError, notFound, violation, type Problem } from '../errors';
import { empty, type Reply } from '../reply';
import type { RequestContext } from '../router';
import type { SandboxState } from '../state';
import { intParam, touch } from './common';
import { checkReferences, emailProblem } from './user-rules';

/** [G] Moving a user to another role or organisation through update is undocumented: only unchanged values pass. */
const FIXED_ON_UPDATE: readonly UserField[] = ['Role', 'OrganisationID', 'ID'];

/** Stored and sent values compare exactly (text with its case; lists item by item; date-times by the moment). */
function sameValue(field: string, stored: unknown, sent: unknown): boolean {
	if (USER_FIELD_TYPES[field as UserField] === 'datetime' && typeof stored === 'string' && typeof sent === 'string') return Date.parse(stored) === Date.parse(sent);
	if (Array.isArray(stored) && Array.isArray(sent)) return stored.length === sent.length && stored.every((item, i) => item === sent[i]);
	return stored === sent;
}

export function updateUser(ctx: RequestContext, state: SandboxState): Reply {
	const id = intParam(ctx, 'id');
	const user = state.store.users.get(id);
	if (!user) throw notFound(`User ${id}`, ERROR_CODE.NotFound);
	const strict = state.settings.contract.strict;
	const bound = bindFields(USER_FIELD_TYPES, objectBody(ctx.body), { strict, form: ctx.body.encoding === 'form' });
	const problems: Problem[] = [...bound.problems];
	const values = bound.values;
	const role = isRoleId(user.Role) ? user.Role : 1;
	const allowed = fieldsAllowedOnUpdate(role);
	const mandatory = new Set<UserField>(MANDATORY_ON_CREATE[role]);

	for (const field of bound.present) {
		if (!allowed.has(field)) {
			if (strict) problems.push({ field, kind: 'notAllowed', code: ERROR_CODE.FieldNotAllowed, message: `${field} is not a field of a role ${role} user` });
			delete values[field];
			bound.nulls.delete(field);
			continue;
		}
		if (FIXED_ON_UPDATE.includes(field)) {
			const current = field === 'ID' ? user.ID : user[field];
			if (values[field] !== undefined && values[field] !== current && strict) {
				problems.push({ field, kind: 'rule', code: ERROR_CODE.FieldNotAllowed, message: `${field} cannot be changed by an update (it is ${String(current)})` });
			}
			delete values[field];
			bound.nulls.delete(field);
		}
	}
	const badEmail = emailProblem(values, strict);
	if (badEmail) problems.push(badEmail);
	if (problems.length > 0) throw violation(400, problems);

	checkReferences(values, user.OrganisationID, state);
	const username = values.Username;
	if (typeof username === 'string' && username.toLowerCase() !== user.Username.toLowerCase() && state.store.usernameTaken(username)) {
		throw new ApiError(400, ERROR_CODE.UsernameTaken, `Username '${username}' is already in use`);
	}

	const changed: string[] = [];
	for (const [field, value] of Object.entries(values)) {
		if (value === undefined) continue;
		if (!sameValue(field, user[field], value)) changed.push(field);
		user[field] = value;
	}
	// [G] Outside strict mode a null clears an optional field; mandatory fields keep their value.
	for (const field of bound.nulls) {
		if (mandatory.has(field)) continue;
		if (user[field] !== undefined) changed.push(field);
		Reflect.deleteProperty(user, field);
	}
	state.store.userChanged();
	// [G] `contract.stampUnchangedWrites`: whether a write that changed nothing still counts as a change.
	if (changed.length > 0 || state.settings.contract.stampUnchangedWrites) touch(user, state);
	const { counters } = state.log;
	counters.updates++;
	if (changed.length > 0) counters.updatesThatChanged++;
	else counters.updatesThatChangedNothing++;
	ctx.changedFields = changed;
	return empty(204);
}
