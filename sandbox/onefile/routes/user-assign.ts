/**
 * POST /User/{id}/Assign (docs/onefile-api.md §6.2). Body `{LearnerID, Level, StandardID? | UnitID?}` [D].
 * Whose ID is in the path is disputed: client code puts the assignee there [C], the 2026 doc says
 * the learner. `contract.assignPathId` picks; in 'learner' mode the assignee comes from `UserID` [G].
 */
import {
	ASSIGN_FIELD_TYPES,
	ASSIGN_LEVELS,
	ERROR_CODE,
	isAssignLevel,
	rolesForLevel,
	ROLE,
	type AssignLevel,
} from '../contract';
import { notFound, oneViolation, violation, type Problem } from '../errors';
import { empty, type Reply } from '../reply';
import type { RequestContext } from '../router';
import type { SandboxState } from '../state';
import type { SandboxAssignment, SandboxUser } from '../types';
import { bindBody, intParam, touch } from './common';

type AssignField = keyof typeof ASSIGN_FIELD_TYPES;

function missing(field: AssignField, why: string): Problem {
	return { field, kind: 'missing', code: ERROR_CODE.MissingField, message: `${field} is required ${why}` };
}

function shapeProblems(values: Partial<Record<AssignField, unknown>>, present: AssignField[], state: SandboxState): Problem[] {
	const { strict, assignPathId } = state.settings.contract;
	const problems: Problem[] = [];
	if (values.LearnerID === undefined && assignPathId === 'assignee') problems.push(missing('LearnerID', 'to assign a user to a learner'));
	if (assignPathId === 'learner' && values.UserID === undefined) problems.push(missing('UserID', "(the assignee) when the path holds the learner's ID"));
	if (assignPathId === 'assignee' && present.includes('UserID') && strict) {
		problems.push({ field: 'UserID', kind: 'unknownKey', code: ERROR_CODE.UnknownField, message: 'UserID is not a field of Assign; the assignee is the user in the path' });
	}
	const level = values.Level;
	if (level === undefined) {
		problems.push(missing('Level', '(1 Additional, 2 Unit Summary, 3 Learning Aim)'));
		return problems;
	}
	if (typeof level !== 'number' || !isAssignLevel(level)) {
		problems.push({ field: 'Level', kind: 'rule', code: ERROR_CODE.AssignLevelInvalid, message: `Level ${String(level)} is not valid; use 1, 2 or 3` });
		return problems;
	}
	const needed = ASSIGN_LEVELS[level].extraField;
	if (needed !== undefined && values[needed] === undefined) problems.push(missing(needed, `for Level ${level} (${ASSIGN_LEVELS[level].name})`));
	for (const extra of ['StandardID', 'UnitID'] as const) {
		if (extra !== needed && present.includes(extra) && strict) {
			problems.push({ field: extra, kind: 'notAllowed', code: ERROR_CODE.FieldNotAllowed, message: `${extra} does not belong to a Level ${level} (${ASSIGN_LEVELS[level].name}) assignment` });
		}
	}
	return problems;
}

function rule(field: AssignField | undefined, code: number, message: string, kind: Problem['kind'] = 'rule'): never {
	throw oneViolation(400, { ...(field ? { field } : {}), kind, code, message });
}

function bodyUser(state: SandboxState, field: AssignField, id: number): SandboxUser {
	const user = state.store.users.get(id);
	if (!user) rule(field, ERROR_CODE.NotFound, `${field} ${id}: user not found`, 'reference');
	return user;
}

export function assignUser(ctx: RequestContext, state: SandboxState): Reply {
	const pathId = intParam(ctx, 'id');
	const pathUser = state.store.users.get(pathId);
	if (!pathUser) throw notFound(`User ${pathId}`, ERROR_CODE.NotFound);
	const { values, present } = bindBody(ctx, ASSIGN_FIELD_TYPES, state);
	const problems = shapeProblems(values, present, state);
	if (problems.length > 0) throw violation(400, problems);
	const level = values.Level as AssignLevel;
	const { strict, assignPathId, traineeAssessorAssignable } = state.settings.contract;

	let assignee: SandboxUser;
	let learner: SandboxUser;
	if (assignPathId === 'assignee') {
		assignee = pathUser;
		learner = bodyUser(state, 'LearnerID', values.LearnerID as number);
	} else {
		learner = pathUser;
		if (values.LearnerID !== undefined && values.LearnerID !== pathId && strict) {
			rule('LearnerID', ERROR_CODE.AssignNotALearner, `LearnerID ${String(values.LearnerID)} differs from the learner ${pathId} in the path`);
		}
		assignee = bodyUser(state, 'UserID', values.UserID as number);
	}
	if (learner.Role !== ROLE.Learner) {
		rule(assignPathId === 'assignee' ? 'LearnerID' : undefined, ERROR_CODE.AssignNotALearner, `User ${learner.ID} is not a learner (role ${learner.Role})`);
	}
	const allowedRoles: readonly number[] = rolesForLevel(level, traineeAssessorAssignable);
	if (!allowedRoles.includes(assignee.Role)) {
		// [G] The docs list the roles per level but not what the server does with another role.
		rule(undefined, ERROR_CODE.AssignRoleNotAllowed, `A role ${assignee.Role} user cannot be assigned at Level ${level} (${ASSIGN_LEVELS[level].name}); allowed roles: ${allowedRoles.join(', ')}`);
	}
	if (assignee.OrganisationID !== learner.OrganisationID) {
		rule(undefined, ERROR_CODE.DifferentOrganisation, `User ${assignee.ID} and learner ${learner.ID} are in different organisations`);
	}

	const assignment: SandboxAssignment = { assigneeId: assignee.ID, learnerId: learner.ID, level, at: state.now() };
	if (level === 3) {
		const standard = state.store.standards.get(values.StandardID as number);
		if (!standard || !standard.OrganisationIDs.includes(learner.OrganisationID)) {
			rule('StandardID', ERROR_CODE.StandardNotFound, `Standard ${String(values.StandardID)} not found in organisation ${learner.OrganisationID}`, 'reference');
		}
		assignment.standardId = standard.ID;
	}
	if (level === 2) {
		const unit = state.store.unit(values.UnitID as string);
		if (!unit || !state.store.standards.get(unit.StandardID)?.OrganisationIDs.includes(learner.OrganisationID)) {
			rule('UnitID', ERROR_CODE.UnitNotFound, `Unit '${String(values.UnitID)}' not found in organisation ${learner.OrganisationID}`, 'reference');
		}
		assignment.unitId = unit.ID;
	}
	// [G] Assigning the same user twice is accepted and recorded once.
	const exists = state.store.assignments.some(
		(a) => a.assigneeId === assignment.assigneeId && a.learnerId === assignment.learnerId && a.level === level && a.standardId === assignment.standardId && a.unitId === assignment.unitId,
	);
	if (!exists) state.store.assignments.push(assignment);
	touch(learner, state);
	state.log.counters.assigns++;
	// [G] The answer is undocumented (C6 ignores it): 200 with an empty body.
	return empty(200);
}
