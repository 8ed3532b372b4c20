/** Checks shared by user create and update: references to other records, and the email shape. */
import type { BoundValue } from '../body';
import { isPlausibleEmail } from '../body';
import { DEFAULT_ASSESSOR_ROLES, DEFAULT_EMPLOYER_ROLES, ERROR_CODE, USER_FIELD_TYPES, type RoleId, type UserField } from '../contract';
import { oneViolation, type Problem } from '../errors';
import type { SandboxState } from '../state';
import type { SandboxUser } from '../types';
import { outDate, putLastModified } from './common';

type Values = Partial<Record<UserField, BoundValue>>;

function referenceError(field: UserField, code: number, message: string): never {
	throw oneViolation(400, { field, kind: 'reference', code, message });
}

function userWithRole(state: SandboxState, id: number, organisationId: number, roles: readonly RoleId[]): boolean {
	const user = state.store.users.get(id);
	return user !== undefined && user.OrganisationID === organisationId && (roles as readonly number[]).includes(user.Role);
}

/**
 * Every ID the body names must exist in the user's organisation. -57 and -58 are OneFile's own
 * codes [C]; the other checks and codes are the sandbox's [G].
 */
export function checkReferences(values: Values, organisationId: number, state: SandboxState): void {
	const { store } = state;
	const id = (field: UserField): number | undefined => (typeof values[field] === 'number' ? (values[field] as number) : undefined);
	const placement = id('PlacementID');
	if (placement !== undefined && store.placements.get(placement)?.OrganisationID !== organisationId) {
		referenceError('PlacementID', ERROR_CODE.PlacementNotFound, `Placement ${placement} not found in organisation ${organisationId}`);
	}
	const classroom = id('ClassroomID');
	if (classroom !== undefined && store.classrooms.get(classroom)?.OrganisationID !== organisationId) {
		referenceError('ClassroomID', ERROR_CODE.ClassroomNotFound, `Classroom ${classroom} not found in organisation ${organisationId}`);
	}
	const assessor = id('DefaultAssessorID');
	if (assessor !== undefined && !userWithRole(state, assessor, organisationId, DEFAULT_ASSESSOR_ROLES)) {
		referenceError('DefaultAssessorID', ERROR_CODE.DefaultAssessorInvalid, `DefaultAssessorID ${assessor} is not an Assessor or Trainee Assessor in organisation ${organisationId}`);
	}
	const employer = id('DefaultEmployerID');
	if (employer !== undefined && !userWithRole(state, employer, organisationId, DEFAULT_EMPLOYER_ROLES)) {
		referenceError('DefaultEmployerID', ERROR_CODE.DefaultEmployerInvalid, `DefaultEmployerID ${employer} is not an Employer in organisation ${organisationId}`);
	}
	const provider = id('ProviderID');
	if (provider !== undefined && store.providers.get(provider)?.OrganisationID !== organisationId) {
		referenceError('ProviderID', ERROR_CODE.ProviderNotFound, `Provider ${provider} not found in organisation ${organisationId}`);
	}
	const status = id('LearnerStatusID');
	if (status !== undefined && store.learnerStatuses.get(status)?.OrganisationID !== organisationId) {
		referenceError('LearnerStatusID', ERROR_CODE.LearnerStatusNotFound, `LearnerStatusID ${status} is not a learner status of organisation ${organisationId}`);
	}
}

/** Strict mode only ([G]): OneFile's own email rule is not documented. */
export function emailProblem(values: Values, strict: boolean): Problem | undefined {
	const email = values.Email;
	if (!strict || typeof email !== 'string' || isPlausibleEmail(email)) return undefined;
	return { field: 'Email', kind: 'format', code: ERROR_CODE.InvalidFormat, message: `Email '${email}' is not a valid email address` };
}

/** A username OneFile might pick ([G]): initial + last name, numbered when taken. */
export function generateUsername(first: string, last: string, state: SandboxState): string {
	const stem = `${first.slice(0, 1)}${last}`.toLowerCase().replace(/[^a-z0-9]/g, '') || 'user';
	let candidate = stem;
	for (let n = 2; state.store.usernameTaken(candidate); n++) candidate = `${stem}${n}`;
	return candidate;
}

/** [G] A 12-character password from the seeded stream, so a reseeded run gives the same one. */
export function generatePassword(state: SandboxState): string {
	const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
	let password = '';
	for (let i = 0; i < 12; i++) password += alphabet[Math.floor(state.dataRandom() * alphabet.length)];
	return password;
}

/**
 * GET /User/{id}: every stored field plus ID, Username, Role, OrganisationID and LastModified
 * ([C] C3/C4 store the whole object). [G] Unset fields come back as null, as an ASP.NET DTO would.
 */
export function userView(user: SandboxUser, state: SandboxState): Record<string, unknown> {
	const view: Record<string, unknown> = { ID: user.ID, Username: user.Username, Role: user.Role, OrganisationID: user.OrganisationID };
	for (const field of Object.keys(USER_FIELD_TYPES) as UserField[]) {
		const value = user[field];
		view[field] = value === undefined ? null : USER_FIELD_TYPES[field] === 'datetime' ? outDate(value, state) : value;
	}
	putLastModified(view, user.LastModified, state);
	for (const field of state.settings.contract.getUserOmits) delete view[field];
	return view;
}
