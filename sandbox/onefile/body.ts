/**
 * Request bodies: parsing (JSON or form, both accepted by OneFile [C]) and a model binder that, like
 * ASP.NET's, matches keys case-insensitively ([C] C6/C7 send `organisationID`). In strict mode the
 * binder also refuses what a careful client would never send: wrong JSON types, nulls, empty
 * strings and unknown keys ([G]: the real binder is probably more forgiving).
 */
import { ERROR_CODE, type FieldType } from './contract';
import { ApiError, oneViolation, type Problem } from './errors';

export type BodyEncoding = 'none' | 'json' | 'form' | 'text';

export interface ParsedBody {
	encoding: BodyEncoding;
	/** Parsed JSON, decoded form fields (repeated keys become arrays), or the raw text. */
	value: unknown;
	/** Set when the body could not be read as the content type it claimed. */
	error?: ApiError;
}

function formToObject(text: string): Record<string, string | string[]> {
	const result: Record<string, string | string[]> = {};
	for (const [key, value] of new URLSearchParams(text)) {
		const existing = result[key];
		if (existing === undefined) result[key] = value;
		else result[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
	}
	return result;
}

export function parseBody(raw: string, contentType: string | undefined): ParsedBody {
	if (raw.trim() === '') return { encoding: 'none', value: undefined };
	const type = (contentType ?? '').toLowerCase();
	if (type.includes('x-www-form-urlencoded')) return { encoding: 'form', value: formToObject(raw) };
	const looksJson = type.includes('json') || type === '';
	if (looksJson) {
		try {
			return { encoding: 'json', value: JSON.parse(raw) as unknown };
		} catch {
			const error = oneViolation(400, {
				kind: 'body',
				code: ERROR_CODE.InvalidBody,
				message: type === '' ? 'The request body has no Content-Type and is not valid JSON' : 'The request body is not valid JSON',
			});
			return { encoding: 'text', value: raw, error };
		}
	}
	// [G] ASP.NET Web API answers 415 when no formatter reads the content type.
	const error = oneViolation(415, {
		kind: 'body',
		code: ERROR_CODE.UnsupportedMediaType,
		message: `The request content type '${type}' is not supported; send application/json or application/x-www-form-urlencoded`,
	});
	return { encoding: 'text', value: raw, error };
}

/** The body as a key/value object, as every OneFile POST with a body expects; no body = {}. */
export function objectBody(body: ParsedBody): Record<string, unknown> {
	if (body.error) throw body.error;
	if (body.value === undefined || body.value === null) return {};
	if (typeof body.value !== 'object' || Array.isArray(body.value)) {
		throw oneViolation(400, { kind: 'body', code: ERROR_CODE.InvalidBody, message: 'The request body must be a JSON object' });
	}
	return body.value as Record<string, unknown>;
}

export type BoundValue = number | string | boolean | string[];

export interface Bound<K extends string> {
	values: Partial<Record<K, BoundValue>>;
	/** Fields sent as null (or, outside strict mode, as an empty non-string value): "clear this". */
	nulls: Set<K>;
	/** Every known field the request carried, in canonical casing. */
	present: K[];
	/** Keys the sandbox does not know (ignored outside strict mode). */
	unknown: string[];
	problems: Problem[];
}

export interface BindOptions {
	strict: boolean;
	/** Form values are all text, so the binder converts them whatever the mode. */
	form: boolean;
}

const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})?)?$/;
const INTEGER_TEXT = /^-?\d+$/;

/** ISO text to a UTC ISO string; no offset means UTC ([G], as clients assume for OneFile's dates). */
export function normaliseDate(text: string): string | undefined {
	const trimmed = text.trim();
	const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(trimmed);
	const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(trimmed);
	const ms = Date.parse(hasZone || dateOnly ? trimmed : `${trimmed}Z`);
	return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

type Converted = { ok: true; value: BoundValue } | { ok: false; kind: Problem['kind']; message: string };

function typeName(type: FieldType): string {
	return { int: 'an integer', string: 'a string', datetime: 'an ISO-8601 date-time string', bool: 'a boolean', stringArray: 'an array of strings' }[type];
}

function describe(value: unknown): string {
	if (Array.isArray(value)) return 'an array';
	if (value === null) return 'null';
	return `a ${typeof value}`;
}

function convert(field: string, type: FieldType, value: unknown, options: BindOptions): Converted {
	const lenient = !options.strict || options.form;
	const wrong = (): Converted => ({ ok: false, kind: 'type', message: `${field} must be ${typeName(type)}, not ${describe(value)}` });
	switch (type) {
		case 'int':
			if (typeof value === 'number') return Number.isInteger(value) ? { ok: true, value } : wrong();
			// [C] some clients send numeric IDs as strings and the server accepts them; strict JSON does not.
			if (typeof value === 'string' && lenient && INTEGER_TEXT.test(value.trim())) return { ok: true, value: Number(value.trim()) };
			return wrong();
		case 'string':
			if (typeof value === 'string') return { ok: true, value };
			if ((typeof value === 'number' || typeof value === 'boolean') && lenient) return { ok: true, value: String(value) };
			return wrong();
		case 'bool':
			if (typeof value === 'boolean') return { ok: true, value };
			if (typeof value === 'string' && lenient && /^(true|false)$/i.test(value.trim())) return { ok: true, value: value.trim().toLowerCase() === 'true' };
			return wrong();
		case 'datetime': {
			if (typeof value !== 'string') return wrong();
			if (options.strict && !ISO_DATETIME.test(value.trim())) {
				return { ok: false, kind: 'format', message: `${field} must be an ISO-8601 date-time such as 2022-02-23T12:49:33.150Z, not '${value}'` };
			}
			const normalised = normaliseDate(value);
			return normalised ? { ok: true, value: normalised } : { ok: false, kind: 'format', message: `${field} is not a valid date-time: '${value}'` };
		}
		case 'stringArray': {
			const list = typeof value === 'string' && options.form ? [value] : value;
			if (Array.isArray(list) && list.every((item) => typeof item === 'string')) return { ok: true, value: list as string[] };
			return wrong();
		}
	}
}

function codeFor(kind: Problem['kind']): number {
	if (kind === 'format') return ERROR_CODE.InvalidFormat;
	if (kind === 'empty') return ERROR_CODE.EmptyValue;
	if (kind === 'unknownKey') return ERROR_CODE.UnknownField;
	return ERROR_CODE.InvalidType;
}

/** Binds `input` against a field table; never throws, reports problems instead. */
export function bindFields<K extends string>(fields: Readonly<Record<K, FieldType>>, input: Record<string, unknown>, options: BindOptions): Bound<K> {
	const byLowerName = new Map<string, K>();
	for (const name of Object.keys(fields) as K[]) byLowerName.set(name.toLowerCase(), name);
	const bound: Bound<K> = { values: {}, nulls: new Set<K>(), present: [], unknown: [], problems: [] };
	const problem = (field: string, kind: Problem['kind'], message: string): void => {
		bound.problems.push({ field, kind, message, code: codeFor(kind) });
	};
	for (const [key, raw] of Object.entries(input)) {
		const name = byLowerName.get(key.toLowerCase());
		if (name === undefined) {
			bound.unknown.push(key);
			if (options.strict) problem(key, 'unknownKey', `${key} is not a field OneFile accepts here`);
			continue;
		}
		if (bound.present.includes(name)) {
			if (options.strict) problem(name, 'body', `${name} is sent twice with different letter case`);
			continue;
		}
		bound.present.push(name);
		const type = fields[name];
		if (raw === null || raw === undefined) {
			if (options.strict) problem(name, 'type', `${name} is null; leave the field out instead of sending null`);
			else bound.nulls.add(name);
			continue;
		}
		if (typeof raw === 'string' && raw.trim() === '') {
			// [G] Whether "" clears a field is unknown (docs/onefile-api.md §6.1), so strict mode refuses it.
			if (options.strict) {
				problem(name, 'empty', `${name} is an empty string; leave the field out instead`);
				continue;
			}
			if (type !== 'string') {
				bound.nulls.add(name);
				continue;
			}
		}
		const converted = convert(name, type, raw, options);
		if (converted.ok) bound.values[name] = converted.value;
		else problem(name, converted.kind, converted.message);
	}
	return bound;
}

/** [G] A plain shape check; OneFile's own email rule is not documented. */
export function isPlausibleEmail(value: string): boolean {
	return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}
