/**
 * The OneFile Trigger's Learning Aim Achieved and Review Signed events through n8n-core's real poll
 * path against the sandbox, under each reading of what OneFile's learning-aim date filter selects
 * (sandbox `learningAimDateFilter`, a guess). Time passing is played by moving OneFile's clock on.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { SEED, seedFor } from '../../sandbox/onefile';
import type { Poller } from '../harness/engine';
import { calls, useOneFile } from '../harness/onefile';
import { triggerPoller } from '../harness/trigger';

const onefile = useOneFile();
const org = seedFor(SEED.organisations.keychainOff.id);
const other = seedFor(SEED.organisations.keychainOn.id);
const HOUR = 3_600_000;

const poller = (parameters: INodeParameters): Poller => triggerPoller(onefile.sandbox, org, parameters);

function clockFrom(offsetMs = 0): { pass(ms: number): void } {
	let offset = offsetMs;
	onefile.sandbox.configure({ contract: { clockOffsetMs: offset } });
	return {
		pass(ms: number) {
			offset += ms;
			onefile.sandbox.configure({ contract: { clockOffsetMs: offset } });
		},
	};
}

/** A learning aim not yet achieved, of a learner of the organisation. */
function openAim(organisation = org) {
	const learners = new Set(organisation.learners.map((l) => l.id));
	const aim = onefile.sandbox.learningAims().find((a) => learners.has(a.UserID) && a.AchievedDate === undefined);
	if (!aim) throw new Error('the seed has no open learning aim in this organisation');
	return aim;
}

describe('Learning Aim Achieved', () => {
	test.each(['achievedDate', 'lastModified', 'ignored'] as const)(
		'dates filter on %s: an aim achieved after publishing is emitted once with its learner; aims achieved before are not',
		async (reading) => {
			onefile.sandbox.configure({ contract: { learningAimDateFilter: reading } });
			const clock = clockFrom();
			const p = poller({ event: 'learningAimAchieved' });
			expect(await p.poll()).toBeNull();
			clock.pass(60_000);
			expect(await p.poll()).toBeNull();
			const aim = openAim();
			onefile.sandbox.achieveLearningAim(aim.ID);
			clock.pass(60_000);
			const items = (await p.poll()) ?? [];
			expect(items.map((i) => [i.event, i.learningAimId, i.learnerId])).toEqual([['achieved', aim.ID, aim.UserID]]);
			expect((items[0].learner as IDataObject).ID).toBe(aim.UserID);
			expect(items[0].achievedDate).toEqual(expect.stringMatching(/Z$/));
			clock.pass(60_000);
			expect(await p.poll()).toBeNull();
		},
	);

	test('dates filter on the start date: the daily full check emits the aim, at most a day late, once', async () => {
		onefile.sandbox.configure({ contract: { learningAimDateFilter: 'startDate' } });
		// From 12 hours behind n8n's to 12 hours ahead: a day passes on OneFile's clock, which the
		// trigger still believes (it ignores a Date header more than a day from n8n's clock).
		const clock = clockFrom(-12 * HOUR);
		const p = poller({ event: 'learningAimAchieved' });
		await p.poll();
		const aim = openAim();
		onefile.sandbox.achieveLearningAim(aim.ID);
		clock.pass(60_000);
		// The aim started 300 days ago: OneFile's window hides it.
		expect(await p.poll()).toBeNull();
		clock.pass(24 * HOUR);
		// (The clock jumped a day at once: the first poll learns the offset, the next knows a day has passed.)
		const dayLater = [...((await p.poll()) ?? []), ...((await p.poll()) ?? [])];
		expect(dayLater.map((i) => i.learningAimId)).toEqual([aim.ID]);
		clock.pass(60_000);
		expect(await p.poll()).toBeNull();
	});

	test("an aim of another organisation's learner is not emitted", async () => {
		const clock = clockFrom();
		const p = poller({ event: 'learningAimAchieved' });
		await p.poll();
		onefile.sandbox.achieveLearningAim(openAim(other).ID);
		clock.pass(60_000);
		expect(await p.poll()).toBeNull();
	});

	test('an aim whose learner cannot be read is not lost: emitted once OneFile gives the learner', async () => {
		const clock = clockFrom();
		const p = poller({ event: 'learningAimAchieved' });
		await p.poll();
		const aim = openAim();
		onefile.sandbox.achieveLearningAim(aim.ID);
		onefile.sandbox.configure({ faults: { script: [{ method: 'GET', path: `^/User/${aim.UserID}$`, fault: 'status500', times: 4 }] } });
		clock.pass(60_000);
		expect(await p.poll()).toBeNull();
		onefile.sandbox.configure({ faults: { script: [] } });
		clock.pass(60_000);
		expect(((await p.poll()) ?? []).map((i) => i.learningAimId)).toEqual([aim.ID]);
	}, 30_000);
});

/** An unsigned review of the organisation scheduled in the last 30 days. */
function unsignedReview() {
	const review = onefile.sandbox
		.reviews()
		.find((r) => r.OrganisationID === org.organisation.id && r.LearnerSignedOn === undefined && Date.parse(r.ScheduledFor) < Date.now() && Date.parse(r.ScheduledFor) > Date.now() - 30 * 24 * HOUR);
	if (!review) throw new Error('the seed has no unsigned review in the window');
	return review;
}

describe('Review Signed', () => {
	test('a review signed by learner and assessor after publishing is emitted once; reviews signed before are history', async () => {
		const clock = clockFrom();
		const p = poller({ event: 'reviewSigned', options: { recheckMinutes: 0 } });
		expect(await p.poll()).toBeNull();
		clock.pass(60_000);
		// The seeded reviews signed days ago are read and recognised as history.
		expect(await p.poll()).toBeNull();
		const review = unsignedReview();
		onefile.sandbox.signReview(review.ID, { learner: true });
		clock.pass(60_000);
		expect(await p.poll()).toBeNull();
		onefile.sandbox.signReview(review.ID, { assessor: true });
		clock.pass(60_000);
		const items = (await p.poll()) ?? [];
		expect(items.map((i) => [i.event, i.reviewId, i.learnerId, i.signedBy])).toEqual([['signed', review.ID, review.LearnerID, ['learner', 'assessor']]]);
		clock.pass(60_000);
		expect(await p.poll()).toBeNull();
	});

	test('Signed By learner, assessor and employer waits for the employer', async () => {
		const clock = clockFrom();
		const p = poller({ event: 'reviewSigned', signedBy: 'learnerAssessorAndEmployer', options: { recheckMinutes: 0 } });
		await p.poll();
		const review = unsignedReview();
		onefile.sandbox.signReview(review.ID, { learner: true, assessor: true });
		clock.pass(60_000);
		expect(await p.poll()).toBeNull();
		onefile.sandbox.signReview(review.ID, { employer: true });
		clock.pass(60_000);
		expect(((await p.poll()) ?? []).map((i) => i.reviewId)).toEqual([review.ID]);
	});

	test('an unsigned review is read again only once per Recheck interval (60 minutes unless set)', async () => {
		const clock = clockFrom();
		const p = poller({ event: 'reviewSigned' });
		await p.poll();
		clock.pass(60_000);
		await p.poll();
		const review = unsignedReview();
		onefile.sandbox.signReview(review.ID, { learner: true, assessor: true });
		const before = onefile.sandbox.requests().length;
		clock.pass(60_000);
		expect(await p.poll()).toBeNull();
		// Only the search: every unsigned review was read a minute ago.
		expect(calls(onefile.sandbox).slice(before).filter((c) => c.startsWith('GET /Review/'))).toEqual([]);
		clock.pass(61 * 60_000);
		expect(((await p.poll()) ?? []).map((i) => i.reviewId)).toEqual([review.ID]);
	});
});

test('Fetch Test Event: the latest achieved aim, or a signed review, without touching the memory', async () => {
	const aims = poller({ event: 'learningAimAchieved' });
	const [aim] = (await aims.poll('manual')) ?? [];
	expect(aim).toEqual(expect.objectContaining({ event: 'achieved', learningAimId: expect.any(Number), learner: expect.any(Object) }));
	const reviews = poller({ event: 'reviewSigned' });
	const [review] = (await reviews.poll('manual')) ?? [];
	expect(review).toEqual(expect.objectContaining({ event: 'signed', reviewId: expect.any(Number) }));
	expect(aims.workflow.staticData['node:Trigger']).toEqual({});
	expect(reviews.workflow.staticData['node:Trigger']).toEqual({});
});
