import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { idFromAnswer } from '../../shared/checks/values';
import { pick } from '../../shared/items/output';
import { SIMPLE_USER_FIELDS } from '../helpers/userRecord';
import type { AnswerTiming } from '../transport';
import { ONEFILE_LISTS, oneFileSearchAll } from '../transport/paging';
import { isPlainObject } from './changes';
import { readDay, utcDay } from './clock';
import { readUser, type ReadUser } from './records';
import { DEFAULT_REQUEST_SETTINGS } from '../transport/settings';

/**
 * Learning Aim Achieved: `POST /LearningAim/Search` with `LearningAimCompletionStatus: 1` and a
 * date window (docs/onefile-api.md §7 [C], onefile-sdk `achieved()`). OneFile does not say what
 * `DateFrom`/`DateTo` select (the achieved date, the last change, the start date, or nothing):
 * each poll searches the window (right when they select the achieved date or the last change,
 * and when they are ignored), and once a day the whole list of achieved aims (right when they
 * select the start date: an aim started long ago and achieved today is then at most a day late).
 * An aim is emitted once: its ID is remembered while it is inside the look-back.
 */
export interface AimsMemory {
	/** Aim ID → its achieved date (epoch ms; 0 when OneFile gave none). */
	seen: Record<string, number>;
	/** When the whole list was last read (OneFile's clock). */
	lastFullCheck: number;
	offsetMs: number;
}

export interface AimsSettings {
	organisationId: number;
	lookBackDays: number;
	simplify: boolean;
}

const DAY = 86_400_000;
const FULL_CHECK_EVERY_MS = DAY;
const MAX_SEEN_AIMS = 20_000;

export async function pollAims(
	this: IPollFunctions,
	settings: AimsSettings,
	stored: unknown,
	manual: boolean,
): Promise<{ items: INodeExecutionData[]; memory?: AimsMemory }> {
	const memory = readAimsMemory(stored);
	let timing: AnswerTiming | undefined;
	const onAnswer = (t: AnswerTiming) => {
		timing ??= t;
	};
	const estimate = Date.now() + (memory?.offsetMs ?? 0);
	const lookBackMs = settings.lookBackDays * DAY;
	const full = manual
		? false
		: memory === undefined || estimate - memory.lastFullCheck >= FULL_CHECK_EVERY_MS;
	const filters: IDataObject = { LearningAimCompletionStatus: 1 };
	if (!full) {
		filters.DateFrom = utcDay(estimate - lookBackMs - DAY);
		filters.DateTo = utcDay(estimate + DAY);
	}
	const rows = await oneFileSearchAll.call(this, ONEFILE_LISTS.learningAim, filters, {
		settings: DEFAULT_REQUEST_SETTINGS,
		action: 'look for achieved learning aims',
		onAnswer,
	});
	const offsetMs = measuredOffset(timing, memory?.offsetMs ?? 0);
	const now = Date.now() + offsetMs;
	const horizon = now - lookBackMs - DAY;
	if (memory === undefined && !manual) {
		// First activation: the aims achieved within the look-back (or undated) are history.
		const seen: Record<string, number> = {};
		for (const row of rows) {
			const id = idFromAnswer(row.ID);
			const achieved = readDay(row.AchievedDate, now);
			if (id !== undefined && (achieved === undefined || achieved >= horizon))
				seen[String(id)] = achieved ?? 0;
		}
		return { items: [], memory: { seen: cap(seen), lastFullCheck: now, offsetMs } };
	}
	const seen = { ...(memory?.seen ?? {}) };
	const candidates = rows
		.map((row) => ({ row, id: idFromAnswer(row.ID), achieved: readDay(row.AchievedDate, now) }))
		.filter(
			(c): c is { row: IDataObject; id: number; achieved: number | undefined } =>
				c.id !== undefined,
		)
		.filter(
			(c) =>
				seen[String(c.id)] === undefined && (c.achieved === undefined || c.achieved >= horizon),
		)
		.sort((a, b) => (b.achieved ?? 0) - (a.achieved ?? 0));
	const items: INodeExecutionData[] = [];
	for (const candidate of manual ? candidates.slice(0, 1) : candidates) {
		const learnerId = idFromAnswer(candidate.row.UserID);
		const learner: ReadUser =
			learnerId === undefined ? { gone: true } : await readUser.call(this, learnerId);
		// Not readable now (OneFile failing): not remembered, tried again by the next poll.
		if ('failed' in learner) continue;
		seen[String(candidate.id)] = candidate.achieved ?? 0;
		if ('gone' in learner || Number(learner.record.OrganisationID) !== settings.organisationId)
			continue;
		items.push({
			json: {
				event: 'achieved',
				learningAimId: candidate.id,
				learnerId,
				achievedDate:
					candidate.achieved === undefined ? null : new Date(candidate.achieved).toISOString(),
				learningAim: candidate.row,
				learner: settings.simplify ? pick(learner.record, SIMPLE_USER_FIELDS) : learner.record,
			},
		});
	}
	items.sort((a, b) => String(a.json.achievedDate).localeCompare(String(b.json.achievedDate)));
	if (manual) return { items };
	const kept = Object.fromEntries(
		Object.entries(seen).filter(([, achieved]) => achieved === 0 || achieved >= horizon - DAY),
	);
	return {
		items,
		memory: {
			seen: cap(kept),
			lastFullCheck: full ? now : (memory?.lastFullCheck ?? now),
			offsetMs,
		},
	};
}

function readAimsMemory(stored: unknown): AimsMemory | undefined {
	if (
		!isPlainObject(stored) ||
		!isPlainObject(stored.seen) ||
		typeof stored.lastFullCheck !== 'number'
	)
		return undefined;
	const seen: Record<string, number> = {};
	for (const [id, achieved] of Object.entries(stored.seen))
		if (/^\d+$/.test(id) && typeof achieved === 'number') seen[id] = achieved;
	return {
		seen,
		lastFullCheck: stored.lastFullCheck,
		offsetMs: typeof stored.offsetMs === 'number' ? stored.offsetMs : 0,
	};
}

function cap(seen: Record<string, number>): Record<string, number> {
	const entries = Object.entries(seen);
	if (entries.length <= MAX_SEEN_AIMS) return seen;
	return Object.fromEntries(entries.sort((a, b) => a[1] - b[1]).slice(-MAX_SEEN_AIMS));
}

/** OneFile's clock minus n8n's from an answer's Date header (whole seconds), else the last one. */
export function measuredOffset(timing: AnswerTiming | undefined, fallback: number): number {
	if (timing?.serverDate === undefined || Math.abs(timing.serverDate - timing.receivedAt) > DAY)
		return fallback;
	return timing.serverDate + 500 - (timing.sentAt + timing.receivedAt) / 2;
}
