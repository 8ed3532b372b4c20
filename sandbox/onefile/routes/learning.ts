/**
 * Learning assigns (docs/onefile-api.md §4.4): a standard (answers the new LearningAim ID as a bare
 * integer [C]), a unit under a standard [C], and a framework template (204 [C]). All IDs travel
 * in the path; a body, if any, is ignored.
 */
import { ERROR_CODE, ROLE } from '../contract';
import { notFound, oneViolation } from '../errors';
import { empty, json, type Reply } from '../reply';
import { route, type RequestContext, type Route } from '../router';
import type { SandboxState } from '../state';
import type { SandboxUser } from '../types';
import { intParam, touch } from './common';

function learnerOr4xx(state: SandboxState, id: number): SandboxUser {
	const user = state.store.users.get(id);
	if (!user) throw notFound(`User ${id}`, ERROR_CODE.NotFound);
	if (user.Role !== ROLE.Learner) {
		throw oneViolation(400, { kind: 'rule', code: ERROR_CODE.AssignNotALearner, message: `User ${id} is not a learner (role ${user.Role})` });
	}
	return user;
}

function standardFor(state: SandboxState, standardId: number, learner: SandboxUser): void {
	const standard = state.store.standards.get(standardId);
	if (!standard) throw notFound(`Standard ${standardId}`, ERROR_CODE.StandardNotFound);
	if (!standard.OrganisationIDs.includes(learner.OrganisationID)) {
		throw oneViolation(400, { kind: 'reference', code: ERROR_CODE.StandardNotFound, message: `Standard ${standardId} is not assigned to organisation ${learner.OrganisationID}` });
	}
}

/** [G] Every call makes a new learning aim, like every POST /User makes a new user. */
function assignStandard(ctx: RequestContext, state: SandboxState): Reply {
	const learner = learnerOr4xx(state, intParam(ctx, 'learnerId'));
	const standardId = intParam(ctx, 'standardId');
	standardFor(state, standardId, learner);
	const aim = state.store.addLearningAim({ UserID: learner.ID, StandardID: standardId, Status: 1, UnitIDs: [] });
	touch(learner, state);
	state.log.counters.learningAssigns++;
	return json(200, aim.ID);
}

/** [D] S5: standards first, then units, so the learner must already hold the standard ([G] 400 otherwise). */
function assignUnit(ctx: RequestContext, state: SandboxState): Reply {
	const code = ctx.params.unitId ?? '';
	const unit = state.store.unit(code);
	if (!unit) throw notFound(`Unit '${code}'`, ERROR_CODE.UnitNotFound);
	const learner = learnerOr4xx(state, intParam(ctx, 'learnerId'));
	const standardId = intParam(ctx, 'standardId');
	standardFor(state, standardId, learner);
	if (unit.StandardID !== standardId) {
		throw oneViolation(400, { kind: 'rule', code: ERROR_CODE.UnitNotInStandard, message: `Unit '${unit.ID}' does not belong to standard ${standardId}` });
	}
	const aim = state.store.aimsFor(learner.ID, standardId)[0];
	if (!aim) {
		throw oneViolation(400, { kind: 'rule', code: ERROR_CODE.StandardNotAssigned, message: `Learner ${learner.ID} has no learning aim for standard ${standardId}; assign the standard first` });
	}
	if (!aim.UnitIDs.includes(unit.ID)) aim.UnitIDs.push(unit.ID);
	touch(learner, state);
	state.log.counters.learningAssigns++;
	// [G] The answer is undocumented: 200 with an empty body.
	return empty(200);
}

/**
 * [D] A template creates its learning aims and unit summaries. onlyChangeAssigned = true only
 * touches aims the learner already has ([D] S6 for the UI option; [G] for the API).
 */
function assignFrameworkTemplate(ctx: RequestContext, state: SandboxState): Reply {
	const templateId = intParam(ctx, 'id');
	const template = state.store.frameworkTemplates.get(templateId);
	if (!template) throw notFound(`FrameworkTemplate ${templateId}`, ERROR_CODE.FrameworkTemplateNotFound);
	const learner = learnerOr4xx(state, intParam(ctx, 'userId'));
	if (template.OrganisationID !== learner.OrganisationID) {
		throw oneViolation(400, { kind: 'reference', code: ERROR_CODE.FrameworkTemplateNotFound, message: `FrameworkTemplate ${templateId} belongs to another organisation` });
	}
	const onlyChangeAssigned = (ctx.params.onlyChangeAssigned ?? '').toLowerCase() === 'true';
	for (const standardId of template.StandardIDs) {
		const existing = state.store.aimsFor(learner.ID, standardId);
		const units = [...state.store.units.values()].filter((u) => u.StandardID === standardId).map((u) => u.ID);
		if (existing.length > 0) {
			for (const aim of existing) {
				aim.FrameworkTemplateID = templateId;
				if (!onlyChangeAssigned) aim.UnitIDs = units;
			}
		} else if (!onlyChangeAssigned) {
			state.store.addLearningAim({ UserID: learner.ID, StandardID: standardId, Status: 1, UnitIDs: units, FrameworkTemplateID: templateId });
		}
	}
	touch(learner, state);
	state.log.counters.learningAssigns++;
	return empty(204);
}

export const learningRoutes: Route[] = [
	route('POST', 'Standard/{standardId:int}/Assign/{learnerId:int}', assignStandard),
	route('POST', 'Unit/{unitId}/Assign/{learnerId:int}/{standardId:int}', assignUnit),
	route('POST', 'FrameworkTemplate/{id:int}/Assign/{userId:int}/{onlyChangeAssigned:bool}', assignFrameworkTemplate),
];
