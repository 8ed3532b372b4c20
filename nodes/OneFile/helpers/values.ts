import type { FieldKind } from '../descriptions/roles';

/**
 * Turning what a form or a spreadsheet gives us into what OneFile accepts. Sheets send numbers as
 * text, empty cells as '' or null, and UK dates day first; each kind says what it accepts and,
 * when it cannot, why and how to fix it.
 */

export type Normalised = { ok: true; value: unknown } | { ok: false; problem: string; fix: string };

/** Blank: not given at all. An empty cell, whitespace, null, or an untouched resource locator. */
export function isBlank(raw: unknown): boolean {
	return raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/;
const UK_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

export function normaliseValue(kind: FieldKind, raw: unknown): Normalised {
	switch (kind) {
		case 'id':
			return normaliseId(raw);
		case 'email':
			return normaliseEmail(raw);
		case 'date':
			return normaliseDate(raw);
		case 'dateTime':
			return normaliseDateTime(raw);
		case 'boolean':
			return normaliseBoolean(raw);
		case 'uln':
			return normalisePattern(raw, /^\d{10}$/, (t) => t.replace(/\s+/g, ''), 'is not a ULN', 'A Unique Learner Number has exactly 10 digits, e.g. 1234567890');
		case 'nino':
			return normalisePattern(raw, /^[A-Z]{2}\d{6}[A-D]$/, (t) => t.replace(/\s+/g, '').toUpperCase(), 'is not a National Insurance number', 'Use two letters, six digits and a letter A to D, e.g. QQ123456C');
		default:
			return normaliseText(raw);
	}
}

function describe(raw: unknown): string {
	if (typeof raw === 'string') return `"${raw.length > 40 ? `${raw.slice(0, 40)}…` : raw}"`;
	if (typeof raw === 'object') return Array.isArray(raw) ? 'a list' : 'an object';
	return String(raw);
}

function asText(raw: unknown): string | undefined {
	if (typeof raw === 'string') return raw.trim();
	if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
	return undefined;
}

export function normaliseId(raw: unknown): Normalised {
	const text = asText(raw);
	if (text !== undefined && /^\d+$/.test(text) && Number(text) > 0 && Number.isSafeInteger(Number(text))) {
		return { ok: true, value: Number(text) };
	}
	return { ok: false, problem: `${describe(raw)} is not a OneFile ID`, fix: 'Use the whole-number ID from OneFile, e.g. 5740, or pick it from the list' };
}

/** Unit IDs are text codes in OneFile (e.g. KS_COMM1), so any non-blank text is accepted. */
export function normaliseTextId(raw: unknown): Normalised {
	const text = asText(raw);
	if (text) return { ok: true, value: text };
	return { ok: false, problem: `${describe(raw)} is not a OneFile unit ID`, fix: 'Use the unit code from OneFile, e.g. KS_COMM1, or pick it from the list' };
}

function normaliseText(raw: unknown): Normalised {
	const text = asText(raw);
	if (text !== undefined) return { ok: true, value: text };
	return { ok: false, problem: `${describe(raw)} is not text`, fix: 'Map a single text value (a spreadsheet cell), not a list or an object' };
}

function normaliseEmail(raw: unknown): Normalised {
	const text = asText(raw);
	if (text !== undefined && EMAIL.test(text)) return { ok: true, value: text };
	return { ok: false, problem: `${describe(raw)} is not an email address`, fix: 'Use an address like name@example.com, with no spaces' };
}

function normaliseBoolean(raw: unknown): Normalised {
	if (typeof raw === 'boolean') return { ok: true, value: raw };
	const text = asText(raw)?.toLowerCase();
	if (text && ['true', 'yes', 'y', '1'].includes(text)) return { ok: true, value: true };
	if (text && ['false', 'no', 'n', '0'].includes(text)) return { ok: true, value: false };
	return { ok: false, problem: `${describe(raw)} is not yes or no`, fix: 'Use true or false (yes/no and 1/0 also work)' };
}

function normalisePattern(raw: unknown, pattern: RegExp, tidy: (text: string) => string, problem: string, fix: string): Normalised {
	const text = asText(raw);
	const tidied = text === undefined ? undefined : tidy(text);
	if (tidied !== undefined && pattern.test(tidied)) return { ok: true, value: tidied };
	return { ok: false, problem: `${describe(raw)} ${problem}`, fix };
}

/** Year, month, day from ISO (2001-09-23, 2001-09-23T…) or UK day-first (23/09/2001) text. */
function calendarDate(raw: unknown): [number, number, number] | undefined {
	const text = dateText(raw);
	if (text === undefined) return undefined;
	let parts: [number, number, number] | undefined;
	const iso = ISO_DATE.exec(text);
	const uk = UK_DATE.exec(text);
	if (iso) parts = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
	else if (uk) parts = [Number(uk[3]), Number(uk[2]), Number(uk[1])];
	if (!parts) return undefined;
	const [y, m, d] = parts;
	const check = new Date(Date.UTC(y, m - 1, d));
	if (y < 1900 || check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return undefined;
	return parts;
}

/** n8n hands dates over as text, Date or a Luxon DateTime (from expressions such as $now). */
function dateText(raw: unknown): string | undefined {
	if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? undefined : raw.toISOString();
	if (raw && typeof raw === 'object' && typeof (raw as { toISO?: unknown }).toISO === 'function') {
		const iso = (raw as { toISO: () => string | null }).toISO();
		return iso ?? undefined;
	}
	return typeof raw === 'string' ? raw.trim() : undefined;
}

const DATE_FIX = 'Use a date like 2001-09-23 or 23/09/2001 (day first)';

/** Date-only fields go as midnight UTC of the date as written (onefile-api.md §3.3), never shifted by a time zone. */
function normaliseDate(raw: unknown): Normalised {
	const parts = calendarDate(raw);
	if (!parts) return { ok: false, problem: `${describe(raw)} is not a date`, fix: DATE_FIX };
	const [y, m, d] = parts;
	return { ok: true, value: `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}T00:00:00.000Z` };
}

function normaliseDateTime(raw: unknown): Normalised {
	const text = dateText(raw);
	if (text && UK_DATE.test(text)) return normaliseDate(text);
	const time = text && ISO_DATE.test(text) ? Date.parse(/[zZ]|[+-]\d{2}:?\d{2}$/.test(text) || !text.includes('T') ? text : `${text}Z`) : NaN;
	if (Number.isNaN(time)) return { ok: false, problem: `${describe(raw)} is not a date and time`, fix: 'Use an ISO date and time like 2025-09-01T09:30:00Z, or a date like 2025-09-01' };
	return { ok: true, value: new Date(time).toISOString() };
}

function pad(n: number): string {
	return String(n).padStart(2, '0');
}
