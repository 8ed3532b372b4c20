/**
 * Progress, compliance and leavers (docs/onefile-api.md §7, all [C]: seen in client code, not in
 * OneFile's guides): learning aims, reviews, plans, timesheets, off-the-job figures, archive and
 * unarchive, and linking an employer to a placement. Rows and records carry the fields client code
 * reads; what the filters mean exactly is the sandbox's choice, written beside each ([G]).
 */
import { ERROR_CODE } from '../contract';
import { notFound } from '../errors';
import { oneViolation } from '../errors';
import { empty, json, rows, type Reply } from '../reply';
import { route, searchRoutes, type RequestContext, type Route } from '../router';
import type { SandboxState } from '../state';
import type { SandboxLearningAim, SandboxUser } from '../types';
import { objectBody } from '../body';
import { bindBody, customerOrganisationIds, intParam, outDate, paged, putLastModified, touch } from './common';

const DATES = new Set(['CreatedOn', 'ScheduledFor', 'StartedOn', 'AssessorSignedOn', 'LearnerSignedOn', 'EmployerSignedOn', 'EndTime', 'PlanOn', 'FromDate', 'ToDate', 'StartDate', 'PlannedEnd', 'AchievedDate', 'RegistrationDate', 'CertificateAppliedDate', 'LastModified']);

/** A record as the API answers it: dates per the zone setting, yes/no as text when asked ([G] both). */
function view(record: object, state: SandboxState): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(record)) {
		if (key === 'UnitIDs' || key === 'FrameworkTemplateID') continue;
		if (key === 'LastModified') {
			putLastModified(out, value, state);
			continue;
		}
		out[key] = DATES.has(key) ? outDate(value, state) : typeof value === 'boolean' && state.settings.contract.flagsAsText ? String(value) : value;
	}
	return out;
}

function inRange(iso: string | undefined, from: unknown, to: unknown): boolean {
	if (iso === undefined) return false;
	const time = Date.parse(iso);
	return (typeof from !== 'string' || time >= Date.parse(from)) && (typeof to !== 'string' || time <= Date.parse(to));
}

function learnerOr404(state: SandboxState, id: number): SandboxUser {
	const user = state.store.users.get(id);
	if (!user || !customerOrganisationIds(state).has(user.OrganisationID)) throw notFound(`User ${id}`, ERROR_CODE.NotFound);
	return user;
}

/** The raw text of a body field (any letter case), before the binder normalised it. */
function rawField(ctx: RequestContext, name: string): string | undefined {
	const body = objectBody(ctx.body);
	const key = Object.keys(body).find((k) => k.toLowerCase() === name.toLowerCase());
	const value = key === undefined ? undefined : body[key];
	return typeof value === 'string' ? value.trim() : undefined;
}

/** A DateTo given as a bare day (Y-m-d) covers that whole day, UTC ([G]). */
function dayInclusive(to: unknown, raw: string | undefined): unknown {
	if (typeof to !== 'string' || raw === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(raw)) return to;
	return new Date(Date.parse(to) + 86_400_000 - 1).toISOString();
}

/**
 * `POST /LearningAim/Search` [D] S5 `{UserID}`, [C] `LearningAimCompletionStatus`, `DateFrom`,
 * `DateTo`. [G] Completion status 1 = achieved (an AchievedDate), 0 = not yet. What the dates select
 * is `contract.learningAimDateFilter` ([G]): 'achievedDate' (default) the AchievedDate when status 1
 * is asked for, else the aim's last change; 'lastModified' always the last change; 'startDate' the
 * StartDate; 'ignored' nothing. Both ends inclusive; a DateTo given as Y-m-d covers that whole day.
 */
function searchLearningAims(ctx: RequestContext, state: SandboxState): Reply {
	const { values } = bindBody(ctx, { UserID: 'int', StandardID: 'int', LearningAimCompletionStatus: 'int', DateFrom: 'datetime', DateTo: 'datetime' }, state);
	const completed = values.LearningAimCompletionStatus;
	const mode = state.settings.contract.learningAimDateFilter;
	const dated = mode !== 'ignored' && (values.DateFrom !== undefined || values.DateTo !== undefined);
	const dateTo = dayInclusive(values.DateTo, rawField(ctx, 'DateTo'));
	const selected = (a: SandboxLearningAim): string | undefined => {
		if (mode === 'startDate') return a.StartDate;
		if (mode === 'lastModified') return a.LastModified;
		return completed === 1 ? a.AchievedDate : a.LastModified;
	};
	const list = [...state.store.learningAims.values()]
		.filter((a) => (values.UserID === undefined || a.UserID === values.UserID) && (values.StandardID === undefined || a.StandardID === values.StandardID))
		.filter((a) => completed === undefined || (completed === 1) === (a.AchievedDate !== undefined))
		.filter((a) => !dated || inRange(selected(a), values.DateFrom, dateTo))
		.sort((a, b) => a.ID - b.ID)
		.map((a) => view({ ID: a.ID, StandardID: a.StandardID, UserID: a.UserID, Status: a.Status, Progress: a.Progress, AchievedDate: a.AchievedDate }, state));
	return paged(ctx, list);
}

/** `POST /Review/Search` [C] `{OrganisationID, LearnerID, Status, DateFrom, DateTo}`; [G] the dates select ScheduledFor, inclusive. */
function searchReviews(ctx: RequestContext, state: SandboxState): Reply {
	const { values } = bindBody(ctx, { OrganisationID: 'int', LearnerID: 'int', Status: 'int', DateFrom: 'datetime', DateTo: 'datetime' }, state);
	const organisations = customerOrganisationIds(state);
	const list = [...state.store.reviews.values()]
		.filter((r) => organisations.has(r.OrganisationID))
		.filter((r) => (values.OrganisationID === undefined || r.OrganisationID === values.OrganisationID) && (values.LearnerID === undefined || r.LearnerID === values.LearnerID))
		.filter((r) => (values.Status === undefined || r.Status === values.Status) && (values.DateFrom === undefined && values.DateTo === undefined ? true : inRange(r.ScheduledFor, values.DateFrom, values.DateTo)))
		.sort((a, b) => a.ID - b.ID)
		.map((r) => view({ ID: r.ID, LearnerID: r.LearnerID, AssessorID: r.AssessorID, Status: r.Status, ScheduledFor: r.ScheduledFor }, state));
	return paged(ctx, list);
}

/** `POST /Plan/Search` [C] `{OrganisationID, LearnerID}`. */
function searchPlans(ctx: RequestContext, state: SandboxState): Reply {
	const { values } = bindBody(ctx, { OrganisationID: 'int', LearnerID: 'int' }, state);
	const organisations = customerOrganisationIds(state);
	const list = [...state.store.plans.values()]
		.filter((p) => organisations.has(p.OrganisationID))
		.filter((p) => (values.OrganisationID === undefined || p.OrganisationID === values.OrganisationID) && (values.LearnerID === undefined || p.LearnerID === values.LearnerID))
		.sort((a, b) => a.ID - b.ID)
		.map((p) => view({ ID: p.ID, LearnerID: p.LearnerID, PlanOn: p.PlanOn, Title: p.Title }, state));
	return paged(ctx, list);
}

function byId<T extends object>(what: string, find: (state: SandboxState, id: number) => T | undefined): (ctx: RequestContext, state: SandboxState) => Reply {
	return (ctx, state) => {
		const id = intParam(ctx, 'id');
		const item = find(state, id);
		if (item === undefined) throw notFound(`${what} ${id}`, ERROR_CODE.NotFound);
		return json(200, view(item, state));
	};
}

/** `GET /Timesheet/Learner/{id}` [C] C4: every entry, no paging; 204 when there are none ([G], like searches). */
function timesheets(ctx: RequestContext, state: SandboxState): Reply {
	const learner = learnerOr404(state, intParam(ctx, 'id'));
	return rows(state.store.timesheets.filter((t) => t.LearnerID === learner.ID).map(({ LearnerID: _learner, ID: _id, ...entry }) => view(entry, state)));
}

/** `GET /User/{id}/offthejob` [C] C3/C4; [G] 404 for a user who has no figures (not a learner). */
function offTheJob(ctx: RequestContext, state: SandboxState): Reply {
	const learner = learnerOr404(state, intParam(ctx, 'id'));
	const figures = state.store.offTheJob.get(learner.ID);
	if (!figures) throw notFound(`Off-the-job figures of user ${learner.ID}`, ERROR_CODE.NotFound);
	const { LearnerID: _learner, ...rest } = figures;
	return json(200, view(rest, state));
}

/** `POST /User/{id}/Archive` and `/Unarchive` [C] C6/C7 (they send `{role, organisationID}`; not needed here [G]); 200, empty. */
function archive(archived: boolean): (ctx: RequestContext, state: SandboxState) => Reply {
	return (ctx, state) => {
		const user = learnerOr404(state, intParam(ctx, 'id'));
		user.Archived = archived;
		touch(user, state);
		return empty(200);
	};
}

/**
 * `POST /User/{userId}/AssignPlacement/{placementId}/{grantAccess}` [C] C6 links an employer user
 * to a placement. [G] Employers only; the placement must be in the user's organisation (-57 as for a create).
 */
function assignPlacement(ctx: RequestContext, state: SandboxState): Reply {
	const user = learnerOr404(state, intParam(ctx, 'userId'));
	if (user.Role !== 40) throw oneViolation(400, { kind: 'rule', code: ERROR_CODE.AssignRoleNotAllowed, message: `User ${user.ID} is not an employer (role ${user.Role}); only employers are linked to placements` });
	const placement = state.store.placements.get(intParam(ctx, 'placementId'));
	if (!placement || placement.OrganisationID !== user.OrganisationID) {
		throw oneViolation(400, { kind: 'reference', code: ERROR_CODE.PlacementNotFound, message: `Placement ${ctx.params.placementId ?? ''} not found in organisation ${user.OrganisationID}` });
	}
	const grantAccess = (ctx.params.grantAccess ?? '').toLowerCase() === 'true';
	state.store.placementLinks.push({ userId: user.ID, placementId: placement.ID, grantAccess });
	user.PlacementID = placement.ID;
	state.store.userChanged();
	touch(user, state);
	return empty(200);
}

export const progressRoutes: Route[] = [
	...searchRoutes('LearningAim', searchLearningAims),
	route('GET', 'LearningAim/{id:int}', byId('LearningAim', (state, id) => state.store.learningAims.get(id))),
	...searchRoutes('Review', searchReviews),
	route('GET', 'Review/{id:int}', byId('Review', (state, id) => state.store.reviews.get(id))),
	...searchRoutes('Plan', searchPlans),
	route('GET', 'Plan/{id:int}', byId('Plan', (state, id) => state.store.plans.get(id))),
	route('GET', 'Timesheet/Learner/{id:int}', timesheets),
	route('GET', 'User/{id:int}/offthejob', offTheJob),
	route('POST', 'User/{id:int}/Archive', archive(true)),
	route('POST', 'User/{id:int}/Unarchive', archive(false)),
	route('POST', 'User/{userId:int}/AssignPlacement/{placementId:int}/{grantAccess:bool}', assignPlacement),
];
