/**
 * The sandbox's write routes for issue #29 over plain HTTP, written from docs/onefile-api.md §7
 * ([C] bodies from client code) and the guesses the sandbox README lists as settings: placement and
 * classroom create / update / get, the organisation's status lists, learning aim update, visit and
 * review scheduling, and the faults a two-step booking must survive.
 */
import { SEED, seedFor, startOneFileSandbox, type OneFileSandbox } from '../../sandbox/onefile';
import { call, signIn, type Answer } from './client';

let sandbox: OneFileSandbox;
let now = Date.UTC(2026, 10, 23, 9, 0, 0);
let token: string;

beforeAll(async () => {
	sandbox = await startOneFileSandbox({ now: () => now });
});
afterAll(async () => {
	await sandbox.close();
});
beforeEach(async () => {
	sandbox.reset();
	sandbox.configure({
		faults: { script: null as never },
		contract: { strict: true, createAnswer: 'bareId', statusRows: 'idName', updateAnswer: 'noContent', stampUnchangedWrites: true, responseDatesWithoutZone: false, lastModifiedStyle: 'iso' },
	});
	token = await signIn(sandbox);
});

const off = seedFor(SEED.organisations.keychainOff.id);
const on = seedFor(SEED.organisations.keychainOn.id);
const post = (path: string, body?: unknown): Promise<Answer> => call(sandbox, 'POST', path, { token, body });
const get = (path: string): Promise<Answer> => call(sandbox, 'GET', path, { token });
const ids = (answer: Answer): number[] => ((answer.json as Array<{ ID: number }> | undefined) ?? []).map((r) => r.ID);
const lastRequest = () => sandbox.requests().at(-1)!;

const placementBody = {
	OrganisationID: off.organisation.id,
	Name: 'Wharfe Joinery Ltd',
	Address: '4 Mill Lane\nOtley\nLS21 1AB',
	Active: true,
	Contact: 'Dana Reid',
	Email: 'dana@wharfe-joinery.example',
	Telephone: '0113 000 0001',
	Fax: '0113 000 0002',
	Web: 'https://wharfe-joinery.example',
	MISID: 'EMP-7001',
};

const classroomBody = {
	OrganisationID: off.organisation.id,
	Name: 'Business Admin L3 - Cohort C',
	StartOn: '2026-09-01T00:00:00.000Z',
	Archive: false,
	MISID: 'BUS-CL9',
	CompletionMessage: 'Well done on completing your programme.',
	SendCompletionMessage: true,
	IVFinalSignOff: false,
};

const RECORDS = [
	['Placement', placementBody, SEED.firstCreatedPlacementId],
	['Classroom', classroomBody, SEED.firstCreatedClassroomId],
] as const;

describe.each(RECORDS)('%s create, update and get (§7 [C])', (resource, body, firstId) => {
	test('create answers the new ID as a bare integer by default; GET and the search find it', async () => {
		const answer = await post(`/${resource}`, body);
		expect(answer.status).toBe(200);
		expect(answer.text).toBe(String(firstId));
		const record = (await get(`/${resource}/${firstId}`)).json as Record<string, unknown>;
		expect(record).toEqual(expect.objectContaining({ ...body, ID: firstId, LastModified: new Date(now).toISOString(), CreatedOn: new Date(now).toISOString() }));
		expect(ids(await post(`/${resource}/Search`, { OrganisationID: off.organisation.id }))).toContain(firstId);
		expect(ids(await post(`/${resource}/Search`, { OrganisationID: off.organisation.id, Name: body.Name.toLowerCase() }))).toEqual([firstId]);
		expect(ids(await post(`/${resource}/Search`, { OrganisationID: off.organisation.id, MISID: body.MISID.toLowerCase() }))).toEqual([firstId]);
		expect(ids(await post(`/${resource}/Search/1/2`, { OrganisationID: off.organisation.id, MISID: body.MISID }))).toEqual([firstId]);
		expect((await post(`/${resource}/Search`, { OrganisationID: on.organisation.id, MISID: body.MISID })).status).toBe(204);
	});

	test('creates are logged with the new ID and counted by resource; two creates make two records', async () => {
		await post(`/${resource}`, body);
		expect(lastRequest()).toEqual(expect.objectContaining({ method: 'POST', path: `/${resource}`, status: 200, createdId: firstId }));
		await post(`/${resource}`, body);
		expect(lastRequest().createdId).toBe(firstId + 1);
		expect(sandbox.counters().createsByResource).toEqual({ [resource]: 2 });
		expect(sandbox.counters().creates).toBe(0); // users only
		const stored = resource === 'Placement' ? sandbox.placements() : sandbox.classrooms();
		expect(stored.filter((r) => r.MISID === body.MISID).map((r) => r.ID)).toEqual([firstId, firstId + 1]);
	});

	test.each([
		['bareId', 200, (id: number) => String(id)],
		['object', 200, (id: number) => JSON.stringify({ ID: id })],
		['empty', 200, () => ''],
		['noContent', 204, () => ''],
	] as const)('contract.createAnswer %s: %i', async (createAnswer, status, text) => {
		sandbox.configure({ contract: { createAnswer } });
		const answer = await post(`/${resource}`, body);
		expect(answer.status).toBe(status);
		expect(answer.text).toBe(text(firstId));
		// Whatever the answer, the record is stored and the search finds it by MIS ID.
		expect(ids(await post(`/${resource}/Search`, { OrganisationID: off.organisation.id, MISID: body.MISID }))).toEqual([firstId]);
	});

	test('only OrganisationID and Name are required; defaults fill the rest', async () => {
		const answer = await post(`/${resource}`, { OrganisationID: off.organisation.id, Name: 'Minimal' });
		expect(answer.status).toBe(200);
		const record = (await get(`/${resource}/${firstId}`)).json as Record<string, unknown>;
		expect(record).toEqual(expect.objectContaining({ Name: 'Minimal', MISID: '', OrganisationID: off.organisation.id }));
		if (resource === 'Placement') expect(record).toEqual(expect.objectContaining({ Active: true, Address: '', Contact: null, Web: null }));
		else expect(record).toEqual(expect.objectContaining({ Archive: false, StartOn: null, CompletionMessage: null }));
	});

	test.each([
		['Name missing', { Name: undefined }, 'Name', -1001, 'Name is required'],
		['Name empty', { Name: '' }, 'Name', -1006, 'Name is an empty string'],
		['OrganisationID missing', { OrganisationID: undefined }, 'OrganisationID', -1001, 'OrganisationID is required'],
		['an unknown organisation', { OrganisationID: 9999 }, 'OrganisationID', -11, 'Organisation 9999 not found'],
		['an ID (OneFile picks it)', { ID: 123 }, 'ID', -1003, 'ID is not sent'],
		['an unknown key', { Colour: 'blue' }, 'Colour', -1004, 'Colour'],
		['a boolean as a word', { [resource === 'Placement' ? 'Active' : 'Archive']: 'maybe' }, resource === 'Placement' ? 'Active' : 'Archive', -1002, 'must be a boolean'],
	])('create refuses %s with a OneFile-style 400, recorded as a violation', async (_, patch, field, code, message) => {
		const answer = await post(`/${resource}`, { ...body, ...patch });
		expect(answer.status).toBe(400);
		expect(answer.json).toEqual({ code, message: expect.stringContaining(message) });
		expect(sandbox.contractViolations().at(-1)).toEqual(expect.objectContaining({ method: 'POST', path: `/${resource}`, field, code }));
		expect(resource === 'Placement' ? sandbox.placements().length : sandbox.classrooms().length).toBe(9);
	});

	test('a partial update changes only the fields sent, stamps LastModified and logs the changed fields', async () => {
		await post(`/${resource}`, body);
		const before = (await get(`/${resource}/${firstId}`)).json as Record<string, unknown>;
		now += 60_000;
		const patch = resource === 'Placement' ? { Name: 'Wharfe Joinery Group', Active: false, Contact: 'Dana Reid' } : { Name: 'Cohort C (renamed)', Archive: true, MISID: 'BUS-CL9' };
		const answer = await post(`/${resource}/${firstId}`, patch);
		expect(answer.status).toBe(204);
		expect(answer.text).toBe('');
		expect(lastRequest().changedFields?.sort()).toEqual(resource === 'Placement' ? ['Active', 'Name'] : ['Archive', 'Name']);
		const after = (await get(`/${resource}/${firstId}`)).json as Record<string, unknown>;
		expect(after).toEqual({ ...before, ...patch, LastModified: new Date(now).toISOString() });
		expect(sandbox.counters().updatesByResource).toEqual({ [resource]: 1 });
		expect(ids(await post(`/${resource}/Search`, { OrganisationID: off.organisation.id, Name: patch.Name }))).toEqual([firstId]);
	});

	test('seeded records can be updated too; an update that changes nothing logs no changed field', async () => {
		const seeded = resource === 'Placement' ? off.placements[0] : off.classrooms[0];
		expect((await post(`/${resource}/${seeded.id}`, { MISID: seeded.misid })).status).toBe(204);
		expect(lastRequest().changedFields).toEqual([]);
		expect((await post(`/${resource}/${seeded.id}`, { MISID: `${seeded.misid}-X` })).status).toBe(204);
		expect(ids(await post(`/${resource}/Search`, { MISID: `${seeded.misid}-x` }))).toEqual([seeded.id]);
	});

	test('contract.updateAnswer ok: 200 with an empty body', async () => {
		sandbox.configure({ contract: { updateAnswer: 'ok' } });
		await post(`/${resource}`, body);
		const updated = await post(`/${resource}/${firstId}`, { Name: 'Renamed' });
		expect(updated.status).toBe(200);
		expect(updated.text).toBe('');
	});

	test.each([
		['another organisation', { OrganisationID: on.organisation.id }, 'OrganisationID', -11],
		['another ID', { ID: 1 }, 'ID', -1003],
		['an emptied Name', { Name: '' }, 'Name', -1006],
		['an unknown key', { Colour: 'blue' }, 'Colour', -1004],
	])('update refuses %s and changes nothing', async (_, patch, field, code) => {
		await post(`/${resource}`, body);
		const before = (await get(`/${resource}/${firstId}`)).json;
		const answer = await post(`/${resource}/${firstId}`, { MISID: 'CHANGED', ...patch });
		expect(answer.status).toBe(400);
		expect(answer.json).toEqual({ code, message: expect.stringContaining(field) });
		expect((await get(`/${resource}/${firstId}`)).json).toEqual(before);
	});

	test('update may echo its own ID and OrganisationID', async () => {
		await post(`/${resource}`, body);
		expect((await post(`/${resource}/${firstId}`, { ID: firstId, OrganisationID: off.organisation.id, Name: 'Echoed' })).status).toBe(204);
	});

	test('unknown IDs are 404 on get and update', async () => {
		expect((await get(`/${resource}/999999`)).status).toBe(404);
		expect((await post(`/${resource}/999999`, { Name: 'x' })).status).toBe(404);
	});

	test('outside strict mode a null clears an optional field, and string IDs bind', async () => {
		sandbox.configure({ contract: { strict: false } });
		expect((await post(`/${resource}`, { ...body, OrganisationID: String(off.organisation.id) })).status).toBe(200);
		const optional = resource === 'Placement' ? 'Contact' : 'CompletionMessage';
		expect((await post(`/${resource}/${firstId}`, { [optional]: null })).status).toBe(204);
		expect(((await get(`/${resource}/${firstId}`)).json as Record<string, unknown>)[optional]).toBeNull();
		expect(lastRequest().changedFields).toBeUndefined(); // the GET
		expect(sandbox.requests().at(-2)?.changedFields).toEqual([optional]);
	});
});

describe('placement specifics', () => {
	test('a malformed email is refused in strict mode only', async () => {
		expect((await post('/Placement', { ...placementBody, Email: 'not-an-email' })).status).toBe(400);
		sandbox.configure({ contract: { strict: false } });
		expect((await post('/Placement', { ...placementBody, Email: 'not-an-email' })).status).toBe(200);
	});

	test('form-encoded creates work (C6 sends forms)', async () => {
		const answer = await call(sandbox, 'POST', '/Placement', { token, raw: `OrganisationID=${off.organisation.id}&Name=Form+Ltd&Active=false&MISID=F-1` });
		expect(answer.status).toBe(200);
		expect((await get(`/Placement/${SEED.firstCreatedPlacementId}`)).json).toEqual(expect.objectContaining({ Name: 'Form Ltd', Active: false, MISID: 'F-1' }));
	});

	test('a created placement can be given to a new learner (PlacementID is checked against the store)', async () => {
		await post('/Placement', placementBody);
		const learner = { OrganisationID: off.organisation.id, FirstName: 'Ada', LastName: 'Ng', Email: 'ada@example.com', Role: 1, DefaultAssessorID: off.assessors[0].id, ClassroomID: off.classrooms[0].id, PlacementID: SEED.firstCreatedPlacementId };
		expect((await post('/User', learner)).status).toBe(200);
		await post('/Classroom', classroomBody);
		expect((await post('/User', { ...learner, Email: 'ada2@example.com', ClassroomID: SEED.firstCreatedClassroomId })).status).toBe(200);
	});

	test('the seeded GET /Placement keeps its fields (ID, Name, Active, Address, MISID, OrganisationID)', async () => {
		const p = off.placements[0];
		expect((await get(`/Placement/${p.id}`)).json).toEqual(expect.objectContaining({ ID: p.id, Name: p.name, Active: true, Address: expect.stringContaining('\n'), MISID: p.misid, OrganisationID: off.organisation.id }));
	});
});

describe('organisation status lists (§7 [C], rows [G])', () => {
	test('LearnerStatuses: per organisation, {ID, Name} by default', async () => {
		const answer = await get(`/Organisation/${off.organisation.id}/LearnerStatuses`);
		expect(answer.status).toBe(200);
		expect(answer.json).toEqual(off.learnerStatuses.map((s) => ({ ID: s.id, Name: s.name })));
		expect((answer.json as Array<{ Name: string }>).map((s) => s.Name)).toEqual(['Continuing', 'Break in learning', 'Withdrawn', 'Completed', 'Transferred']);
		const other = (await get(`/Organisation/${on.organisation.id}/LearnerStatuses`)).json as Array<{ ID: number }>;
		expect(other.map((s) => s.ID).filter((id) => off.learnerStatuses.some((s) => s.id === id))).toEqual([]);
	});

	test('LearningAimStatuses: In Progress (1), Achieved (2), Completed (3), Withdrawn (4)', async () => {
		const answer = await get(`/Organisation/${off.organisation.id}/LearningAimStatuses`);
		expect(answer.json).toEqual([
			{ ID: 1, Name: 'In Progress' },
			{ ID: 2, Name: 'Achieved' },
			{ ID: 3, Name: 'Completed' },
			{ ID: 4, Name: 'Withdrawn' },
		]);
		expect(off.learningAimStatuses).toHaveLength(4);
	});

	test.each(['LearnerStatuses', 'LearningAimStatuses'])('contract.statusRows idDescription: %s rows are {ID, Description}', async (list) => {
		sandbox.configure({ contract: { statusRows: 'idDescription' } });
		const rows = (await get(`/Organisation/${off.organisation.id}/${list}`)).json as Array<Record<string, unknown>>;
		expect(rows.length).toBeGreaterThan(0);
		for (const row of rows) expect(Object.keys(row).sort()).toEqual(['Description', 'ID']);
		expect(rows.map((r) => r.Description)).toContain('Withdrawn');
	});

	test('an unknown organisation is 404', async () => {
		expect((await get('/Organisation/9999/LearnerStatuses')).status).toBe(404);
		expect((await get('/Organisation/9999/LearningAimStatuses')).status).toBe(404);
	});

	describe('a learner’s LearnerStatusID must be one of its organisation’s statuses', () => {
		const learner = { OrganisationID: off.organisation.id, FirstName: 'Sam', LastName: 'Lee', Email: 'sam@example.com', Role: 1, DefaultAssessorID: off.assessors[0].id, ClassroomID: off.classrooms[0].id, PlacementID: off.placements[0].id };

		test('on create: its own is accepted; another organisation’s or an unknown one is a 400 -1013', async () => {
			expect((await post('/User', { ...learner, LearnerStatusID: off.learnerStatuses[4].id })).status).toBe(200);
			for (const status of [on.learnerStatuses[0].id, 999]) {
				const answer = await post('/User', { ...learner, LearnerStatusID: status });
				expect(answer.status).toBe(400);
				expect(answer.json).toEqual({ code: -1013, message: expect.stringContaining('LearnerStatusID') });
			}
		});

		test('on update likewise, and GET /User shows the status', async () => {
			const id = off.learners[0].id;
			expect((await post(`/User/${id}`, { LearnerStatusID: off.learnerStatuses[2].id })).status).toBe(204);
			expect(((await get(`/User/${id}`)).json as Record<string, unknown>).LearnerStatusID).toBe(off.learnerStatuses[2].id);
			const answer = await post(`/User/${id}`, { LearnerStatusID: on.learnerStatuses[2].id });
			expect(answer.status).toBe(400);
			expect((answer.json as { code: number }).code).toBe(-1013);
			expect(((await get(`/User/${id}`)).json as Record<string, unknown>).LearnerStatusID).toBe(off.learnerStatuses[2].id);
		});
	});
});

describe('learning aim update, POST /LearningAim/{id} (§7 [C] C2)', () => {
	const aimId = SEED.learningAims[0].id;
	const learnerId = SEED.learningAims[0].learnerId;

	test('a partial update changes only what was sent, stamps LastModified and answers 204', async () => {
		const before = (await get(`/LearningAim/${aimId}`)).json as Record<string, unknown>;
		now += 5_000;
		const answer = await post(`/LearningAim/${aimId}`, { ID: aimId, UserID: learnerId, StartDate: '2026-01-05T00:00:00.000Z', PlannedEnd: '2027-01-05T00:00:00.000Z', Status: 1, RegistrationNumber: 'REG-42' });
		expect(answer.status).toBe(204);
		expect(lastRequest().changedFields?.sort()).toEqual(['PlannedEnd', 'RegistrationNumber', 'StartDate']);
		const after = (await get(`/LearningAim/${aimId}`)).json as Record<string, unknown>;
		expect(after).toEqual({ ...before, StartDate: '2026-01-05T00:00:00.000Z', PlannedEnd: '2027-01-05T00:00:00.000Z', RegistrationNumber: 'REG-42', LastModified: new Date(now).toISOString() });
		expect(sandbox.counters().updatesByResource).toEqual({ LearningAim: 1 });
	});

	test('the optional dates are stored; an AchievedDate makes the aim "completed" for LearningAim/Search', async () => {
		const body = { Status: 2, RegistrationDate: '2026-02-01T00:00:00.000Z', CertificateAppliedDate: '2026-10-01T00:00:00.000Z', AchievedDate: '2026-09-30T00:00:00.000Z' };
		expect((await post(`/LearningAim/${aimId}`, body)).status).toBe(204);
		expect((await get(`/LearningAim/${aimId}`)).json).toEqual(expect.objectContaining(body));
		expect(ids(await post('/LearningAim/Search', { UserID: learnerId, LearningAimCompletionStatus: 1 }))).toContain(aimId);
	});

	test('an update that changes nothing still stamps by default, not with stampUnchangedWrites off', async () => {
		await post(`/LearningAim/${aimId}`, { Status: 1 });
		expect(lastRequest().changedFields).toEqual([]);
		const stamped = ((await get(`/LearningAim/${aimId}`)).json as Record<string, unknown>).LastModified;
		expect(stamped).toBe(new Date(now).toISOString());
		sandbox.configure({ contract: { stampUnchangedWrites: false } });
		now += 60_000;
		await post(`/LearningAim/${aimId}`, { Status: 1 });
		expect(lastRequest().changedFields).toEqual([]);
		expect(((await get(`/LearningAim/${aimId}`)).json as Record<string, unknown>).LastModified).toBe(stamped);
	});

	test.each([
		['a Status that is not a learning aim status', { Status: 9 }, 'Status', -1015],
		['an ID of another aim', { ID: aimId + 1 }, 'ID', -1003],
		['a UserID of another learner', { UserID: learnerId + 1 }, 'UserID', -1003],
		['a date that is not ISO', { StartDate: '05/01/2026' }, 'StartDate', -1005],
		['an unknown key', { Progress: 50 }, 'Progress', -1004],
	])('refuses %s with a 400 and changes nothing', async (_, body, field, code) => {
		const before = (await get(`/LearningAim/${aimId}`)).json;
		const answer = await post(`/LearningAim/${aimId}`, body);
		expect(answer.status).toBe(400);
		expect(answer.json).toEqual({ code, message: expect.stringContaining(field) });
		expect((await get(`/LearningAim/${aimId}`)).json).toEqual(before);
	});

	test('contract.updateAnswer ok: 200; an unknown aim is 404', async () => {
		sandbox.configure({ contract: { updateAnswer: 'ok' } });
		expect((await post(`/LearningAim/${aimId}`, { RegistrationNumber: 'R' })).status).toBe(200);
		expect((await post('/LearningAim/1', { RegistrationNumber: 'R' })).status).toBe(404);
	});

	test('an aim made by a standard assign can be updated too', async () => {
		const created = Number((await post(`/Standard/302/Assign/${off.learners[1].id}`)).text);
		expect((await post(`/LearningAim/${created}`, { PlannedEnd: '2027-06-30T00:00:00.000Z' })).status).toBe(204);
		expect(((await get(`/LearningAim/${created}`)).json as Record<string, unknown>).PlannedEnd).toBe('2027-06-30T00:00:00.000Z');
	});
});

describe('scheduling: POST /Visit and POST /Review (§7 [C] C1/C2)', () => {
	const learner = off.learners[2];
	const visitBody = { LearnerID: learner.id, OrganisationID: off.organisation.id, AssessorID: off.assessors[1].id, DateFrom: '2026-12-01T10:00:00.000Z', DateTo: '2026-12-01T11:00:00.000Z', VisitTypeID: 3, SMSReminder: true };

	test('a visit answers its ID bare and is stored as sent', async () => {
		const answer = await post('/Visit', visitBody);
		expect(answer.status).toBe(200);
		expect(answer.text).toBe(String(SEED.firstVisitId));
		expect(sandbox.visits()).toEqual([{ ID: SEED.firstVisitId, ...visitBody, CreatedOn: new Date(now).toISOString() }]);
		expect(lastRequest().createdId).toBe(SEED.firstVisitId);
		expect(sandbox.counters().createsByResource).toEqual({ Visit: 1 });
	});

	test.each([1, 2, 3])('VisitTypeID %i is accepted', async (VisitTypeID) => {
		expect((await post('/Visit', { ...visitBody, VisitTypeID })).status).toBe(200);
	});

	test('only LearnerID and DateFrom are required; VisitTypeID defaults to 1 (Not Specified)', async () => {
		expect((await post('/Visit', { LearnerID: learner.id, DateFrom: '2026-12-01T10:00:00.000Z' })).status).toBe(200);
		expect(sandbox.visits()[0]).toEqual(expect.objectContaining({ VisitTypeID: 1, OrganisationID: off.organisation.id }));
	});

	test.each([
		['LearnerID missing', { LearnerID: undefined }, 'LearnerID', -1001],
		['DateFrom missing', { DateFrom: undefined }, 'DateFrom', -1001],
		['an unknown learner', { LearnerID: 999999 }, 'LearnerID', -1014],
		['a LearnerID that is an assessor', { LearnerID: off.assessors[0].id }, 'LearnerID', -1014],
		['another organisation', { OrganisationID: on.organisation.id }, 'Organisation', -11],
		['an assessor of another organisation', { AssessorID: on.assessors[0].id }, 'AssessorID', -1009],
		['DateTo before DateFrom', { DateTo: '2026-11-30T10:00:00.000Z' }, 'DateTo', -1005],
		['an unknown visit type', { VisitTypeID: 4 }, 'VisitTypeID', -1016],
	])('refuses %s', async (_, patch, field, code) => {
		const answer = await post('/Visit', { ...visitBody, ...patch });
		expect(answer.status).toBe(400);
		expect(answer.json).toEqual({ code, message: expect.stringContaining(field) });
		expect(sandbox.visits()).toEqual([]);
	});

	test('a review after a visit: bare ID, then found by Review/Search and GET /Review/{id}', async () => {
		const visitId = Number((await post('/Visit', visitBody)).text);
		const answer = await post('/Review', { LearnerID: learner.id, Status: 1, ScheduledFor: visitBody.DateFrom, VisitID: visitId });
		expect(answer.status).toBe(200);
		expect(answer.text).toBe(String(SEED.firstCreatedReviewId));
		const reviewId = Number(answer.text);
		expect(lastRequest().createdId).toBe(reviewId);
		const review = (await get(`/Review/${reviewId}`)).json as Record<string, unknown>;
		expect(review).toEqual({
			ID: reviewId,
			LearnerID: learner.id,
			OrganisationID: off.organisation.id,
			AssessorID: off.assessors[1].id, // the visit's assessor
			Status: 1,
			CreatedOn: new Date(now).toISOString(),
			ScheduledFor: visitBody.DateFrom,
			VisitID: visitId,
			Progress: 0,
		});
		expect(ids(await post('/Review/Search', { LearnerID: learner.id }))).toContain(reviewId);
		expect(ids(await post('/Review/Search', { OrganisationID: off.organisation.id, Status: 1, DateFrom: '2026-12-01T00:00:00.000Z', DateTo: '2026-12-02T00:00:00.000Z' }))).toEqual([reviewId]);
		expect(sandbox.counters().createsByResource).toEqual({ Visit: 1, Review: 1 });
	});

	test('a review without a visit or assessor takes the learner’s default assessor; AssessorID and EmployerID are kept when sent', async () => {
		const plain = Number((await post('/Review', { LearnerID: learner.id, ScheduledFor: '2026-12-05T09:00:00.000Z' })).text);
		expect(((await get(`/Review/${plain}`)).json as Record<string, unknown>).AssessorID).toBe(learner.defaultAssessorId);
		const full = Number((await post('/Review', { LearnerID: learner.id, ScheduledFor: '2026-12-06T09:00:00.000Z', AssessorID: off.assessors[2].id, EmployerID: off.employers[0].id, Status: 1 })).text);
		expect((await get(`/Review/${full}`)).json).toEqual(expect.objectContaining({ AssessorID: off.assessors[2].id, EmployerID: off.employers[0].id, Status: 1 }));
	});

	test.each([
		['LearnerID missing', { LearnerID: undefined }, 'LearnerID', -1001],
		['ScheduledFor missing', { ScheduledFor: undefined }, 'ScheduledFor', -1001],
		['a Status a new review cannot have', { Status: 7 }, 'Status', -1018],
		['an unknown visit', { VisitID: 123 }, 'Visit 123', -1017],
		['an employer who is not an employer', { EmployerID: off.assessors[0].id }, 'EmployerID', -1019],
		['a learner of another organisation', { LearnerID: on.learners[0].id, AssessorID: off.assessors[0].id }, 'AssessorID', -1009],
	])('refuses %s', async (_, patch, field, code) => {
		const before = sandbox.reviews().length;
		const answer = await post('/Review', { LearnerID: learner.id, Status: 1, ScheduledFor: '2026-12-05T09:00:00.000Z', ...patch });
		expect(answer.status).toBe(400);
		expect(answer.json).toEqual({ code, message: expect.stringContaining(field) });
		expect(sandbox.reviews().length).toBe(before);
	});

	test('a visit of another learner cannot carry the review', async () => {
		const visitId = Number((await post('/Visit', visitBody)).text);
		const answer = await post('/Review', { LearnerID: off.learners[3].id, ScheduledFor: visitBody.DateFrom, VisitID: visitId });
		expect(answer.status).toBe(400);
		expect((answer.json as { code: number }).code).toBe(-1017);
	});

	describe('faults.script can fail the review after the visit succeeded', () => {
		test.each(['status500', 'status503', 'reset'] as const)('%s on POST /Review: the visit is stored, no review is', async (fault) => {
			sandbox.configure({ faults: { script: [{ method: 'POST', path: '^/Review$', fault }] } });
			const reviewsBefore = sandbox.reviews().length;
			const visit = await post('/Visit', visitBody);
			expect(visit.status).toBe(200);
			const review = post('/Review', { LearnerID: learner.id, Status: 1, ScheduledFor: visitBody.DateFrom, VisitID: Number(visit.text) });
			if (fault === 'reset') await expect(review).rejects.toThrow();
			else expect((await review).status).toBe(fault === 'status500' ? 500 : 503);
			expect(sandbox.visits().map((v) => v.ID)).toEqual([Number(visit.text)]);
			expect(sandbox.reviews().length).toBe(reviewsBefore);
			expect(lastRequest()).toEqual(expect.objectContaining({ method: 'POST', path: '/Review', fault }));
			// The script is used up: a retry of the review goes through, on the same visit.
			expect((await post('/Review', { LearnerID: learner.id, Status: 1, ScheduledFor: visitBody.DateFrom, VisitID: Number(visit.text) })).status).toBe(200);
			expect(sandbox.reviews().length).toBe(reviewsBefore + 1);
		});

		test('ambiguousCreate on POST /Review: stored, then the connection drops (the created ID is in the log)', async () => {
			sandbox.configure({ faults: { script: [{ method: 'POST', path: '^/Review$', fault: 'ambiguousCreate' }] } });
			const visitId = Number((await post('/Visit', visitBody)).text);
			await expect(post('/Review', { LearnerID: learner.id, ScheduledFor: visitBody.DateFrom, VisitID: visitId })).rejects.toThrow();
			expect(lastRequest()).toEqual(expect.objectContaining({ status: null, fault: 'ambiguousCreate', createdId: SEED.firstCreatedReviewId }));
			expect(ids(await post('/Review/Search', { LearnerID: learner.id }))).toContain(SEED.firstCreatedReviewId);
		});

		test('the path pattern does not catch /Review/Search or /Visit', async () => {
			sandbox.configure({ faults: { script: [{ method: 'POST', path: '^/Review$', fault: 'status500' }] } });
			expect((await post('/Review/Search', { LearnerID: learner.id })).status).toBe(200);
			expect((await post('/Visit', visitBody)).status).toBe(200);
			expect((await post('/Review', { LearnerID: learner.id, ScheduledFor: visitBody.DateFrom })).status).toBe(500);
		});
	});
});

describe('settings over HTTP', () => {
	test('the new contract settings are patchable through /__sandbox/config and checked', async () => {
		const ok = await fetch(`${sandbox.origin}/__sandbox/config`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ contract: { createAnswer: 'object', statusRows: 'idDescription', updateAnswer: 'ok' } }) });
		expect(ok.status).toBeLessThan(300);
		expect((await post('/Placement', placementBody)).json).toEqual({ ID: SEED.firstCreatedPlacementId });
		const bad = await fetch(`${sandbox.origin}/__sandbox/config`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ contract: { createAnswer: 'id' } }) });
		expect(bad.status).toBe(400);
	});

	test('reset forgets created records and restarts their IDs', async () => {
		await post('/Placement', placementBody);
		await post('/Visit', { LearnerID: off.learners[0].id, DateFrom: '2026-12-01T10:00:00.000Z' });
		sandbox.reset();
		expect(sandbox.placements().length).toBe(9);
		expect(sandbox.visits()).toEqual([]);
		token = await signIn(sandbox);
		expect((await post('/Placement', placementBody)).text).toBe(String(SEED.firstCreatedPlacementId));
	});
});
