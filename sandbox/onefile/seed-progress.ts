/**
 * Progress and compliance data for the seeded learners: off-the-job figures, reviews, plans,
 * timesheets and learning aims, dated relative to the sandbox's clock when it is (re)seeded, so a
 * "this month" or "overdue" report always has something to find. Field names follow the client code
 * of docs/onefile-api.md §7 [C]; the values, and which reviews are overdue, are the sandbox's own [G].
 *
 * Per fixed learner, by its index i among all fixed learners:
 * - off-the-job: 278 planned hours (+10 per i), actual hours cycling 120/60/200/0;
 * - reviews: one 60 days ago signed by both; one 5+i days ago signed only when i is odd
 *   (so learners with an even index have one overdue review); one in 20 days, unsigned;
 * - plans: one 30 days ago, signed; one in 10 days, unsigned;
 * - timesheets: two off-the-job entries and two others in the last 30 days;
 * - learning aims: i % 3 = 0 achieved this month, i % 3 = 1 achieved last month, else in progress.
 * The large organisation's generated learners get one review each (for paging).
 */
import { SEED } from './seed-data';
import type { Store } from './store';

const DAY = 86_400_000;
const iso = (time: number): string => new Date(time).toISOString();

export const FIRST_REVIEW_ID = 700001;
export const FIRST_PLAN_ID = 800001;
export const FIRST_TIMESHEET_ID = 950001;
export const FIRST_PROGRESS_AIM_ID = 910001;

export function seedProgress(store: Store, now: number): void {
	const monthStart = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), 1);
	let reviewId = FIRST_REVIEW_ID;
	let planId = FIRST_PLAN_ID;
	let timesheetId = FIRST_TIMESHEET_ID;
	let aimId = FIRST_PROGRESS_AIM_ID;
	SEED.learners.forEach((learner, i) => {
		const assessor = learner.defaultAssessorId ?? SEED.assessors[0].id;
		const planned = 278 + i * 10;
		const actual = [120, 60, 200, 0][i % 4];
		store.offTheJob.set(learner.id, {
			ID: 960000 + i,
			LearnerID: learner.id,
			ContractedHours: 30,
			TargetPercentage: 20,
			PlannedOTJ: planned,
			Duration: 52,
			MethodOfCalculatingOTJ: 'Percentage of contracted hours',
			MinimumOTJ: 278,
			PercentOfPlanned: Math.round((actual / planned) * 1000) / 10,
			CachedActualHours: actual,
		});
		const review = (scheduled: number, signed: boolean, status: number) => {
			store.reviews.set(reviewId, {
				ID: reviewId,
				LearnerID: learner.id,
				OrganisationID: learner.organisationId,
				AssessorID: assessor,
				Status: status,
				CreatedOn: iso(scheduled - 14 * DAY),
				ScheduledFor: iso(scheduled),
				...(signed ? { StartedOn: iso(scheduled), AssessorSignedOn: iso(scheduled + DAY), LearnerSignedOn: iso(scheduled + DAY), EndTime: iso(scheduled + 3_600_000) } : {}),
				Progress: 10 + i * 5,
			});
			reviewId++;
		};
		review(now - 60 * DAY, true, 2);
		review(now - (5 + i) * DAY, i % 2 === 1, i % 2 === 1 ? 2 : 1);
		review(now + 20 * DAY, false, 1);
		const plan = (on: number, signed: boolean) => {
			store.plans.set(planId, {
				ID: planId,
				LearnerID: learner.id,
				OrganisationID: learner.organisationId,
				Title: signed ? 'Progress plan: units 1 and 2' : 'Progress plan: end-point assessment',
				PlanOn: iso(on),
				...(signed ? { AssessorSignedOn: iso(on), LearnerSignedOn: iso(on + DAY) } : {}),
			});
			planId++;
		};
		plan(now - 30 * DAY, true);
		plan(now + 10 * DAY, false);
		for (const [days, offTheJob, category] of [
			[3, true, 'Training at college'],
			[10, false, 'Normal working'],
			[17, true, 'Online learning'],
			[24, false, 'Normal working'],
		] as const) {
			const from = Date.UTC(new Date(now - days * DAY).getUTCFullYear(), new Date(now - days * DAY).getUTCMonth(), new Date(now - days * DAY).getUTCDate(), 9);
			store.timesheets.push({ ID: timesheetId++, LearnerID: learner.id, TimesheetCategory: category, FromDate: iso(from), ToDate: iso(from + 6 * 3_600_000), Comments: `${category} (${days} days ago)`, IsOffTheJob: offTheJob });
		}
		const kind = i % 3;
		const achieved = kind === 0 ? monthStart + Math.floor((now - monthStart) / 2) : kind === 1 ? monthStart - 5 * DAY : undefined;
		store.learningAims.set(aimId, {
			ID: aimId,
			UserID: learner.id,
			StandardID: SEED.standards[i % SEED.standards.length].id,
			Status: achieved === undefined ? 1 : 2,
			UnitIDs: [],
			StartDate: iso(now - 300 * DAY),
			PlannedEnd: iso(now + 65 * DAY),
			Progress: achieved === undefined ? 40 + i * 3 : 100,
			...(achieved === undefined ? {} : { AchievedDate: iso(achieved) }),
			LastModified: iso(achieved ?? now - 7 * DAY),
		});
		aimId++;
	});
	const { organisationId, count, firstId } = SEED.generatedLearners;
	for (let index = 0; index < count; index++) {
		const scheduled = now - (index % 40) * DAY;
		store.reviews.set(reviewId, {
			ID: reviewId,
			LearnerID: firstId + index,
			OrganisationID: organisationId,
			AssessorID: SEED.assessors[0].id,
			Status: 1,
			CreatedOn: iso(scheduled - 14 * DAY),
			ScheduledFor: iso(scheduled),
			Progress: index % 100,
		});
		reviewId++;
	}
}
