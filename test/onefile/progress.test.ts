/**
 * Progress, compliance and leavers through n8n's engine against the sandbox: learning aims, reviews,
 * off-the-job hours, timesheets, plans, archive and unarchive, Assign Placement, and Validate Only.
 * Expected values come from the sandbox's own records (its inspection API), not from the node.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { SEED, seedFor } from '../../sandbox/onefile';
import { byId, calls, useOneFile } from '../harness/onefile';

const onefile = useOneFile();
const off = seedFor(SEED.organisations.keychainOff.id);
const learner = off.learners[0];
const run = async (parameters: INodeParameters, items: IDataObject[] = [{}], continueOnFail = false) => await onefile.engine.run({ parameters, items, continueOnFail });
const body = (path: RegExp) => onefile.sandbox.requests().find((r) => path.test(r.path))?.body;

describe('Learning Aim', () => {
	test('Get Many: the learner, completed only, achieved between two dates, on the documented paged path', async () => {
		const from = new Date(Date.now() - 40 * 86_400_000).toISOString();
		const result = await run({ resource: 'learningAim', operation: 'getAll', learnerId: byId(learner.id), returnAll: true, filters: { completedOnly: true, from, to: '={{ $now.toISO() }}' } });
		expect(result.status).toBe('success');
		expect(calls(onefile.sandbox).filter((c) => c.includes('LearningAim'))).toEqual(['POST /LearningAim/Search/1/50 200']);
		expect(body(/LearningAim\/Search/)).toEqual({ UserID: learner.id, LearningAimCompletionStatus: 1, DateFrom: from, DateTo: expect.stringMatching(/Z$/) });
		const expected = onefile.sandbox.learningAims().filter((a) => a.UserID === learner.id && a.AchievedDate && Date.parse(a.AchievedDate) >= Date.parse(from));
		expect(result.json.map((a) => a.ID)).toEqual(expected.map((a) => a.ID));
		expect(result.json[0]).toEqual(expect.objectContaining({ UserID: learner.id, AchievedDate: expect.stringMatching(/Z$/), Progress: 100 }));
	});

	test('Get: one aim by ID', async () => {
		const aim = onefile.sandbox.learningAims().find((a) => a.UserID === learner.id && a.AchievedDate);
		const result = await run({ resource: 'learningAim', operation: 'get', learningAimId: byId(aim?.ID ?? 0) });
		expect(result.json[0]).toEqual(expect.objectContaining({ ID: aim?.ID, StandardID: aim?.StandardID, AchievedDate: aim?.AchievedDate }));
	});

	test('no aims: 204 becomes no items, not an error', async () => {
		const result = await run({ resource: 'learningAim', operation: 'getAll', learnerId: byId(off.assessors[0].id), returnAll: true });
		expect(result.status).toBe('success');
		expect(result.json).toEqual([]);
	});
});

describe('Review', () => {
	test('Get Many: an organisation, scheduled up to now, paged through 250 reviews', async () => {
		const large = SEED.organisations.large.id;
		const result = await run({ resource: 'review', operation: 'getAll', organisationId: byId(large), returnAll: true });
		const expected = onefile.sandbox.reviews().filter((r) => r.OrganisationID === large);
		expect(result.json.map((r) => r.ID)).toEqual(expected.map((r) => r.ID).sort((a, b) => a - b));
		expect(calls(onefile.sandbox).filter((c) => c.includes('Review/Search'))).toEqual([
			...Array.from({ length: Math.floor(expected.length / 50) }, (_, i) => `POST /Review/Search/${i + 1}/50 200`),
			`POST /Review/Search/${Math.floor(expected.length / 50) + 1}/50 ${expected.length % 50 === 0 ? 204 : 200}`,
		]);
	});

	test("Get Many with Full Records and Output Simplified: a learner's reviews due by now, with who signed", async () => {
		const now = new Date().toISOString();
		const result = await run({ resource: 'review', operation: 'getAll', organisationId: byId(off.organisation.id), learnerId: byId(learner.id), returnAll: true, filters: { scheduledTo: now }, output: 'simplified', options: { fullRecords: true } });
		expect(body(/Review\/Search/)).toEqual({ OrganisationID: off.organisation.id, LearnerID: learner.id, DateTo: now });
		const expected = onefile.sandbox.reviews().filter((r) => r.LearnerID === learner.id && Date.parse(r.ScheduledFor) <= Date.parse(now));
		expect(result.json).toHaveLength(expected.length);
		expect(Object.keys(result.json[0]).sort()).toEqual(['AssessorID', 'AssessorSignedOn', 'ID', 'LearnerID', 'LearnerSignedOn', 'Progress', 'ScheduledFor', 'Status'].sort());
		const unsigned = result.json.filter((r) => !r.LearnerSignedOn).map((r) => r.ID);
		expect(unsigned).toEqual(expected.filter((r) => !r.LearnerSignedOn).map((r) => r.ID));
	});

	test('Get: an unknown review is an error in words; with Continue On Fail each item is answered, paired', async () => {
		const known = onefile.sandbox.reviews()[0].ID;
		const result = await run({ resource: 'review', operation: 'get', reviewId: byId('={{ $json.id }}'), output: 'raw' }, [{ id: known }, { id: 999999 }, { id: 'x' }], true);
		expect(result.json[0]).toEqual(expect.objectContaining({ ID: known, CreatedOn: expect.any(String) }));
		expect(result.json[1].error).toBe('OneFile could not find that record (code -1040, HTTP 404) while trying to get review 999999');
		expect(result.json[2].error).toBe('Cannot get the review: Review "x" is not a OneFile ID [item 2]');
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});
});

describe('Off-the-Job and Timesheet', () => {
	test('Get Summary: planned, minimum and actual hours and the percentage of planned, in plain names', async () => {
		const figures = onefile.sandbox.offTheJob().find((f) => f.LearnerID === learner.id);
		const result = await run({ resource: 'offTheJob', operation: 'getSummary', learnerId: byId(learner.id) });
		expect(calls(onefile.sandbox)).toContain(`GET /User/${learner.id}/offthejob 200`);
		expect(result.json[0]).toEqual(expect.objectContaining({ learnerId: learner.id, plannedHours: figures?.PlannedOTJ, minimumHours: figures?.MinimumOTJ, actualHours: figures?.CachedActualHours, percentOfPlanned: figures?.PercentOfPlanned }));
	});

	test('Timesheet Get Many: off-the-job only, between dates; flags sent as text are read as yes/no', async () => {
		onefile.sandbox.configure({ contract: { flagsAsText: true } });
		const from = new Date(Date.now() - 20 * 86_400_000).toISOString();
		const result = await run({ resource: 'timesheet', operation: 'getAll', learnerId: byId(learner.id), returnAll: true, filters: { offTheJobOnly: true, from } });
		const expected = onefile.sandbox.timesheets().filter((t) => t.LearnerID === learner.id && t.IsOffTheJob && t.FromDate >= from);
		expect(result.json.map((t) => t.FromDate)).toEqual(expected.map((t) => t.FromDate));
		expect(result.json.every((t) => t.IsOffTheJob === true && t.learnerId === learner.id)).toBe(true);
		expect(calls(onefile.sandbox).filter((c) => c.includes('Timesheet'))).toEqual([`GET /Timesheet/Learner/${learner.id} 200`]);
	});

	test('Timesheet Get Many with a Limit keeps that many of the one answer', async () => {
		const result = await run({ resource: 'timesheet', operation: 'getAll', learnerId: byId(learner.id), returnAll: false, limit: 1 });
		expect(result.json).toHaveLength(1);
	});
});

describe('Plan', () => {
	test('Get Many for a learner, and Get', async () => {
		const result = await run({ resource: 'plan', operation: 'getAll', organisationId: byId(off.organisation.id), learnerId: byId(learner.id), returnAll: true });
		const expected = onefile.sandbox.plans().filter((p) => p.LearnerID === learner.id);
		expect(result.json.map((p) => p.ID)).toEqual(expected.map((p) => p.ID));
		const one = await run({ resource: 'plan', operation: 'get', planId: byId(expected[0].ID) });
		expect(one.json[0]).toEqual(expect.objectContaining({ ID: expected[0].ID, Title: expected[0].Title, AssessorSignedOn: expected[0].AssessorSignedOn }));
	});
});

describe('leavers and employers', () => {
	test('Archive then Unarchive: the documented-in-code paths, and the record says so', async () => {
		const archived = await run({ resource: 'user', operation: 'archive', userId: byId(learner.id) });
		expect(archived.json).toEqual([{ id: learner.id, archived: true }]);
		expect(onefile.sandbox.users().find((u) => u.ID === learner.id)?.Archived).toBe(true);
		const back = await run({ resource: 'user', operation: 'unarchive', userId: byId(learner.id) });
		expect(back.json).toEqual([{ id: learner.id, archived: false }]);
		expect(calls(onefile.sandbox).filter((c) => /archive/i.test(c))).toEqual([`POST /User/${learner.id}/Archive 200`, `POST /User/${learner.id}/Unarchive 200`]);
	});

	test('Archive a CSV of leavers with Continue On Fail: one output per row, the unknown one in words', async () => {
		const result = await run({ resource: 'user', operation: 'archive', userId: byId('={{ $json.onefile_id }}') }, [{ onefile_id: off.learners[1].id }, { onefile_id: 424242 }, { onefile_id: off.learners[2].id }], true);
		expect(result.json.map((r) => r.archived ?? r.error)).toEqual([true, 'OneFile could not find that record (code -1040, HTTP 404) while trying to archive user 424242', true]);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	test('Assign Placement links an employer with Grant Access; a learner is refused in words', async () => {
		const employer = off.employers[0];
		const placement = off.placements[1];
		const result = await run({ resource: 'user', operation: 'assignPlacement', userId: byId(employer.id), placementId: byId(placement.id), grantAccess: true });
		expect(result.json).toEqual([{ assigned: true, userId: employer.id, placementId: placement.id, grantAccess: true }]);
		expect(calls(onefile.sandbox)).toContain(`POST /User/${employer.id}/AssignPlacement/${placement.id}/true 200`);
		const refused = await run({ resource: 'user', operation: 'assignPlacement', userId: byId(learner.id), placementId: byId(placement.id), grantAccess: false }, [{}], true);
		expect(refused.json[0].error).toMatch(/^OneFile refused the request \(code -1020, HTTP 400\) while trying to link employer/);
		// Not repeated: whether OneFile links twice is unknown.
		expect(calls(onefile.sandbox).filter((c) => c.startsWith(`POST /User/${learner.id}/AssignPlacement`))).toHaveLength(1);
	});
});

describe('Validate Only', () => {
	const rows = [
		{ first: 'Valid', last: 'Row', email: 'valid.row@example.com', classroom: off.classrooms[0].id },
		{ first: '', last: 'Row', email: 'not-an-email', classroom: off.classrooms[0].id },
		{ first: 'Bad', last: 'Date', email: 'bad.date@example.com', classroom: 'x', dob: '31/02/2001' },
	];
	const create: INodeParameters = {
		resource: 'user',
		operation: 'create',
		role: 'learner',
		organisationId: byId(off.organisation.id),
		firstName: '={{ $json.first }}',
		lastName: '={{ $json.last }}',
		email: '={{ $json.email }}',
		defaultAssessorId: byId(off.assessors[0].id),
		classroomId: byId('={{ $json.classroom }}'),
		placementId: byId(off.placements[0].id),
		additionalFields: { dateOfBirth: '={{ $json.dob ?? "" }}' },
		options: { validateOnly: true },
	};

	test('Create: every row checked, each answered with valid and its problems; nothing is sent', async () => {
		const result = await run(create, rows);
		expect(result.status).toBe('success');
		expect(onefile.sandbox.requests()).toEqual([]);
		expect(result.json[0]).toEqual({ valid: true, role: 'Learner', problems: [], message: expect.stringMatching(/nothing was sent/) });
		expect(result.json[1]).toEqual({
			valid: false,
			role: 'Learner',
			problems: [
				{ field: 'First Name', problem: 'is missing', fix: expect.any(String) },
				{ field: 'Email', problem: '"not-an-email" is not an email address', fix: expect.any(String) },
			],
		});
		expect(result.json[2].problems).toEqual([
			expect.objectContaining({ field: 'Classroom', problem: '"x" is not a OneFile ID' }),
			expect.objectContaining({ field: 'Date of Birth', problem: '"31/02/2001" is not a date' }),
		]);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	test('Create or Update: no search either, and a missing MIS ID is a problem when matching by it', async () => {
		const result = await run({ ...create, operation: 'upsert', matchBy: 'misId', misId: '={{ $json.mis ?? "" }}' }, [{ ...rows[0], mis: 'VAL-1' }, rows[0]]);
		expect(onefile.sandbox.requests()).toEqual([]);
		expect(result.json.map((r) => r.valid)).toEqual([true, false]);
		expect(result.json[1].problems).toEqual([expect.objectContaining({ field: 'MIS ID', problem: 'is missing' })]);
	});
});
