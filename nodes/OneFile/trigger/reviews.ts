import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { idFromAnswer } from '../../shared/checks/values';
import type { AnswerTiming } from '../transport';
import { ONEFILE_LISTS, oneFileSearchAll } from '../transport/paging';
import { measuredOffset } from './aims';
import { isPlainObject } from './changes';
import { readStamp, utcDay } from './clock';
import { readOne } from './records';
import { DEFAULT_REQUEST_SETTINGS } from '../transport/settings';

/**
 * Review Signed: a progress review whose required signatures are all present. `POST /Review/Search`
 * (docs/onefile-api.md §7 [C]) by organisation and scheduled date; its rows may be summaries
 * without signatures, so each review of the window is read (`GET /Review/{id}`) until it is signed,
 * at most once per Recheck interval and MAX_READS_PER_POLL a poll. A review is emitted once, when it
 * became fully signed after the trigger was activated (the latest required signature's date says
 * when); reviews signed before are history.
 */
export interface ReviewsMemory {
	activatedAt: number;
	/** Reviews emitted or signed before activation: never emitted (again). */
	done: Record<string, 1>;
	/** Unsigned reviews: when each was last read (OneFile's clock). */
	checked: Record<string, number>;
	offsetMs: number;
}

export type SignedBy = 'learnerAndAssessor' | 'learnerAssessorAndEmployer';

export interface ReviewsSettings {
	organisationId: number;
	lookBackDays: number;
	signedBy: SignedBy;
	recheckMs: number;
}

const DAY = 86_400_000;
/** Review reads a poll at most: polite to OneFile's rate limit; the rest wait for later polls. */
export const MAX_READS_PER_POLL = 50;
/** The clock's uncertainty at activation (see clock.ts): a signature this much before it still counts. */
const ACTIVATION_MARGIN_MS = 3000;

const SIGNATURES: Record<SignedBy, string[]> = {
	learnerAndAssessor: ['LearnerSignedOn', 'AssessorSignedOn'],
	learnerAssessorAndEmployer: ['LearnerSignedOn', 'AssessorSignedOn', 'EmployerSignedOn'],
};

export async function pollReviews(
	this: IPollFunctions,
	settings: ReviewsSettings,
	stored: unknown,
	manual: boolean,
): Promise<{ items: INodeExecutionData[]; memory?: ReviewsMemory }> {
	const memory = readReviewsMemory(stored);
	let timing: AnswerTiming | undefined;
	const onAnswer = (t: AnswerTiming) => {
		timing ??= t;
	};
	const estimate = Date.now() + (memory?.offsetMs ?? 0);
	const rows = await oneFileSearchAll.call(
		this,
		ONEFILE_LISTS.review,
		{
			OrganisationID: settings.organisationId,
			DateFrom: utcDay(estimate - settings.lookBackDays * DAY),
			DateTo: utcDay(estimate + DAY),
		},
		{ settings: DEFAULT_REQUEST_SETTINGS, action: 'look for signed reviews', onAnswer },
	);
	const offsetMs = measuredOffset(timing, memory?.offsetMs ?? 0);
	const now = Date.now() + offsetMs;
	if (memory === undefined && !manual)
		return { items: [], memory: { activatedAt: now, done: {}, checked: {}, offsetMs } };
	const activatedAt = manual ? -Infinity : (memory?.activatedAt ?? now);
	const done: Record<string, 1> = {};
	const checked: Record<string, number> = {};
	const toRead: Array<{ id: number; row: IDataObject; last: number }> = [];
	for (const row of rows) {
		const id = idFromAnswer(row.ID);
		if (id === undefined) continue;
		const key = String(id);
		// Only reviews still in the window are remembered: the memory stays the window's size.
		if (memory?.done[key]) {
			done[key] = 1;
			continue;
		}
		const last = memory?.checked[key];
		if (last !== undefined) checked[key] = last;
		if (!manual && last !== undefined && now - last < settings.recheckMs) continue;
		toRead.push({ id, row, last: last ?? -Infinity });
	}
	toRead.sort((a, b) => a.last - b.last);
	const items: INodeExecutionData[] = [];
	for (const { id, row } of toRead.slice(0, MAX_READS_PER_POLL)) {
		const signed = signedAt(row, settings.signedBy, now);
		const read =
			signed === null && !hasSignatureFields(row)
				? await readOne.call(this, ['Review', id], `get review ${id}`)
				: { record: row };
		// Not readable now: read again by a later poll.
		if (!('record' in read)) continue;
		const at = signedAt(read.record, settings.signedBy, now);
		if (at === null) {
			checked[String(id)] = now;
			continue;
		}
		done[String(id)] = 1;
		delete checked[String(id)];
		if (at < activatedAt - ACTIVATION_MARGIN_MS) continue;
		items.push({
			json: {
				event: 'signed',
				reviewId: id,
				learnerId: idFromAnswer(read.record.LearnerID) ?? null,
				signedBy: SIGNATURES[settings.signedBy].map((field) =>
					field.replace('SignedOn', '').toLowerCase(),
				),
				fullySignedAt: new Date(at).toISOString(),
				review: read.record,
			},
		});
		if (manual) break;
	}
	items.sort((a, b) => String(a.json.fullySignedAt).localeCompare(String(b.json.fullySignedAt)));
	if (manual) return { items };
	return { items, memory: { activatedAt, done, checked, offsetMs } };
}

/** When the review became fully signed (the latest required signature), or null while one is missing. */
function signedAt(record: IDataObject, signedBy: SignedBy, now: number): number | null {
	let latest = -Infinity;
	for (const field of SIGNATURES[signedBy]) {
		const at = readStamp(record[field], now);
		if (at === undefined) return null;
		latest = Math.max(latest, at);
	}
	return latest;
}

/** Whether a search row is a full record (it carries the signature fields, even empty). */
function hasSignatureFields(row: IDataObject): boolean {
	return 'LearnerSignedOn' in row && 'AssessorSignedOn' in row;
}

function readReviewsMemory(stored: unknown): ReviewsMemory | undefined {
	if (
		!isPlainObject(stored) ||
		typeof stored.activatedAt !== 'number' ||
		!isPlainObject(stored.done) ||
		!isPlainObject(stored.checked)
	)
		return undefined;
	const done: Record<string, 1> = {};
	for (const id of Object.keys(stored.done)) if (/^\d+$/.test(id)) done[id] = 1;
	const checked: Record<string, number> = {};
	for (const [id, at] of Object.entries(stored.checked))
		if (/^\d+$/.test(id) && typeof at === 'number') checked[id] = at;
	return {
		activatedAt: stored.activatedAt,
		done,
		checked,
		offsetMs: typeof stored.offsetMs === 'number' ? stored.offsetMs : 0,
	};
}
