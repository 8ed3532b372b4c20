/**
 * The sandbox's guesses about how the real OneFile keeps time and answers "what changed" searches,
 * each behind a `contract` setting (README, "Time and change guesses"), over plain HTTP: OneFile's
 * clock and the `Date` header, stamp precision, the User/Search `LastModified` filter, search rows,
 * how LastModified is written, unchanged writes, the LearningAim date filter, and the test-only
 * helpers. Every value of every setting is played here; the defaults are today's behaviour.
 */
import { SEED, seedFor, startOneFileSandbox, type ContractOptions, type OneFileSandbox } from '../../sandbox/onefile';
import { call, signIn } from './client';

const DAY = 86_400_000;
/** 2026-11-23T09:00:01.600Z: a moment with a fraction, so truncating and rounding differ. */
const BASE = Date.UTC(2026, 10, 23, 9, 0, 1, 600);
let now = BASE;
let sandbox: OneFileSandbox;
let token: string;

const DEFAULTS: Required<Pick<ContractOptions, 'clockOffsetMs' | 'stampPrecision' | 'lastModifiedFilter' | 'searchRows' | 'lastModifiedStyle' | 'stampUnchangedWrites' | 'learningAimDateFilter'>> = {
	clockOffsetMs: 0,
	stampPrecision: 'ms',
	lastModifiedFilter: 'atOrAfter',
	searchRows: 'summary',
	lastModifiedStyle: 'iso',
	stampUnchangedWrites: true,
	learningAimDateFilter: 'achievedDate',
};

beforeAll(async () => {
	sandbox = await startOneFileSandbox({ now: () => now });
});
afterAll(async () => {
	await sandbox.close();
});
beforeEach(async () => {
	now = BASE;
	sandbox.reset();
	sandbox.configure({ contract: { strict: true, responseDatesWithoutZone: false, ...DEFAULTS } });
	token = await signIn(sandbox);
});

const off = seedFor(SEED.organisations.keychainOff.id);
const learner = off.learners[0];
const get = (path: string) => call(sandbox, 'GET', path, { token });
const post = (path: string, body?: unknown) => call(sandbox, 'POST', path, { token, body });
const list = (answer: { json: unknown }) => (answer.json ?? []) as Array<Record<string, unknown>>;
const stored = (id: number) => sandbox.users().find((u) => u.ID === id)!;
const iso = (time: number) => new Date(time).toISOString();
/** Changes the learner's first name at the current moment. */
const touchLearner = async (firstName = 'Renamed') => expect((await post(`/User/${learner.id}`, { FirstName: firstName })).status).toBe(204);
/** The learner's row in a LastModified search, or undefined when the search leaves it out. */
const searchSince = async (since: string) => list(await post('/User/Search', { OrganisationID: off.organisation.id, Email: learner.email, LastModified: since })).find((r) => r.ID === learner.id);

describe('settings are checked', () => {
	test('an unknown value is refused, in code and over HTTP, and changes nothing', async () => {
		expect(() => sandbox.configure({ contract: { stampPrecision: 'minute' as never } })).toThrow(/stampPrecision must be one of ms, second, secondRounded/);
		expect(() => sandbox.configure({ contract: { clockOffsetMs: 'soon' as never } })).toThrow(/clockOffsetMs/);
		expect(() => sandbox.configure({ contract: { stampUnchangedWrites: 'no' as never } })).toThrow(/stampUnchangedWrites/);
		const answer = await fetch(`${sandbox.origin}/__sandbox/config`, { method: 'POST', body: JSON.stringify({ contract: { lastModifiedStyle: 'american' } }) });
		expect(answer.status).toBe(400);
		const info = (await (await fetch(`${sandbox.origin}/__sandbox/info`)).json()) as { settings: { contract: Record<string, unknown> } };
		expect(info.settings.contract).toEqual(expect.objectContaining(DEFAULTS));
	});

	test('null puts a setting back to its default', async () => {
		sandbox.configure({ contract: { searchRows: 'withLastModified', clockOffsetMs: 5000 } });
		sandbox.configure({ contract: { searchRows: null as never, clockOffsetMs: null as never } });
		const info = (await (await fetch(`${sandbox.origin}/__sandbox/info`)).json()) as { settings: { contract: Record<string, unknown> } };
		expect(info.settings.contract).toEqual(expect.objectContaining({ searchRows: 'summary', clockOffsetMs: 0 }));
	});
});

describe('clockOffsetMs: OneFile’s clock and the Date header', () => {
	test('by default every answer’s Date is the sandbox clock, whole seconds (RFC 7231)', async () => {
		const answers = [await get('/Customer'), await get('/User/1'), await call(sandbox, 'POST', '/Authentication', { customerToken: sandbox.customerToken }), await call(sandbox, 'GET', '/Customer', { token: null })];
		expect(answers.map((a) => a.status)).toEqual([200, 404, 200, 401]);
		for (const answer of answers) expect(answer.headers.get('date')).toBe('Mon, 23 Nov 2026 09:00:01 GMT');
		expect((await fetch(`${sandbox.origin}/__sandbox/info`)).headers.get('date')).toBe(new Date(BASE).toUTCString());
	});

	test.each([90_000, -3_600_000, 400])('offset %i ms: the Date header and every stamp OneFile writes use real clock + offset', async (offset) => {
		sandbox.configure({ contract: { clockOffsetMs: offset } });
		const oneFile = BASE + offset;
		const answer = await get('/Customer');
		expect(answer.headers.get('date')).toBe(new Date(oneFile).toUTCString());
		// An update stamps LastModified.
		await touchLearner();
		expect(stored(learner.id).LastModified).toBe(iso(oneFile));
		expect((await get(`/User/${learner.id}`)).json).toEqual(expect.objectContaining({ LastModified: iso(oneFile) }));
		// A create stamps CreatedOn and LastModified.
		const created = await post('/User', { OrganisationID: off.organisation.id, FirstName: 'Clock', LastName: 'Test', Email: `clock${offset}@example.com`, Role: 5 });
		expect(created.status).toBe(200);
		const user = stored((created.json as { ID: number }).ID);
		expect([user.CreatedOn, user.LastModified]).toEqual([iso(oneFile), iso(oneFile)]);
		// A standard assign stamps the learner.
		now += 1000;
		expect((await post(`/Standard/${off.standards[0].id}/Assign/${learner.id}`)).status).toBe(200);
		expect(stored(learner.id).LastModified).toBe(iso(oneFile + 1000));
	});

	test('the sandbox’s own log keeps the real clock', async () => {
		sandbox.configure({ contract: { clockOffsetMs: 60_000 } });
		await get('/Customer');
		expect(sandbox.requests().at(-1)?.at).toBe(BASE);
	});
});

describe('stampPrecision', () => {
	test.each([
		['ms', '2026-11-23T09:00:01.600Z'],
		['second', '2026-11-23T09:00:01Z'],
		['secondRounded', '2026-11-23T09:00:02Z'],
	] as const)('%s: a change at 09:00:01.600 is stamped %s', async (precision, expected) => {
		sandbox.configure({ contract: { stampPrecision: precision } });
		await touchLearner();
		expect(stored(learner.id).LastModified).toBe(expected);
		expect((await get(`/User/${learner.id}`)).json).toEqual(expect.objectContaining({ LastModified: expected }));
	});

	test('precision applies after the offset', async () => {
		sandbox.configure({ contract: { stampPrecision: 'second', clockOffsetMs: 500 } });
		await touchLearner();
		expect(stored(learner.id).LastModified).toBe('2026-11-23T09:00:02Z');
	});

	test('secondRounded can stamp a moment after the real one (a stamp "in the future")', async () => {
		sandbox.configure({ contract: { stampPrecision: 'secondRounded' } });
		await touchLearner();
		expect(Date.parse(stored(learner.id).LastModified)).toBeGreaterThan(now);
	});
});

describe('lastModifiedFilter at the boundary (the learner changed at 09:00:01.600)', () => {
	beforeEach(async () => {
		await touchLearner();
	});

	test('atOrAfter (default): the stamp itself and its whole second match; a millisecond later does not', async () => {
		expect(await searchSince('2026-11-23T09:00:01.600Z')).toBeDefined();
		expect(await searchSince('2026-11-23T09:00:01Z')).toBeDefined();
		expect(await searchSince('2026-11-23T09:00:01.601Z')).toBeUndefined();
		expect(await searchSince('2026-11-23T09:00:02Z')).toBeUndefined();
	});

	test('after, given milliseconds: strictly after the given moment', async () => {
		sandbox.configure({ contract: { lastModifiedFilter: 'after' } });
		expect(await searchSince('2026-11-23T09:00:01.600Z')).toBeUndefined();
		expect(await searchSince('2026-11-23T09:00:01.599Z')).toBeDefined();
	});

	test('after, given whole seconds: the stamp’s second must be later than the given second', async () => {
		sandbox.configure({ contract: { lastModifiedFilter: 'after' } });
		expect(await searchSince('2026-11-23T09:00:01Z')).toBeUndefined();
		expect(await searchSince('2026-11-23T09:00:01.000Z')).toBeUndefined();
		expect(await searchSince('2026-11-23T09:00:01')).toBeUndefined();
		expect(await searchSince('2026-11-23T09:00:00Z')).toBeDefined();
	});

	test('after, with whole-second stamps: a change in the very second of the cursor is missed', async () => {
		sandbox.configure({ contract: { lastModifiedFilter: 'after', stampPrecision: 'second' } });
		now = BASE + 100;
		await touchLearner('Again');
		expect(stored(learner.id).LastModified).toBe('2026-11-23T09:00:01Z');
		expect(await searchSince('2026-11-23T09:00:01Z')).toBeUndefined();
		sandbox.configure({ contract: { lastModifiedFilter: 'atOrAfter' } });
		expect(await searchSince('2026-11-23T09:00:01Z')).toBeDefined();
	});

	test('ignored: the filter is not applied at all', async () => {
		sandbox.configure({ contract: { lastModifiedFilter: 'ignored' } });
		expect(await searchSince('2099-01-01T00:00:00Z')).toBeDefined();
		const all = list(await post('/User/Search', { OrganisationID: off.organisation.id, LastModified: '2099-01-01T00:00:00Z' }));
		expect(all.length).toBe(sandbox.users().filter((u) => u.OrganisationID === off.organisation.id).length);
	});
});

describe('searchRows', () => {
	test('summary (default): ID, FirstName, LastName, MISID only, paged or not', async () => {
		for (const path of ['/User/Search', '/User/Search/1/5']) {
			const rows = list(await post(path, { OrganisationID: off.organisation.id }));
			expect(rows.length).toBeGreaterThan(0);
			for (const row of rows) expect(Object.keys(row).sort()).toEqual(['FirstName', 'ID', 'LastName', 'MISID']);
		}
	});

	test('withLastModified: the summary plus LastModified, as stored', async () => {
		sandbox.configure({ contract: { searchRows: 'withLastModified' } });
		await touchLearner();
		const rows = list(await post('/User/Search/1/50', { OrganisationID: off.organisation.id }));
		for (const row of rows) expect(Object.keys(row).sort()).toEqual(['FirstName', 'ID', 'LastModified', 'LastName', 'MISID']);
		expect(rows.find((r) => r.ID === learner.id)?.LastModified).toBe(iso(BASE));
		expect(rows.find((r) => r.ID === off.assessors[0].id)?.LastModified).toBe(stored(off.assessors[0].id).LastModified);
	});
});

describe('lastModifiedStyle (GET /User/{id}, search rows, learning aims)', () => {
	const aimId = () => sandbox.learningAims().find((a) => a.UserID === learner.id)!.ID;

	test.each([
		['iso', '2026-11-23T09:00:01.600Z'],
		['dotnetEmpty', '0001-01-01T00:00:00'],
		['ukDate', '23/11/2026 09:00:01'],
	] as const)('%s writes %s', async (style, expected) => {
		sandbox.configure({ contract: { lastModifiedStyle: style, searchRows: 'withLastModified' } });
		await touchLearner();
		expect((await get(`/User/${learner.id}`)).json).toEqual(expect.objectContaining({ LastModified: expected }));
		expect((await searchSince('2026-11-23T09:00:00Z'))?.LastModified).toBe(expected);
		// The stored value, and so the filter, are unchanged by how answers write it.
		expect(stored(learner.id).LastModified).toBe(iso(BASE));
		sandbox.achieveLearningAim(aimId());
		expect((await get(`/LearningAim/${aimId()}`)).json).toEqual(expect.objectContaining({ LastModified: expected }));
	});

	test('missing: the field is absent (not null) everywhere', async () => {
		sandbox.configure({ contract: { lastModifiedStyle: 'missing', searchRows: 'withLastModified' } });
		await touchLearner();
		expect(Object.keys((await get(`/User/${learner.id}`)).json as object)).not.toContain('LastModified');
		const row = await searchSince('2026-11-23T09:00:00Z');
		expect(row).toBeDefined();
		expect(Object.keys(row!)).not.toContain('LastModified');
		expect(Object.keys((await get(`/LearningAim/${aimId()}`)).json as object)).not.toContain('LastModified');
	});

	test('iso follows responseDatesWithoutZone', async () => {
		sandbox.configure({ contract: { responseDatesWithoutZone: true } });
		await touchLearner();
		expect((await get(`/User/${learner.id}`)).json).toEqual(expect.objectContaining({ LastModified: '2026-11-23T09:00:01.600' }));
	});
});

describe('stampUnchangedWrites, changedFields and the update counters', () => {
	const seeded = () => stored(learner.id).LastModified;

	test('true (default): an update that changes nothing still stamps LastModified; the log says nothing changed', async () => {
		const before = seeded();
		expect((await post(`/User/${learner.id}`, { FirstName: learner.firstName, Email: learner.email })).status).toBe(204);
		expect(seeded()).not.toBe(before);
		expect(seeded()).toBe(iso(BASE));
		expect(sandbox.requests().at(-1)?.changedFields).toEqual([]);
		expect(sandbox.counters()).toEqual(expect.objectContaining({ updates: 1, updatesThatChanged: 0, updatesThatChangedNothing: 1 }));
	});

	test('false: an update that changes nothing leaves LastModified alone; a real change still stamps it', async () => {
		sandbox.configure({ contract: { stampUnchangedWrites: false } });
		const before = seeded();
		expect((await post(`/User/${learner.id}`, { FirstName: learner.firstName, MISID: learner.misid })).status).toBe(204);
		expect(seeded()).toBe(before);
		now += 5000;
		expect((await post(`/User/${learner.id}`, { FirstName: learner.firstName, LastName: 'Changed' })).status).toBe(204);
		expect(seeded()).toBe(iso(BASE + 5000));
		const [unchanged, changed] = sandbox.requests().filter((r) => r.path === `/User/${learner.id}`);
		expect(unchanged?.changedFields).toEqual([]);
		expect(changed?.changedFields).toEqual(['LastName']);
		expect(sandbox.counters()).toEqual(expect.objectContaining({ updates: 2, updatesThatChanged: 1, updatesThatChangedNothing: 1 }));
	});

	test('changedFields lists only the fields whose stored value changed (case counts; the same moment in another form does not)', async () => {
		expect((await post(`/User/${learner.id}`, { FirstName: learner.firstName.toUpperCase(), LastName: learner.lastName, StartOn: '2024-01-08T00:00:00Z', MobileNumber: '07700900123' })).status).toBe(204);
		expect([...(sandbox.requests().at(-1)?.changedFields ?? [])].sort()).toEqual(['FirstName', 'MobileNumber']);
	});

	test('a refused update is not an update: no changedFields, no counters', async () => {
		expect((await post(`/User/${learner.id}`, { Email: 'not-an-email' })).status).toBe(400);
		expect(sandbox.requests().at(-1)?.changedFields).toBeUndefined();
		expect(sandbox.counters()).toEqual(expect.objectContaining({ updates: 0, updatesThatChanged: 0, updatesThatChangedNothing: 0 }));
	});

	test('changedFields is in the HTTP log too', async () => {
		await touchLearner();
		const entries = (await (await fetch(`${sandbox.origin}/__sandbox/requests`)).json()) as Array<{ path: string; changedFields?: string[] }>;
		expect(entries.find((e) => e.path === `/User/${learner.id}`)?.changedFields).toEqual(['FirstName']);
	});
});

describe('test-only helpers', () => {
	const inProgress = () => sandbox.learningAims().find((a) => a.AchievedDate === undefined && a.StartDate !== undefined)!;

	test('achieveLearningAim: achieved on OneFile’s clock, found by LearningAimCompletionStatus 1', async () => {
		sandbox.configure({ contract: { clockOffsetMs: 2000 } });
		const aim = inProgress();
		const before = list(await post('/LearningAim/Search', { UserID: aim.UserID, LearningAimCompletionStatus: 1 }));
		expect(before.some((r) => r.ID === aim.ID)).toBe(false);
		const achieved = sandbox.achieveLearningAim(aim.ID);
		expect(achieved).toEqual(expect.objectContaining({ ID: aim.ID, Status: 2, Progress: 100, AchievedDate: iso(BASE + 2000), LastModified: iso(BASE + 2000) }));
		const after = list(await post('/LearningAim/Search', { UserID: aim.UserID, LearningAimCompletionStatus: 1 }));
		expect(after.find((r) => r.ID === aim.ID)).toEqual(expect.objectContaining({ AchievedDate: iso(BASE + 2000), Status: 2 }));
		const notYet = list(await post('/LearningAim/Search', { UserID: aim.UserID, LearningAimCompletionStatus: 0 }));
		expect(notYet.some((r) => r.ID === aim.ID)).toBe(false);
	});

	test('achieveLearningAim with a given date, and with stampPrecision', () => {
		sandbox.configure({ contract: { stampPrecision: 'second' } });
		const aim = inProgress();
		expect(sandbox.achieveLearningAim(aim.ID, '2026-11-10T12:00:00Z')).toEqual(expect.objectContaining({ AchievedDate: '2026-11-10T12:00:00.000Z', LastModified: '2026-11-23T09:00:01Z' }));
		expect(() => sandbox.achieveLearningAim(1)).toThrow(/No learning aim 1/);
		expect(() => sandbox.achieveLearningAim(aim.ID, 'yesterday')).toThrow(/not a date-time/);
	});

	test('signReview: each signer’s date on OneFile’s clock; complete once learner and assessor have signed', async () => {
		sandbox.configure({ contract: { clockOffsetMs: -1600 } });
		const review = sandbox.reviews().find((r) => r.LearnerSignedOn === undefined && r.AssessorSignedOn === undefined)!;
		const learnerOnly = sandbox.signReview(review.ID, { learner: true });
		expect(learnerOnly.LearnerSignedOn).toBe(iso(BASE - 1600));
		expect(learnerOnly.AssessorSignedOn).toBeUndefined();
		expect(learnerOnly.Status).toBe(review.Status);
		now += 60_000;
		const both = sandbox.signReview(review.ID, { assessor: true, employer: true });
		expect(both).toEqual(expect.objectContaining({ LearnerSignedOn: iso(BASE - 1600), AssessorSignedOn: iso(BASE + 58_400), EmployerSignedOn: iso(BASE + 58_400), Status: 2 }));
		expect((await get(`/Review/${review.ID}`)).json).toEqual(expect.objectContaining({ AssessorSignedOn: iso(BASE + 58_400), Status: 2 }));
		expect(() => sandbox.signReview(1, { learner: true })).toThrow(/No review 1/);
	});

	test('over HTTP: POST /__sandbox/achieve-aim and /__sandbox/sign-review', async () => {
		const aim = inProgress();
		const review = sandbox.reviews().find((r) => r.LearnerSignedOn === undefined)!;
		const send = (path: string, body: unknown) => fetch(`${sandbox.origin}/__sandbox/${path}`, { method: 'POST', body: JSON.stringify(body) });
		const achieved = await send('achieve-aim', { id: aim.ID, iso: '2026-11-20T08:00:00Z' });
		expect(achieved.status).toBe(200);
		expect(await achieved.json()).toEqual(expect.objectContaining({ AchievedDate: '2026-11-20T08:00:00.000Z', LastModified: iso(BASE) }));
		const signed = await send('sign-review', { id: review.ID, learner: true, assessor: true });
		expect(signed.status).toBe(200);
		expect(await signed.json()).toEqual(expect.objectContaining({ LearnerSignedOn: iso(BASE), AssessorSignedOn: iso(BASE), Status: 2 }));
		expect((await send('achieve-aim', { id: 1 })).status).toBe(404);
		expect((await send('achieve-aim', { id: aim.ID, iso: 'soon' })).status).toBe(400);
		expect((await send('sign-review', { id: 'x' })).status).toBe(400);
		expect((await send('sign-review', { id: review.ID, learner: 'yes' })).status).toBe(400);
	});
});

describe('learningAimDateFilter (DateFrom/DateTo on LearningAim/Search)', () => {
	/** An in-progress aim achieved on 10 November (its LastModified is now, 23 November; StartDate 300 days ago). */
	let aimId: number;
	let userId: number;
	beforeEach(() => {
		const aim = sandbox.learningAims().find((a) => a.AchievedDate === undefined && a.StartDate !== undefined)!;
		aimId = aim.ID;
		userId = aim.UserID;
		sandbox.achieveLearningAim(aimId, '2026-11-10T12:00:00Z');
	});
	const found = async (body: Record<string, unknown>) => list(await post('/LearningAim/Search', { UserID: userId, ...body })).some((r) => r.ID === aimId);

	test('achievedDate (default): AchievedDate, both ends inclusive, a Y-m-d DateTo covering its whole day', async () => {
		expect(await found({ LearningAimCompletionStatus: 1, DateFrom: '2026-11-10', DateTo: '2026-11-10' })).toBe(true);
		expect(await found({ LearningAimCompletionStatus: 1, DateFrom: '2026-11-01', DateTo: '2026-11-09' })).toBe(false);
		expect(await found({ LearningAimCompletionStatus: 1, DateFrom: '2026-11-11', DateTo: '2026-11-30' })).toBe(false);
		expect(await found({ LearningAimCompletionStatus: 1, DateFrom: '2026-11-10T12:00:00Z', DateTo: '2026-11-10T12:00:00Z' })).toBe(true);
		// An ISO DateTo is a moment, not a day.
		expect(await found({ LearningAimCompletionStatus: 1, DateFrom: '2026-11-10', DateTo: '2026-11-10T11:59:59Z' })).toBe(false);
	});

	test('achievedDate without LearningAimCompletionStatus 1: the aim’s last change (as before these settings)', async () => {
		expect(await found({ DateFrom: '2026-11-23', DateTo: '2026-11-23' })).toBe(true);
		expect(await found({ DateFrom: '2026-11-10', DateTo: '2026-11-10' })).toBe(false);
	});

	test('lastModified: the aim’s last change, whatever the completion status asked', async () => {
		sandbox.configure({ contract: { learningAimDateFilter: 'lastModified' } });
		expect(await found({ LearningAimCompletionStatus: 1, DateFrom: '2026-11-23', DateTo: '2026-11-23' })).toBe(true);
		expect(await found({ LearningAimCompletionStatus: 1, DateFrom: '2026-11-10', DateTo: '2026-11-10' })).toBe(false);
	});

	test('startDate: the aim’s StartDate', async () => {
		sandbox.configure({ contract: { learningAimDateFilter: 'startDate' } });
		const start = sandbox.learningAims().find((a) => a.ID === aimId)!.StartDate!;
		const day = start.slice(0, 10);
		expect(await found({ LearningAimCompletionStatus: 1, DateFrom: day, DateTo: day })).toBe(true);
		expect(await found({ LearningAimCompletionStatus: 1, DateFrom: '2026-11-10', DateTo: '2026-11-10' })).toBe(false);
		expect(Date.parse(start)).toBe(BASE - 300 * DAY);
	});

	test('ignored: DateFrom/DateTo select nothing; the completion status still does', async () => {
		sandbox.configure({ contract: { learningAimDateFilter: 'ignored' } });
		expect(await found({ LearningAimCompletionStatus: 1, DateFrom: '2001-01-01', DateTo: '2001-01-02' })).toBe(true);
		expect(await found({ LearningAimCompletionStatus: 0, DateFrom: '2001-01-01', DateTo: '2001-01-02' })).toBe(false);
	});
});
