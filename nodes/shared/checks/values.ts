/**
 * Pure value normalisers: what a form, a spreadsheet or an expression hands over, turned into
 * what an API accepts, or a problem and its fix. Sheets send numbers as text, empty cells as ''
 * or null and UK dates day first; expressions can hand over objects, lists, booleans, Dates and
 * Luxon DateTimes. Nothing here reads parameters or sends requests.
 */

export type ValueKind =
	| 'text'
	| 'multiline'
	| 'email'
	| 'id'
	| 'textId'
	/** A whole-number ID, or a name the operation looks up (a status a sheet says as "Withdrawn"). */
	| 'idOrName'
	| 'date'
	| 'birthDate'
	| 'dateTime'
	| 'boolean'
	| 'uln'
	| 'nino';

export type Normalised<T> = { ok: true; value: T } | { ok: false; problem: string; fix: string };

/** Blank: not given at all. An empty cell, whitespace, null, or an untouched resource locator. */
export function isBlank(raw: unknown): boolean {
	return raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
}

/** How a value is shown in a message: short, and never "[object Object]". */
export function describeValue(raw: unknown): string {
	if (typeof raw === 'string') return `"${raw.length > 40 ? `${raw.slice(0, 40)}…` : raw}"`;
	if (raw === null || raw === undefined) return 'nothing';
	if (typeof raw === 'object') return Array.isArray(raw) ? 'a list' : 'an object';
	if (typeof raw === 'boolean') return `the yes/no value ${String(raw)}`;
	return String(raw);
}

/** Text as the user means it: trimmed strings, and numbers (a sheet's 5740). Nothing else. */
function asText(raw: unknown): string | undefined {
	if (typeof raw === 'string') return raw.trim();
	if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
	return undefined;
}

/** `service` names whose IDs these are, in messages: "OneFile", "bksb". */
export function normaliseId(raw: unknown, service: string, example = '5740'): Normalised<number> {
	const text = asText(raw);
	if (
		text !== undefined &&
		/^\d+$/.test(text) &&
		Number(text) > 0 &&
		Number.isSafeInteger(Number(text))
	)
		return { ok: true, value: Number(text) };
	return {
		ok: false,
		problem: `${describeValue(raw)} is not a ${service} ID`,
		fix: `Use the whole-number ID from ${service}, e.g. ${example}, or pick it from the list`,
	};
}

/** An ID found in a service's own answer: a positive whole number, or undefined. Never trusted as text. */
export function idFromAnswer(raw: unknown): number | undefined {
	if (typeof raw === 'number') return Number.isSafeInteger(raw) && raw > 0 ? raw : undefined;
	if (typeof raw === 'string' && /^\d{1,15}$/.test(raw.trim()))
		return idFromAnswer(Number(raw.trim()));
	return undefined;
}

/**
 * An ID from an answer, for output: the number when it is a usable ID; the exact digits as text
 * when they pass 2^53 (JavaScript would round them: parseJson keeps them as text); otherwise
 * undefined. Only idFromAnswer's numbers go into a path.
 */
export function answerId(raw: unknown): number | string | undefined {
	const id = idFromAnswer(raw);
	if (id !== undefined) return id;
	return typeof raw === 'string' && /^\d{16,30}$/.test(raw.trim()) ? raw.trim() : undefined;
}

/** Text codes used as IDs (OneFile unit IDs such as KS_COMM1): one path segment, never `.` or `..`. */
export function normaliseTextId(
	raw: unknown,
	service: string,
	example: string,
): Normalised<string> {
	const text = asText(raw);
	if (text && text !== '.' && text !== '..' && !/\p{Cc}/u.test(text))
		return { ok: true, value: text };
	return {
		ok: false,
		problem: `${describeValue(raw)} is not a ${service} ID`,
		fix: `Use the code from ${service}, e.g. ${example}, or pick it from the list`,
	};
}

export function normaliseText(raw: unknown): Normalised<string> {
	const text = asText(raw);
	if (text !== undefined) return { ok: true, value: text };
	return {
		ok: false,
		problem: `is not text (it is ${describeValue(raw)})`,
		fix: 'Map a single text value (a spreadsheet cell), not a list, an object or a yes/no value',
	};
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normaliseEmail(raw: unknown): Normalised<string> {
	const text = asText(raw);
	if (text !== undefined && EMAIL.test(text)) return { ok: true, value: text };
	return {
		ok: false,
		problem: `${describeValue(raw)} is not an email address`,
		fix: 'Use an address like name@example.com, with no spaces',
	};
}

/** The spellings of yes and no a sheet, a form or an expression may use (case and spaces ignored). */
export const YES_WORDS = ['true', 'yes', 'y', '1', 'on'];
export const NO_WORDS = ['false', 'no', 'n', '0', 'off'];

export function normaliseBoolean(raw: unknown): Normalised<boolean> {
	if (typeof raw === 'boolean') return { ok: true, value: raw };
	const text = asText(raw)?.toLowerCase();
	if (text && YES_WORDS.includes(text)) return { ok: true, value: true };
	if (text && NO_WORDS.includes(text)) return { ok: true, value: false };
	return {
		ok: false,
		problem: `${describeValue(raw)} is not yes or no`,
		fix: 'Use true or false (yes/no, 1/0 and on/off also work)',
	};
}

export function normalisePattern(
	raw: unknown,
	pattern: RegExp,
	tidy: (text: string) => string,
	problem: string,
	fix: string,
): Normalised<string> {
	const text = asText(raw);
	const tidied = text === undefined ? undefined : tidy(text);
	if (tidied !== undefined && pattern.test(tidied)) return { ok: true, value: tidied };
	return { ok: false, problem: `${describeValue(raw)} ${problem}`, fix };
}

/** Dates before or after these years are typing mistakes, in a date of birth as in a start date. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

const ISO =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const UK_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

interface CalendarDateTime {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
	ms: number;
	/** Minutes east of UTC; 0 when no offset is written (OneFile's dates are UTC). */
	offset: number;
}

/**
 * A date or date-time written as ISO (2001-09-23, 2001-09-23T10:00:00Z, with an offset) or UK
 * day-first (23/09/2001); every part checked: a real calendar day (no 30 February rolling into
 * March), a real time, a year in range, and nothing after it.
 */
export function parseCalendar(raw: unknown): CalendarDateTime | undefined {
	const text = dateText(raw);
	if (text === undefined) return undefined;
	let parts: CalendarDateTime | undefined;
	const iso = ISO.exec(text);
	const uk = UK_DATE.exec(text);
	if (iso) {
		parts = {
			year: Number(iso[1]),
			month: Number(iso[2]),
			day: Number(iso[3]),
			hour: Number(iso[4] ?? 0),
			minute: Number(iso[5] ?? 0),
			second: Number(iso[6] ?? 0),
			ms: Number((iso[7] ?? '0').padEnd(3, '0').slice(0, 3)),
			offset: offsetMinutes(iso[8]),
		};
	} else if (uk) {
		parts = {
			year: Number(uk[3]),
			month: Number(uk[2]),
			day: Number(uk[1]),
			hour: 0,
			minute: 0,
			second: 0,
			ms: 0,
			offset: 0,
		};
	}
	if (!parts || Number.isNaN(parts.offset)) return undefined;
	const { year, month, day, hour, minute, second } = parts;
	const check = new Date(Date.UTC(year, month - 1, day));
	const realDay =
		check.getUTCFullYear() === year &&
		check.getUTCMonth() === month - 1 &&
		check.getUTCDate() === day;
	const realTime = hour < 24 && minute < 60 && second < 60;
	return realDay && realTime && year >= MIN_YEAR && year <= MAX_YEAR ? parts : undefined;
}

function offsetMinutes(zone: string | undefined): number {
	if (!zone || zone.toUpperCase() === 'Z') return 0;
	const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
	if (!match) return NaN;
	const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
	return minutes > 14 * 60 ? NaN : (match[1] === '-' ? -1 : 1) * minutes;
}

/** n8n hands dates over as text, a Date or a Luxon DateTime (from expressions such as $now). */
function dateText(raw: unknown): string | undefined {
	if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? undefined : raw.toISOString();
	if (raw && typeof raw === 'object' && typeof (raw as { toISO?: unknown }).toISO === 'function') {
		const iso = (raw as { toISO: () => string | null }).toISO();
		return iso ?? undefined;
	}
	return typeof raw === 'string' ? raw.trim() : undefined;
}

const DATE_FIX = `Use a date like 2001-09-23 or 23/09/2001 (day first), between ${MIN_YEAR} and ${MAX_YEAR}`;

/** Date-only fields go as midnight UTC of the date as written, never shifted by a time zone. */
export function normaliseDate(raw: unknown): Normalised<string> {
	const parts = parseCalendar(raw);
	if (!parts) return { ok: false, problem: `${describeValue(raw)} is not a date`, fix: DATE_FIX };
	return {
		ok: true,
		value: `${String(parts.year).padStart(4, '0')}-${pad(parts.month)}-${pad(parts.day)}T00:00:00.000Z`,
	};
}

/** The ages a date of birth may give, on the day of the run: a learner or a member of staff. */
export const MIN_AGE = 10;
export const MAX_AGE = 100;

/**
 * A date of birth: a date (normaliseDate) in the past that makes the person MIN_AGE to MAX_AGE
 * years old today (UTC). A birth date of 2100 or of last year is a typing or mapping mistake,
 * and would be stored at OneFile and bksb as if true.
 */
export function normaliseBirthDate(raw: unknown, today: Date = new Date()): Normalised<string> {
	const date = normaliseDate(raw);
	if (!date.ok) return date;
	const year = today.getUTCFullYear();
	const md = `${pad(today.getUTCMonth() + 1)}-${pad(today.getUTCDate())}`;
	// Born on or before this day MIN_AGE years ago, and after this day MAX_AGE + 1 years ago.
	const latest = `${year - MIN_AGE}-${md}`;
	const earliest = `${year - MAX_AGE - 1}-${md}`;
	const day = date.value.slice(0, 10);
	if (day <= latest && day > earliest) return date;
	return {
		ok: false,
		problem: `${describeValue(raw)} ${day > latest ? (day > today.toISOString().slice(0, 10) ? 'is in the future' : `makes the person younger than ${MIN_AGE}`) : `makes the person older than ${MAX_AGE}`}`,
		fix: `A date of birth must make the person ${MIN_AGE} to ${MAX_AGE} years old today: after ${earliest} and on or before ${latest}. Check the column mapped here is the date of birth, written day first (23/09/2001) or as 2001-09-23`,
	};
}

/** A moment, sent in UTC; a written offset is applied, none means UTC. */
export function normaliseDateTime(raw: unknown): Normalised<string> {
	const parts = parseCalendar(raw);
	if (!parts) {
		return {
			ok: false,
			problem: `${describeValue(raw)} is not a date and time`,
			fix: `Use an ISO date and time like 2025-09-01T09:30:00Z, or a date like 2025-09-01, between ${MIN_YEAR} and ${MAX_YEAR}`,
		};
	}
	const time =
		Date.UTC(
			parts.year,
			parts.month - 1,
			parts.day,
			parts.hour,
			parts.minute,
			parts.second,
			parts.ms,
		) -
		parts.offset * 60_000;
	return { ok: true, value: new Date(time).toISOString() };
}

function pad(n: number): string {
	return String(n).padStart(2, '0');
}

/** Any kind of value, by kind; IDs name the service. */
export function normaliseValue(
	kind: ValueKind,
	raw: unknown,
	service: string,
): Normalised<string | number | boolean> {
	switch (kind) {
		case 'id':
			return normaliseId(raw, service);
		case 'textId':
			return normaliseTextId(raw, service, 'KS_COMM1');
		case 'idOrName': {
			const id = normaliseId(raw, service);
			if (id.ok) return id;
			const name = normaliseText(raw);
			return name.ok && String(name.value).length <= 100
				? name
				: {
						ok: false,
						problem: `${describeValue(raw)} is neither an ID nor a name`,
						fix: 'Pick it from the list, or give its whole-number ID or its name as OneFile shows it',
					};
		}
		case 'email':
			return normaliseEmail(raw);
		case 'date':
			return normaliseDate(raw);
		case 'birthDate':
			return normaliseBirthDate(raw);
		case 'dateTime':
			return normaliseDateTime(raw);
		case 'boolean':
			return normaliseBoolean(raw);
		case 'uln':
			return normalisePattern(
				raw,
				/^\d{10}$/,
				(t) => t.replace(/\s+/g, ''),
				'is not a ULN',
				'A Unique Learner Number has exactly 10 digits, e.g. 1234567890',
			);
		case 'nino':
			return normalisePattern(
				raw,
				/^[A-Z]{2}\d{6}[A-D]$/,
				(t) => t.replace(/\s+/g, '').toUpperCase(),
				'is not a National Insurance number',
				'Use two letters, six digits and a letter A to D, e.g. QQ123456C',
			);
		default:
			return normaliseText(raw);
	}
}
