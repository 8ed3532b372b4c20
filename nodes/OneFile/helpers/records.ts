import type { IDataObject } from 'n8n-workflow';

import { answerTime } from './userRecord';

/**
 * The shape OneFile's progress records are read with. These calls are known from client code only
 * (docs/onefile-api.md §7 [C]), so answers are read tolerantly: yes/no fields as booleans whether they
 * come as `true` or `"true"`, numbers whether they come as `12.5` or `"12.5"`, dates as UTC ISO
 * strings (a missing zone means UTC), missing fields left missing, unknown fields kept. Pure.
 */
export interface RecordShape {
	dates?: readonly string[];
	flags?: readonly string[];
	numbers?: readonly string[];
}

export const REVIEW_SHAPE: RecordShape = {
	dates: [
		'CreatedOn',
		'ScheduledFor',
		'StartedOn',
		'AssessorSignedOn',
		'LearnerSignedOn',
		'EmployerSignedOn',
		'EndTime',
	],
	numbers: ['ID', 'LearnerID', 'AssessorID', 'EmployerID', 'Status', 'VisitID', 'Progress'],
};
export const PLAN_SHAPE: RecordShape = {
	dates: ['PlanOn', 'AssessorSignedOn', 'LearnerSignedOn'],
	numbers: ['ID', 'LearnerID'],
};
export const LEARNING_AIM_SHAPE: RecordShape = {
	dates: [
		'StartDate',
		'PlannedEnd',
		'AchievedDate',
		'RegistrationDate',
		'CertificateAppliedDate',
		'LastModified',
	],
	numbers: ['ID', 'UserID', 'StandardID', 'Status', 'Progress'],
};
export const TIMESHEET_SHAPE: RecordShape = {
	dates: ['FromDate', 'ToDate'],
	flags: ['IsOffTheJob'],
};
export const OFF_THE_JOB_SHAPE: RecordShape = {
	numbers: [
		'ID',
		'ContractedHours',
		'TargetPercentage',
		'PlannedOTJ',
		'Duration',
		'MinimumOTJ',
		'PercentOfPlanned',
		'CachedActualHours',
	],
};

export function readRecord(raw: unknown, shape: RecordShape): IDataObject {
	if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
	const record: IDataObject = { ...(raw as IDataObject) };
	for (const key of shape.dates ?? []) {
		if (!(key in record)) continue;
		const time = answerTime(record[key]);
		record[key] = time === undefined ? null : new Date(time).toISOString();
	}
	for (const key of shape.flags ?? []) if (key in record) record[key] = readFlag(record[key]);
	for (const key of shape.numbers ?? []) if (key in record) record[key] = readNumber(record[key]);
	return record;
}

/** `true`, `"true"`, `"True"`, 1, `"1"` → true; the false forms → false; anything else → null. */
export function readFlag(raw: unknown): boolean | null {
	if (typeof raw === 'boolean') return raw;
	const text = String(raw ?? '')
		.trim()
		.toLowerCase();
	if (['true', '1', 'yes'].includes(text)) return true;
	if (['false', '0', 'no'].includes(text)) return false;
	return null;
}

export function readNumber(raw: unknown): number | null {
	if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
	if (typeof raw === 'string' && raw.trim() !== '' && Number.isFinite(Number(raw)))
		return Number(raw);
	return null;
}
