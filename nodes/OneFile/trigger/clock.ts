import type { AnswerTiming } from '../transport';

/**
 * OneFile's clock as the trigger sees it. OneFile documents neither its clock nor its rounding nor
 * whether "modified since" includes the given moment (docs/onefile-api.md §3.3): every answer's HTTP
 * `Date` header tells its time to the second, so the trigger measures instead of guessing. Pure.
 */

const SECOND = 1000;
/** A `Date` further than this from n8n's clock is not believed (a broken proxy, a hostile server). */
export const MAX_BELIEVED_OFFSET_MS = 24 * 3600 * SECOND;
/** Without a usable `Date`, the next window starts this long before n8n's own time of the poll. */
export const NO_CLOCK_MARGIN_MS = 60 * SECOND;

/**
 * Where the next poll's window starts, on OneFile's clock: no later than the moment OneFile ran
 * this poll's first search. OneFile ran it between the request's arrival (at least `Date` minus the
 * round trip) and the end of the `Date` second; stamps may be whole seconds, truncated or rounded
 * (half a second earlier), and "since" may be exclusive at the second (one second earlier). Changes
 * of that margin (2 s plus the round trip) are read again by the next poll, never lost.
 */
export function nextSince(
	timing: AnswerTiming | undefined,
	pollStartedAt: number,
	lastOffsetMs: number,
): { since: number; offsetMs: number; measured: boolean } {
	const date = timing?.serverDate;
	if (
		timing !== undefined &&
		date !== undefined &&
		Math.abs(date - timing.receivedAt) <= MAX_BELIEVED_OFFSET_MS
	) {
		const roundTrip = Math.max(0, timing.receivedAt - timing.sentAt);
		// Half a second more for stamps rounded to the nearest second.
		return {
			since: floorToSecond(date - roundTrip - SECOND / 2) - SECOND,
			offsetMs: date - timing.receivedAt,
			measured: true,
		};
	}
	return {
		since: floorToSecond(pollStartedAt + lastOffsetMs - NO_CLOCK_MARGIN_MS),
		offsetMs: lastOffsetMs,
		measured: false,
	};
}

/** OneFile's time now, as far as the trigger knows (n8n's clock plus the measured offset). */
export function oneFileNow(n8nNow: number, offsetMs: number): number {
	return n8nNow + offsetMs;
}

export function floorToSecond(ms: number): number {
	return Math.floor(ms / SECOND) * SECOND;
}

/** The earliest stamp read as a real time: .NET's empty `0001-01-01T00:00:00` and the like are "no stamp". */
const EARLIEST_REAL_STAMP = Date.UTC(2000, 0, 1);
/** A stamp further ahead of OneFile's own clock than this is not believed. */
const MAX_STAMP_AHEAD_MS = 24 * 3600 * SECOND;

/**
 * OneFile's `LastModified` (or `CreatedOn`) in epoch ms, read strictly: ISO 8601 only (a zone-less
 * time is UTC, docs/onefile-api.md §3.3). `01/03/2026` (day or month first?), .NET's empty date, a
 * time before 2000 or more than a day ahead of OneFile's own clock: undefined, a record without a
 * usable stamp (the trigger then compares the record's content).
 */
export function readStamp(raw: unknown, oneFileNowMs: number): number | undefined {
	if (typeof raw !== 'string') return undefined;
	const text = raw.trim();
	const match =
		/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,7})?(Z|[+-]\d{2}:?\d{2})?$/i.exec(
			text,
		);
	if (!match) return undefined;
	const [, year, month, day, hour, minute, second, fraction = '', zone = 'Z'] = match;
	const ms = Math.floor(Number(`0${fraction || '.0'}`) * 1000);
	const base = Date.UTC(
		Number(year),
		Number(month) - 1,
		Number(day),
		Number(hour),
		Number(minute),
		Number(second),
		ms,
	);
	const check = new Date(base);
	if (
		check.getUTCDate() !== Number(day) ||
		check.getUTCMonth() !== Number(month) - 1 ||
		Number(hour) > 23 ||
		Number(minute) > 59 ||
		Number(second) > 59
	)
		return undefined;
	const time = base - zoneOffsetMs(zone);
	if (time < EARLIEST_REAL_STAMP || time > oneFileNowMs + MAX_STAMP_AHEAD_MS) return undefined;
	return time;
}

function zoneOffsetMs(zone: string): number {
	if (/^z$/i.test(zone)) return 0;
	const sign = zone.startsWith('-') ? -1 : 1;
	const digits = zone.slice(1).replace(':', '');
	return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60_000;
}

/** A day as OneFile's search filters take it (`Y-m-d`, UTC). */
export function utcDay(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}

/** A date OneFile gives as a day (`2026-12-01`) or a date-time, in epoch ms; undefined when unusable. */
export function readDay(raw: unknown, oneFileNowMs: number): number | undefined {
	if (typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw.trim()))
		return readStamp(`${raw.trim()}T00:00:00Z`, oneFileNowMs);
	return readStamp(raw, oneFileNowMs);
}
