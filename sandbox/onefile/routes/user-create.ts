/** POST /User (docs/onefile-api.md §5): role-dependent mandatory and optional fields, Keychain answers. */
import { bindFields, objectBody } from '../body';
import {
	ERROR_CODE,
	fieldsAllowedOnCreate,
	isRoleId,
	MANDATORY_ON_CREATE,
	USER_FIELD_TYPES,
	type RoleId,
	type UserField,
} from '../contract';
import { ApiError, oneViolation, violation, type Problem } from '../errors';
import { bump } from '../log';
import { empty, json, type Reply } from '../reply';
import type { RequestContext } from '../router';
import { stampNow, type SandboxState } from '../state';
import type { SandboxUser } from '../types';
import { checkReferences, emailProblem, generatePassword, generateUsername } from './user-rules';

function validRole(role: unknown, problems: Problem[]): RoleId | undefined {
	if (role === undefined) {
		if (!problems.some((p) => p.field === 'Role')) {
			problems.push({ field: 'Role', kind: 'missing', code: ERROR_CODE.MissingField, message: 'Role is required' });
		}
		return undefined;
	}
	if (typeof role === 'number' && isRoleId(role)) return role;
	// [D] The API supports only roles 1, 4, 5, 10, 40 and 45.
	problems.push({ field: 'Role', kind: 'rule', code: ERROR_CODE.InvalidRole, message: `Role ${String(role)} is not supported; use 1, 4, 5, 10, 40 or 45` });
	return undefined;
}

export function createUser(ctx: RequestContext, state: SandboxState): Reply {
	const strict = state.settings.contract.strict;
	const bound = bindFields(USER_FIELD_TYPES, objectBody(ctx.body), { strict, form: ctx.body.encoding === 'form' });
	const problems: Problem[] = [...bound.problems];
	const values = bound.values;
	const role = validRole(values.Role, problems);

	if (role !== undefined) {
		const allowed = fieldsAllowedOnCreate(role);
		for (const field of bound.present) {
			if (allowed.has(field)) continue;
			if (strict) {
				problems.push({ field, kind: 'notAllowed', code: ERROR_CODE.FieldNotAllowed, message: `${field} is not a field of a role ${role} user` });
			}
			delete values[field]; // [G] outside strict mode the server is assumed to ignore it
		}
		for (const field of MANDATORY_ON_CREATE[role]) {
			if (values[field] === undefined && !problems.some((p) => p.field === field)) {
				problems.push({ field, kind: 'missing', code: ERROR_CODE.MissingField, message: `${field} is required for a role ${role} user` });
			}
		}
	}
	const badEmail = emailProblem(values, strict);
	if (badEmail) problems.push(badEmail);
	if (problems.length > 0 || role === undefined) throw violation(400, problems);

	const organisationId = values.OrganisationID as number;
	const organisation = state.store.organisations.get(organisationId);
	if (!organisation || organisation.CustomerID !== state.store.customer.ID) {
		throw oneViolation(400, { field: 'OrganisationID', kind: 'reference', code: ERROR_CODE.OrganisationNotFound, message: `Organisation ${organisationId} not found` });
	}
	checkReferences(values, organisationId, state);
	if (typeof values.Username === 'string' && state.store.usernameTaken(values.Username)) {
		throw new ApiError(400, ERROR_CODE.UsernameTaken, `Username '${values.Username}' is already in use`);
	}

	const user = storeUser(values, role, organisationId, state);
	ctx.createdId = user.ID;
	if (organisation.KeychainCreationForNewUserActive) {
		// [D] "only a 200 OK status"; [G] with an empty body.
		return empty(200);
	}
	// [D] UserID, username and password; [C] keys ID and Username; [G] Password.
	return json(200, { ID: user.ID, Username: user.Username, Password: generatePassword(state) });
}

function storeUser(values: Partial<Record<UserField, unknown>>, role: RoleId, organisationId: number, state: SandboxState): SandboxUser {
	const { store, log } = state;
	const now = stampNow(state);
	const firstName = values.FirstName as string;
	const lastName = values.LastName as string;
	const email = values.Email as string;
	// Not idempotent ([G], §3.9): count what a careless client would have duplicated.
	if (store.emailInOrganisation(organisationId, email)) log.counters.duplicates.byEmail++;
	const misid = values.MISID;
	if (typeof misid === 'string' && misid !== '' && store.misidInOrganisation(organisationId, misid)) log.counters.duplicates.byMisid++;
	const user: SandboxUser = {
		...(values as Record<string, string | number | boolean | string[]>),
		ID: store.nextUserId++,
		OrganisationID: organisationId,
		Role: role,
		Username: typeof values.Username === 'string' ? values.Username : generateUsername(firstName, lastName, state),
		FirstName: firstName,
		LastName: lastName,
		Email: email,
		CreatedOn: typeof values.CreatedOn === 'string' ? values.CreatedOn : now,
		LastModified: now,
	};
	store.addUser(user);
	log.counters.creates++;
	bump(log.counters.usersCreatedByRole, role);
	return user;
}
