/**
 * `POST /LearningAim/{id}` (docs/onefile-api.md §7 [C] C2, sunsis-core's pushLearningAimsInformation):
 * a partial update of a learning aim's dates, status and registration. [G] Only the fields sent
 * change; ID and UserID may be sent but must name this aim and its learner; Status must be one of the
 * learner's organisation's learning aim statuses (`GET /Organisation/{id}/LearningAimStatuses`); the
 * aim's LastModified is stamped (as `contract.stampUnchangedWrites` says for a write that changed
 * nothing). What it answers is `contract.updateAnswer`.
 */
import { bindFields, objectBody } from '../body';
import { ERROR_CODE, LEARNING_AIM_UPDATE_FIELD_TYPES } from '../contract';
import { notFound, oneViolation, violation, type Problem } from '../errors';
import type { Reply } from '../reply';
import { route, type RequestContext, type Route } from '../router';
import type { SandboxState } from '../state';
import { customerOrganisationIds, intParam, recordUpdate, sameStoredValue, touch, updatedAnswer } from './common';

/** Fields a null may not clear (outside strict mode): the aim's identity and its status. */
const KEPT: ReadonlySet<string> = new Set(['ID', 'UserID', 'Status']);

export function updateLearningAim(ctx: RequestContext, state: SandboxState): Reply {
	const id = intParam(ctx, 'id');
	const aim = state.store.learningAims.get(id);
	const learner = aim === undefined ? undefined : state.store.users.get(aim.UserID);
	if (!aim || !learner || !customerOrganisationIds(state).has(learner.OrganisationID)) throw notFound(`LearningAim ${id}`, ERROR_CODE.NotFound);
	const strict = state.settings.contract.strict;
	const bound = bindFields(LEARNING_AIM_UPDATE_FIELD_TYPES, objectBody(ctx.body), { strict, form: ctx.body.encoding === 'form' });
	const problems: Problem[] = [...bound.problems];
	const values = bound.values as Record<string, unknown>;
	const identity = { ID: aim.ID, UserID: aim.UserID } as const;
	for (const field of ['ID', 'UserID'] as const) {
		const sent = values[field];
		if (sent !== undefined && sent !== identity[field]) {
			problems.push({ field, kind: 'rule', code: ERROR_CODE.FieldNotAllowed, message: `${field} ${String(sent)} does not match learning aim ${aim.ID} (${field} ${identity[field]})` });
		}
		delete values[field];
		bound.nulls.delete(field);
	}
	if (problems.length > 0) throw violation(400, problems);

	const status = values.Status;
	if (typeof status === 'number' && !state.store.learningAimStatuses.some((s) => s.OrganisationID === learner.OrganisationID && s.ID === status)) {
		throw oneViolation(400, { field: 'Status', kind: 'reference', code: ERROR_CODE.LearningAimStatusNotFound, message: `Status ${status} is not a learning aim status of organisation ${learner.OrganisationID}` });
	}

	const stored = aim as unknown as Record<string, unknown>;
	const changed: string[] = [];
	for (const [field, value] of Object.entries(values)) {
		if (value === undefined) continue;
		const type = LEARNING_AIM_UPDATE_FIELD_TYPES[field as keyof typeof LEARNING_AIM_UPDATE_FIELD_TYPES];
		if (!sameStoredValue(type, stored[field], value)) changed.push(field);
		stored[field] = value;
	}
	for (const field of bound.nulls) {
		if (KEPT.has(field)) continue;
		if (stored[field] !== undefined) changed.push(field);
		Reflect.deleteProperty(stored, field);
	}
	if (changed.length > 0 || state.settings.contract.stampUnchangedWrites) touch(aim, state);
	recordUpdate(ctx, state, 'LearningAim', changed);
	return updatedAnswer(state);
}

export const learningAimWriteRoutes: Route[] = [route('POST', 'LearningAim/{id:int}', updateLearningAim)];
