/**
 * Placements (employers) and classrooms (cohorts): create, partial update and get
 * (docs/onefile-api.md §7 [C]: C1, C2 and C6 send these bodies; no public client reads the answers,
 * so what a create and an update answer are `contract.createAnswer` and `contract.updateAnswer` [G]).
 * Searches stay in catalogue.ts and find what is created here.
 */
import { bindFields, isPlausibleEmail, objectBody } from '../body';
import { CLASSROOM_FIELD_TYPES, ERROR_CODE, MANDATORY_ON_RECORD_CREATE, PLACEMENT_FIELD_TYPES, type FieldType } from '../contract';
import { notFound, oneViolation, violation, type Problem } from '../errors';
import { json, type Reply } from '../reply';
import { route, type RequestContext, type Route } from '../router';
import { stampNow, type SandboxState } from '../state';
import type { Store } from '../store';
import type { SandboxClassroom, SandboxPlacement } from '../types';
import { createdAnswer, customerOrganisationIds, intParam, outDate, putLastModified, recordCreate, recordUpdate, sameStoredValue, touch, updatedAnswer } from './common';

type StoredRecord = SandboxPlacement | SandboxClassroom;

interface RecordKind {
	resource: 'Placement' | 'Classroom';
	fields: Readonly<Record<string, FieldType>>;
	records(store: Store): Map<number, StoredRecord>;
	takeId(store: Store): number;
	/** [G] Values a create fills in when the body leaves them out. */
	defaults: Readonly<Record<string, unknown>>;
	/** Fields of the answer, in order; unset ones come back as null ([G], as GET /User). */
	viewFields: readonly string[];
	dateFields: readonly string[];
}

const PLACEMENT: RecordKind = {
	resource: 'Placement',
	fields: PLACEMENT_FIELD_TYPES,
	records: (store) => store.placements,
	takeId: (store) => store.nextPlacementId++,
	// [G] A new placement is active, and has an empty address and MIS ID until given.
	defaults: { Active: true, Address: '', MISID: '' },
	viewFields: ['Name', 'Address', 'Active', 'Contact', 'Email', 'Telephone', 'Fax', 'Web', 'MISID', 'CreatedOn'],
	dateFields: ['CreatedOn'],
};

const CLASSROOM: RecordKind = {
	resource: 'Classroom',
	fields: CLASSROOM_FIELD_TYPES,
	records: (store) => store.classrooms,
	takeId: (store) => store.nextClassroomId++,
	// [G] A new classroom is not archived and has an empty MIS ID until given.
	defaults: { MISID: '', Archive: false },
	viewFields: ['Name', 'MISID', 'StartOn', 'Archive', 'CompletionMessage', 'SendCompletionMessage', 'IVFinalSignOff', 'CreatedOn'],
	dateFields: ['StartOn', 'CreatedOn'],
};

/** [C] C4–C6 read `ID, Name, Active, Address` (placement) and `ID, Name` (classroom); the rest is what the sandbox stores. */
function recordView(kind: RecordKind, record: StoredRecord, state: SandboxState): Record<string, unknown> {
	const stored = record as unknown as Record<string, unknown>;
	const view: Record<string, unknown> = { ID: record.ID, OrganisationID: record.OrganisationID };
	for (const field of kind.viewFields) {
		const value = stored[field];
		view[field] = value === undefined ? null : kind.dateFields.includes(field) ? outDate(value, state) : value;
	}
	putLastModified(view, record.LastModified, state);
	return view;
}

function customerOrganisation(state: SandboxState, id: number): boolean {
	return customerOrganisationIds(state).has(id);
}

/** [G] Strict mode only, as for users: OneFile's own email rule is not documented. */
function emailProblems(values: Record<string, unknown>, strict: boolean): Problem[] {
	const email = values.Email;
	if (!strict || typeof email !== 'string' || isPlausibleEmail(email)) return [];
	return [{ field: 'Email', kind: 'format', code: ERROR_CODE.InvalidFormat, message: `Email '${email}' is not a valid email address` }];
}

function bind(kind: RecordKind, ctx: RequestContext, state: SandboxState) {
	return bindFields(kind.fields, objectBody(ctx.body), { strict: state.settings.contract.strict, form: ctx.body.encoding === 'form' });
}

function create(kind: RecordKind): (ctx: RequestContext, state: SandboxState) => Reply {
	return (ctx, state) => {
		const strict = state.settings.contract.strict;
		const bound = bind(kind, ctx, state);
		const problems: Problem[] = [...bound.problems];
		const values = bound.values as Record<string, unknown>;
		if (bound.present.includes('ID')) {
			// [G] The server picks the ID.
			if (strict) problems.push({ field: 'ID', kind: 'notAllowed', code: ERROR_CODE.FieldNotAllowed, message: `ID is not sent on a ${kind.resource} create; OneFile picks it` });
			delete values.ID;
		}
		for (const field of MANDATORY_ON_RECORD_CREATE) {
			const value = values[field];
			if ((value === undefined || (typeof value === 'string' && value.trim() === '')) && !problems.some((p) => p.field === field)) {
				problems.push({ field, kind: 'missing', code: ERROR_CODE.MissingField, message: `${field} is required for a ${kind.resource}` });
			}
		}
		problems.push(...emailProblems(values, strict));
		if (problems.length > 0) throw violation(400, problems);

		const organisationId = values.OrganisationID as number;
		if (!customerOrganisation(state, organisationId)) {
			throw oneViolation(400, { field: 'OrganisationID', kind: 'reference', code: ERROR_CODE.OrganisationNotFound, message: `Organisation ${organisationId} not found` });
		}
		const now = stampNow(state);
		const id = kind.takeId(state.store);
		const record = { ...kind.defaults, ...values, ID: id, OrganisationID: organisationId, CreatedOn: now, LastModified: now } as unknown as StoredRecord;
		kind.records(state.store).set(id, record);
		recordCreate(ctx, state, kind.resource, id);
		return createdAnswer(id, state);
	};
}

/** Partial update: only the fields sent change ([C] C6 "partial update"; [G] the rules below). */
function update(kind: RecordKind): (ctx: RequestContext, state: SandboxState) => Reply {
	return (ctx, state) => {
		const id = intParam(ctx, 'id');
		const record = kind.records(state.store).get(id);
		if (!record || !customerOrganisation(state, record.OrganisationID)) throw notFound(`${kind.resource} ${id}`, ERROR_CODE.NotFound);
		const strict = state.settings.contract.strict;
		const bound = bind(kind, ctx, state);
		const problems: Problem[] = [...bound.problems];
		const values = bound.values as Record<string, unknown>;
		const stored = record as unknown as Record<string, unknown>;
		// [G] ID and OrganisationID may be sent (clients echo them) but not changed: moving a record to another centre is undocumented.
		for (const field of ['ID', 'OrganisationID'] as const) {
			if (!bound.present.includes(field)) continue;
			const sent = values[field];
			if (sent !== undefined && sent !== stored[field]) {
				const code = field === 'OrganisationID' ? ERROR_CODE.OrganisationNotFound : ERROR_CODE.FieldNotAllowed;
				problems.push({ field, kind: 'rule', code, message: `${field} cannot be changed by an update (${kind.resource} ${id} has ${field} ${String(stored[field])})` });
			}
			delete values[field];
			bound.nulls.delete(field);
		}
		// [G] A name cannot be emptied, whatever the mode.
		const name = values.Name;
		if (bound.nulls.has('Name') || (typeof name === 'string' && name.trim() === '')) {
			if (!problems.some((p) => p.field === 'Name')) problems.push({ field: 'Name', kind: 'empty', code: ERROR_CODE.EmptyValue, message: `Name cannot be emptied; a ${kind.resource} needs one` });
		}
		problems.push(...emailProblems(values, strict));
		if (problems.length > 0) throw violation(400, problems);

		const changed: string[] = [];
		for (const [field, value] of Object.entries(values)) {
			if (value === undefined) continue;
			if (!sameStoredValue(kind.fields[field], stored[field], value)) changed.push(field);
			stored[field] = value;
		}
		// [G] Outside strict mode a null clears an optional field, as for users.
		for (const field of bound.nulls) {
			if (stored[field] !== undefined) changed.push(field);
			Reflect.deleteProperty(stored, field);
		}
		if (changed.length > 0 || state.settings.contract.stampUnchangedWrites) touch(record, state);
		recordUpdate(ctx, state, kind.resource, changed);
		return updatedAnswer(state);
	};
}

function get(kind: RecordKind): (ctx: RequestContext, state: SandboxState) => Reply {
	return (ctx, state) => {
		const id = intParam(ctx, 'id');
		const record = kind.records(state.store).get(id);
		if (!record || !customerOrganisation(state, record.OrganisationID)) throw notFound(`${kind.resource} ${id}`, ERROR_CODE.NotFound);
		return json(200, recordView(kind, record, state));
	};
}

export const organisationRecordRoutes: Route[] = [PLACEMENT, CLASSROOM].flatMap((kind) => [
	route('POST', kind.resource, create(kind)),
	route('GET', `${kind.resource}/{id:int}`, get(kind)),
	route('POST', `${kind.resource}/{id:int}`, update(kind)),
]);
