import type { IDataObject } from 'n8n-workflow';

import { normaliseBoolean } from '../../shared/checks/values';
import { USER_FIELDS, type FieldKind } from '../descriptions/roles';

/**
 * Compare before writing: which fields of a checked update body differ from the user's current
 * record (`GET /User/{id}`, never a search row: OneFile's search answers summaries, guide 1 [D]).
 * Pure.
 *
 * The rules (README "Sync: compare before writing"):
 * - Values are compared as OneFile means them: text without surrounding spaces, emails and NI
 *   numbers without case, dates by calendar day (OneFile answers `2026-01-05T00:00:00`), date-times
 *   by the moment, numbers and IDs whether sent as text or not, yes/no in any spelling.
 * - A field the body does not hold is never compared, never sent: a blank cell does not clear a
 *   field in OneFile (whether an empty value would clear it is unknown).
 * - A field OneFile's record does not return counts as changed when given.
 */
export interface FieldChange {
	from: unknown;
	to: unknown;
}

export interface Comparison {
	/** Only the fields that differ: what to send. */
	send: IDataObject;
	/** Each of them, from what OneFile holds to what is sent (`from: null` when OneFile's record has no such field). */
	changes: Record<string, FieldChange>;
}

const KIND_BY_API_NAME = new Map<string, FieldKind>(
	USER_FIELDS.map((field) => [field.apiName, field.kind]),
);

export function compareWithRecord(
	body: IDataObject,
	record: IDataObject,
	kinds: ReadonlyMap<string, FieldKind> = KIND_BY_API_NAME,
): Comparison {
	const send: IDataObject = {};
	const changes: Record<string, FieldChange> = {};
	for (const [key, wanted] of Object.entries(body)) {
		const held = Object.prototype.hasOwnProperty.call(record, key);
		const current = held ? record[key] : undefined;
		if (held && sameValue(kinds.get(key), wanted, current)) continue;
		send[key] = wanted;
		changes[key] = { from: held ? (current ?? null) : null, to: wanted };
	}
	return { send, changes };
}

/** What a version before 1.2 sends: every field given, each shown against what OneFile holds. */
export function everyField(body: IDataObject, record: IDataObject): Comparison {
	const changes: Record<string, FieldChange> = {};
	for (const [key, wanted] of Object.entries(body))
		changes[key] = { from: record[key] ?? null, to: wanted };
	return { send: { ...body }, changes };
}

/** Whether OneFile's value already is the wanted one, for a field of this kind. */
export function sameValue(kind: FieldKind | undefined, wanted: unknown, current: unknown): boolean {
	if (current === null || current === undefined) return false;
	switch (kind) {
		case 'id':
			return Number(wanted) === Number(current) && String(current).trim() !== '';
		case 'email':
		case 'nino':
			return (
				text(wanted).toLowerCase().replace(/\s+/g, '') ===
				text(current).toLowerCase().replace(/\s+/g, '')
			);
		case 'date':
		case 'birthDate':
			return day(wanted) !== undefined && day(wanted) === day(current);
		case 'dateTime': {
			const a = moment(wanted);
			return a !== undefined && a === moment(current);
		}
		case 'boolean': {
			const a = normaliseBoolean(wanted);
			const b = normaliseBoolean(current);
			return a.ok && b.ok && a.value === b.value;
		}
		default:
			if (Array.isArray(wanted) || Array.isArray(current))
				return JSON.stringify(list(wanted)) === JSON.stringify(list(current));
			return text(wanted) === text(current);
	}
}

function text(value: unknown): string {
	return typeof value === 'string'
		? value.trim()
		: typeof value === 'number' || typeof value === 'boolean'
			? String(value)
			: JSON.stringify(value);
}

/** The calendar day of a date or a date-time OneFile wrote (a zone-less time is UTC, docs/onefile-api.md §3.3). */
function day(value: unknown): string | undefined {
	if (typeof value !== 'string') return undefined;
	const match = /^(\d{4}-\d{2}-\d{2})/.exec(value.trim());
	return match?.[1];
}

function moment(value: unknown): number | undefined {
	if (typeof value !== 'string') return undefined;
	const textValue = value.trim();
	const zoned = /(Z|[+-]\d{2}:?\d{2})$/i.test(textValue) ? textValue : `${textValue}Z`;
	const time = Date.parse(zoned);
	return Number.isNaN(time) ? undefined : time;
}

function list(value: unknown): string[] {
	return (Array.isArray(value) ? value : [value]).map((v) => text(v)).sort();
}
