/**
 * Scheduling (docs/onefile-api.md §7 [C] C1/C2): `POST /Visit` books a visit and answers its ID as
 * a bare integer; `POST /Review` creates a review (C1 sends Status 1, "scheduled"), answers its ID
 * bare, and the review is then found by `POST /Review/Search` and `GET /Review/{id}`
 * (progress.ts). Which fields are required, and every check below, are the sandbox's guesses [G].
 */
import { DEFAULT_ASSESSOR_ROLES, DEFAULT_EMPLOYER_ROLES, ERROR_CODE, REVIEW_CREATE_FIELD_TYPES, REVIEW_CREATE_STATUSES, VISIT_FIELD_TYPES, VISIT_TYPES, type RoleId } from '../contract';
import { oneViolation, violation, type Problem } from '../errors';
import { json, type Reply } from '../reply';
import type { RequestContext } from '../router';
import { stampNow, type SandboxState } from '../state';
import type { SandboxReview, SandboxUser, SandboxVisit } from '../types';
import { bindBody, learnerInBody, recordCreate } from './common';

function required(values: Record<string, unknown>, fields: readonly string[], what: string): void {
	const problems: Problem[] = fields
		.filter((field) => values[field] === undefined)
		.map((field) => ({ field, kind: 'missing', code: ERROR_CODE.MissingField, message: `${field} is required for a ${what}` }));
	if (problems.length > 0) throw violation(400, problems);
}

/** [G] A staff member named in the body must have one of these roles in the learner's organisation. */
function staffOf(state: SandboxState, learner: SandboxUser, field: string, id: number, roles: readonly RoleId[], code: number, label: string): void {
	const user = state.store.users.get(id);
	if (!user || user.OrganisationID !== learner.OrganisationID || !(roles as readonly number[]).includes(user.Role)) {
		throw oneViolation(400, { field, kind: 'reference', code, message: `${field} ${id} is not ${label} in organisation ${learner.OrganisationID}` });
	}
}

/**
 * `POST /Visit` `{LearnerID, OrganisationID, AssessorID?, DateFrom, DateTo, VisitTypeID, SMSReminder}`.
 * [G] LearnerID and DateFrom are required; OrganisationID, when sent, must be the learner's (-11
 * otherwise); AssessorID an assessor or trainee assessor of it; DateTo not before DateFrom;
 * VisitTypeID 1 (Not Specified, the default), 2 (Remote Session) or 3 (Face-to-face).
 */
export function createVisit(ctx: RequestContext, state: SandboxState): Reply {
	const { values } = bindBody(ctx, VISIT_FIELD_TYPES, state);
	required(values, ['LearnerID', 'DateFrom'], 'visit');
	const learner = learnerInBody(state, values.LearnerID as number);
	if (values.OrganisationID !== undefined && values.OrganisationID !== learner.OrganisationID) {
		throw oneViolation(400, { field: 'OrganisationID', kind: 'reference', code: ERROR_CODE.OrganisationNotFound, message: `Organisation ${String(values.OrganisationID)} is not learner ${learner.ID}'s organisation (${learner.OrganisationID})` });
	}
	if (typeof values.AssessorID === 'number') staffOf(state, learner, 'AssessorID', values.AssessorID, DEFAULT_ASSESSOR_ROLES, ERROR_CODE.AssessorInvalid, 'an Assessor or Trainee Assessor');
	const from = values.DateFrom as string;
	const to = values.DateTo as string | undefined;
	if (to !== undefined && Date.parse(to) < Date.parse(from)) {
		throw oneViolation(400, { field: 'DateTo', kind: 'rule', code: ERROR_CODE.InvalidFormat, message: `DateTo ${to} is before DateFrom ${from}` });
	}
	const visitType = (values.VisitTypeID as number | undefined) ?? 1;
	if (VISIT_TYPES[visitType] === undefined) {
		throw oneViolation(400, { field: 'VisitTypeID', kind: 'rule', code: ERROR_CODE.VisitTypeInvalid, message: `VisitTypeID ${visitType} is not a visit type; use 1 (Not Specified), 2 (Remote Session) or 3 (Face-to-face)` });
	}
	const visit: SandboxVisit = {
		ID: state.store.nextVisitId++,
		LearnerID: learner.ID,
		OrganisationID: learner.OrganisationID,
		...(typeof values.AssessorID === 'number' ? { AssessorID: values.AssessorID } : {}),
		DateFrom: from,
		...(to === undefined ? {} : { DateTo: to }),
		VisitTypeID: visitType,
		...(typeof values.SMSReminder === 'boolean' ? { SMSReminder: values.SMSReminder } : {}),
		CreatedOn: stampNow(state),
	};
	state.store.visits.set(visit.ID, visit);
	recordCreate(ctx, state, 'Visit', visit.ID);
	return json(200, visit.ID);
}

/**
 * `POST /Review` `{LearnerID, AssessorID?, EmployerID?, Status, ScheduledFor, VisitID}`. [G]
 * LearnerID and ScheduledFor are required; Status 1 (default) or 2; VisitID, when sent, must be a
 * visit of this learner; AssessorID defaults to the visit's assessor, then the learner's default
 * assessor; EmployerID must be an employer of the learner's organisation.
 */
export function createReview(ctx: RequestContext, state: SandboxState): Reply {
	const { values } = bindBody(ctx, REVIEW_CREATE_FIELD_TYPES, state);
	required(values, ['LearnerID', 'ScheduledFor'], 'review');
	const learner = learnerInBody(state, values.LearnerID as number);
	const status = (values.Status as number | undefined) ?? 1;
	if (!REVIEW_CREATE_STATUSES.includes(status)) {
		throw oneViolation(400, { field: 'Status', kind: 'rule', code: ERROR_CODE.ReviewStatusInvalid, message: `Status ${status} is not a status a new review can have; use 1 (scheduled)` });
	}
	let visit: SandboxVisit | undefined;
	if (typeof values.VisitID === 'number') {
		visit = state.store.visits.get(values.VisitID);
		if (!visit || visit.LearnerID !== learner.ID) {
			throw oneViolation(400, { field: 'VisitID', kind: 'reference', code: ERROR_CODE.VisitNotFound, message: `Visit ${values.VisitID} is not a visit of learner ${learner.ID}` });
		}
	}
	if (typeof values.AssessorID === 'number') staffOf(state, learner, 'AssessorID', values.AssessorID, DEFAULT_ASSESSOR_ROLES, ERROR_CODE.AssessorInvalid, 'an Assessor or Trainee Assessor');
	if (typeof values.EmployerID === 'number') staffOf(state, learner, 'EmployerID', values.EmployerID, DEFAULT_EMPLOYER_ROLES, ERROR_CODE.EmployerInvalid, 'an Employer');
	const assessor = (values.AssessorID as number | undefined) ?? visit?.AssessorID ?? (learner.DefaultAssessorID as number | undefined) ?? 0;
	const review: SandboxReview = {
		ID: state.store.nextReviewId++,
		LearnerID: learner.ID,
		OrganisationID: learner.OrganisationID,
		AssessorID: assessor,
		...(typeof values.EmployerID === 'number' ? { EmployerID: values.EmployerID } : {}),
		Status: status,
		CreatedOn: stampNow(state),
		ScheduledFor: values.ScheduledFor as string,
		...(visit === undefined ? {} : { VisitID: visit.ID }),
		Progress: 0,
	};
	state.store.reviews.set(review.ID, review);
	recordCreate(ctx, state, 'Review', review.ID);
	return json(200, review.ID);
}
