import type { IDataObject } from 'n8n-workflow';

import { describeValue } from './checks/values';

/**
 * Reading a service's answer as what it should be, the same way in every operation: every answer
 * is untrusted input. A list that is not a list, or a record that is a list or a scalar, is a
 * problem in words (the caller turns it into its service's error), never "nothing". Pure.
 *
 * - A list: no body (204) is no rows; entries that are not records (`null`, numbers, text, lists)
 *   are skipped and counted, as they carry no record to output or to use.
 * - A record: an object; anything else, no body included, is a problem.
 */
export type Read<T> = { ok: true; value: T } | { ok: false; problem: string };

export function readList(body: unknown): Read<{ rows: IDataObject[]; skipped: number }> {
	if (body === undefined) return { ok: true, value: { rows: [], skipped: 0 } };
	if (!Array.isArray(body)) return { ok: false, problem: `${answerKind(body)} instead of a list` };
	const rows = body.filter(isRecord);
	return { ok: true, value: { rows, skipped: body.length - rows.length } };
}

export function readOneRecord(body: unknown): Read<IDataObject> {
	if (isRecord(body)) return { ok: true, value: body };
	return { ok: false, problem: `${answerKind(body)} instead of one record` };
}

export function isRecord(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function answerKind(body: unknown): string {
	if (body === undefined) return 'nothing';
	if (Array.isArray(body)) return 'a list';
	if (typeof body === 'object' && body !== null) return 'a record';
	if (typeof body === 'string') return 'text';
	return describeValue(body);
}

/**
 * The node's own output fields with a service's record: the node's own names win, and a field of
 * the record with the same name is kept beside them as "<name> (<service>)", so nothing the service
 * said is lost and nothing it says can pose as the node's own (an `id` or `learnerId` of its own).
 */
export function withOwnFields(own: IDataObject, record: IDataObject, service: string): IDataObject {
	const out: IDataObject = { ...own };
	for (const [key, value] of Object.entries(record)) {
		if (Object.prototype.hasOwnProperty.call(own, key)) out[`${key} (${service})`] = value;
		else out[key] = value;
	}
	return out;
}
