/**
 * The sandbox's progress, compliance and leaver endpoints against docs/onefile-api.md §7 (client code,
 * [C]) over plain HTTP: paths, the fields client code reads, the filters, 204 for nothing. Written
 * from the reference, not from the sandbox's or the node's own code. The sandbox's own choices for
 * what the reference leaves open ([G]) are checked as its README states them.
 */
import { SEED, seedFor, startOneFileSandbox, type OneFileSandbox } from '../../sandbox/onefile';
import { call, signIn } from './client';

const DAY = 86_400_000;
const now = Date.UTC(2026, 10, 23, 9, 0, 0);
let sandbox: OneFileSandbox;
let token: string;

beforeAll(async () => {
	sandbox = await startOneFileSandbox({ now: () => now });
});
afterAll(async () => {
	await sandbox.close();
});
beforeEach(async () => {
	sandbox.reset();
	sandbox.configure({ contract: { strict: true, flagsAsText: false, responseDatesWithoutZone: false } });
	token = await signIn(sandbox);
});

const off = seedFor(SEED.organisations.keychainOff.id);
const learner = off.learners[0];
const get = (path: string) => call(sandbox, 'GET', path, { token });
const post = (path: string, body?: unknown) => call(sandbox, 'POST', path, { token, body });
const list = (answer: { json: unknown }) => (answer.json ?? []) as Array<Record<string, unknown>>;

describe('learning aims (§7 LearningAim; §4.4 row 5 [D] for the path and UserID)', () => {
	test('POST /LearningAim/Search/{page}/{size} by UserID: rows with ID, StandardID, UserID, Status', async () => {
		const answer = await post('/LearningAim/Search/1/50', { UserID: learner.id });
		expect(answer.status).toBe(200);
		expect(list(answer).length).toBeGreaterThan(0);
		for (const row of list(answer)) expect(row).toEqual(expect.objectContaining({ ID: expect.any(Number), StandardID: expect.any(Number), UserID: learner.id, Status: expect.any(Number) }));
	});

	test('LearningAimCompletionStatus 1 with DateFrom/DateTo: achieved aims in the range only', async () => {
		const monthStart = new Date(Date.UTC(2026, 10, 1)).toISOString();
		const answer = await post('/LearningAim/Search', { LearningAimCompletionStatus: 1, DateFrom: monthStart, DateTo: new Date(now).toISOString() });
		const rows = list(answer);
		expect(rows.length).toBeGreaterThan(0);
		for (const row of rows) expect(Date.parse(String(row.AchievedDate))).toBeGreaterThanOrEqual(Date.parse(monthStart));
	});

	test('GET /LearningAim/{id}: ID and Progress; unknown → 404', async () => {
		const [first] = list(await post('/LearningAim/Search', { UserID: learner.id }));
		const answer = await get(`/LearningAim/${String(first.ID)}`);
		expect(answer.json).toEqual(expect.objectContaining({ ID: first.ID, Progress: expect.any(Number) }));
		expect((await get('/LearningAim/1')).status).toBe(404);
	});

	test('nothing found is 204 with an empty body (§3.5)', async () => {
		const answer = await post('/LearningAim/Search/1/50', { UserID: off.assessors[0].id });
		expect(answer.status).toBe(204);
		expect(answer.text).toBe('');
	});
});

describe('reviews (§7 Review)', () => {
	test('POST /Review/Search by OrganisationID and LearnerID; DateFrom/DateTo select ScheduledFor', async () => {
		const to = new Date(now).toISOString();
		const rows = list(await post('/Review/Search', { OrganisationID: off.organisation.id, LearnerID: learner.id, DateTo: to }));
		expect(rows.length).toBe(2);
		for (const row of rows) {
			expect(row.LearnerID).toBe(learner.id);
			expect(Date.parse(String(row.ScheduledFor))).toBeLessThanOrEqual(now);
		}
	});

	test('GET /Review/{id}: the fields client code reads', async () => {
		const [row] = list(await post('/Review/Search', { LearnerID: learner.id }));
		const review = (await get(`/Review/${String(row.ID)}`)).json as Record<string, unknown>;
		for (const key of ['ID', 'LearnerID', 'AssessorID', 'Status', 'CreatedOn', 'ScheduledFor', 'Progress']) expect(review).toHaveProperty(key);
	});

	test('paged 50 at a time through a large organisation, 204 past the end', async () => {
		const large = SEED.organisations.large.id;
		const first = await post('/Review/Search/1/50', { OrganisationID: large });
		expect(list(first)).toHaveLength(50);
		const past = await post('/Review/Search/99/50', { OrganisationID: large });
		expect(past.status).toBe(204);
	});
});

describe('plans, timesheets, off-the-job (§7)', () => {
	test('POST /Plan/Search and GET /Plan/{id}: ID, Title, PlanOn, LearnerID', async () => {
		const rows = list(await post('/Plan/Search', { OrganisationID: off.organisation.id, LearnerID: learner.id }));
		expect(rows).toHaveLength(2);
		const plan = (await get(`/Plan/${String(rows[0].ID)}`)).json;
		expect(plan).toEqual(expect.objectContaining({ ID: rows[0].ID, Title: expect.any(String), PlanOn: expect.any(String), LearnerID: learner.id }));
	});

	test('GET /Timesheet/Learner/{id}: entries with TimesheetCategory, FromDate, ToDate, Comments, IsOffTheJob', async () => {
		const rows = list(await get(`/Timesheet/Learner/${learner.id}`));
		expect(rows.length).toBeGreaterThan(0);
		for (const row of rows) expect(Object.keys(row).sort()).toEqual(['Comments', 'FromDate', 'IsOffTheJob', 'TimesheetCategory', 'ToDate']);
		expect(rows.some((r) => r.IsOffTheJob === true) && rows.some((r) => r.IsOffTheJob === false)).toBe(true);
	});

	test('flagsAsText ([G]): IsOffTheJob as "true"/"false"', async () => {
		sandbox.configure({ contract: { flagsAsText: true } });
		const rows = list(await get(`/Timesheet/Learner/${learner.id}`));
		expect(new Set(rows.map((r) => r.IsOffTheJob))).toEqual(new Set(['true', 'false']));
	});

	test('GET /User/{id}/offthejob: the fields client code reads; a user without figures → 404', async () => {
		const figures = (await get(`/User/${learner.id}/offthejob`)).json;
		expect(figures).toEqual(
			expect.objectContaining({ ID: expect.any(Number), ContractedHours: expect.any(Number), TargetPercentage: expect.any(Number), PlannedOTJ: expect.any(Number), Duration: expect.any(Number), MethodOfCalculatingOTJ: expect.any(String), MinimumOTJ: expect.any(Number), PercentOfPlanned: expect.any(Number), CachedActualHours: expect.any(Number) }),
		);
		expect((await get(`/User/${off.assessors[0].id}/offthejob`)).status).toBe(404);
	});
});

describe('leavers and employers (§7 User)', () => {
	test('POST /User/{id}/Archive and /Unarchive; the change is stamped in LastModified', async () => {
		expect((await post(`/User/${learner.id}/Archive`, { role: 1, organisationID: off.organisation.id })).status).toBe(200);
		const archived = sandbox.users().find((u) => u.ID === learner.id);
		expect(archived?.Archived).toBe(true);
		expect(archived?.LastModified).toBe(new Date(now).toISOString());
		expect((await post(`/User/${learner.id}/Unarchive`)).status).toBe(200);
		expect(sandbox.users().find((u) => u.ID === learner.id)?.Archived).toBe(false);
		expect((await post('/User/1/Archive')).status).toBe(404);
	});

	test('POST /User/{userId}/AssignPlacement/{placementId}/{grantAccess}: employers only, placements of their organisation', async () => {
		const employer = off.employers[0];
		expect((await post(`/User/${employer.id}/AssignPlacement/${off.placements[1].id}/true`)).status).toBe(200);
		expect(sandbox.users().find((u) => u.ID === employer.id)?.PlacementID).toBe(off.placements[1].id);
		expect((await post(`/User/${learner.id}/AssignPlacement/${off.placements[1].id}/false`)).status).toBe(400);
		const other = seedFor(SEED.organisations.keychainOn.id).placements[0];
		const answer = await post(`/User/${employer.id}/AssignPlacement/${other.id}/false`);
		expect(answer.status).toBe(400);
		expect(answer.json).toEqual(expect.objectContaining({ code: -57 }));
	});
});

test('seeded progress is dated from the sandbox clock: overdue reviews are before it, future ones after', () => {
	const reviews = sandbox.reviews().filter((r) => r.LearnerID === learner.id);
	expect(reviews.some((r) => Date.parse(r.ScheduledFor) < now && !r.LearnerSignedOn)).toBe(true);
	expect(reviews.some((r) => Date.parse(r.ScheduledFor) > now + DAY)).toBe(true);
});
