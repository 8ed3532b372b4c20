/** Review → Schedule: `POST /Visit` then `POST /Review` (Status 1) [C] C1/C2, looking before creating. */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { SEED, seedFor } from '../../sandbox/onefile';
import { byId, calls, useOneFile } from '../harness/onefile';

const onefile = useOneFile();
const off = seedFor(SEED.organisations.keychainOff.id);
const learner = off.learners[1];
const V12 = 1.2;
const schedule = (extra: INodeParameters = {}): INodeParameters => ({ resource: 'review', operation: 'schedule', organisationId: byId(off.organisation.id), learnerId: byId(learner.id), scheduledFor: '2031-03-04T09:30:00Z', ...extra });
const api = () => calls(onefile.sandbox).filter((c) => !c.includes('Authentication'));
const creates = () => api().filter((c) => /^POST \/(Visit|Review) /.test(c));
const mine = () => onefile.sandbox.reviews().filter((r) => r.LearnerID === learner.id && r.ScheduledFor.startsWith('2031-03-04'));
const run = async (parameters: INodeParameters, items: IDataObject[] = [{}]) => await onefile.engine.run({ parameters, items, typeVersion: V12, continueOnFail: true });

describe('Review → Schedule books a visit, then the review', () => {
	test('reads the learner, looks for a review that day, then POST /Visit and POST /Review with the visit', async () => {
		const result = await run(schedule({ visitType: { __rl: true, mode: 'list', value: '3' }, assessorId: byId(off.assessors[0].id), employerId: byId(off.employers[0].id), options: { visitEnds: '2031-03-04T10:30:00Z', smsReminder: true } }));
		expect(api()).toEqual([`GET /User/${learner.id} 200`, 'POST /Review/Search/1/50 204', 'POST /Visit 200', 'POST /Review 200']);
		const sent = onefile.sandbox.requests().filter((r) => r.path === '/Visit' || r.path === '/Review');
		const visitId = onefile.sandbox.visits().at(-1)!.ID;
		expect(sent.map((r) => r.body)).toEqual([
			{ LearnerID: learner.id, OrganisationID: off.organisation.id, AssessorID: off.assessors[0].id, DateFrom: '2031-03-04T09:30:00.000Z', DateTo: '2031-03-04T10:30:00.000Z', VisitTypeID: 3, SMSReminder: true },
			{ LearnerID: learner.id, Status: 1, ScheduledFor: '2031-03-04T09:30:00.000Z', AssessorID: off.assessors[0].id, EmployerID: off.employers[0].id, VisitID: visitId },
		]);
		expect(result.json[0]).toEqual({ action: 'scheduled', scheduled: true, reviewId: mine()[0].ID, visitId, learnerId: learner.id, organisationId: off.organisation.id, scheduledFor: '2031-03-04T09:30:00.000Z', visitType: 'Face-to-face' });
		expect(mine()[0]).toEqual(expect.objectContaining({ Status: 1, VisitID: visitId, EmployerID: off.employers[0].id }));
	});

	test('the least input: Visit Type Not Specified, the learner’s default assessor', async () => {
		const result = await run(schedule());
		expect(onefile.sandbox.requests().find((r) => r.path === '/Visit')?.body).toEqual({ LearnerID: learner.id, OrganisationID: off.organisation.id, DateFrom: '2031-03-04T09:30:00.000Z', VisitTypeID: 1 });
		expect(result.json[0]).toEqual(expect.objectContaining({ action: 'scheduled', visitType: 'Not Specified' }));
	});

	test('a review already scheduled that day: exists with its ID, nothing created; the same day twice in one sheet books once', async () => {
		const first = await run(schedule());
		const before = creates().length;
		const again = await run(schedule({ scheduledFor: '={{ $json.at }}' }), [{ at: '2031-03-04T15:00:00Z' }, { at: '2031-03-05T09:00:00Z' }]);
		expect(again.json[0]).toEqual(expect.objectContaining({ action: 'exists', scheduled: false, reviewId: first.json[0].reviewId, existingScheduledFor: '2031-03-04T09:30:00.000Z' }));
		expect(again.json[1]).toEqual(expect.objectContaining({ action: 'scheduled' }));
		expect(creates().length - before).toBe(2);
		onefile.sandbox.reset();
		const twice = await run(schedule(), [{}, {}, {}]);
		expect(twice.json.map((r) => r.action)).toEqual(['scheduled', 'exists', 'exists']);
		expect(creates()).toEqual(['POST /Visit 200', 'POST /Review 200']);
	});

	test('the review refused after the visit was booked: the item error names the visit; nothing is repeated', async () => {
		onefile.sandbox.configure({ faults: { script: [{ method: 'POST', path: '^/Review$', fault: 'status500', times: 5 }] } });
		const result = await run(schedule());
		const visitId = onefile.sandbox.visits().at(-1)!.ID;
		expect(String(result.json[0].error)).toMatch(new RegExp(`^Cannot schedule the review: visit ${visitId} was booked, but the review was not created: `));
		expect(String(result.json[0].description)).toMatch(new RegExp(`add the review to visit ${visitId}`));
		expect(creates()).toEqual(['POST /Visit 200', 'POST /Review 500']);
		expect(mine()).toEqual([]);
	});

	test('the review stored but its answer lost: the error names the visit; running again finds the review', async () => {
		onefile.sandbox.configure({ faults: { script: [{ method: 'POST', path: '^/Review$', fault: 'ambiguousCreate' }] } });
		const result = await run(schedule());
		const visitId = onefile.sandbox.visits().at(-1)!.ID;
		expect(String(result.json[0].error)).toMatch(new RegExp(`visit ${visitId} was booked`));
		expect(creates()).toEqual(['POST /Visit 200', 'POST /Review dropped']);
		const again = await run(schedule());
		expect(again.json[0]).toEqual(expect.objectContaining({ action: 'exists', reviewId: mine()[0].ID }));
		expect(creates()).toHaveLength(2);
	});

	test('a visit refused is not repeated and nothing else is sent', async () => {
		onefile.sandbox.configure({ faults: { script: [{ method: 'POST', path: '^/Visit$', fault: 'status503', times: 5 }] } });
		const result = await run(schedule());
		expect(result.json[0].error).toBeDefined();
		expect(creates()).toEqual(['POST /Visit 503']);
	});

	test('bad input: every problem of the row at once, by field, before any request', async () => {
		const result = await run({ ...schedule({ scheduledFor: '={{ "next tuesday" }}', visitType: byId('={{ "Remote" }}'), employerId: byId('={{ "boss" }}'), options: { smsReminder: '={{ "maybe" }}' } }), learnerId: byId('={{ "x" }}') });
		expect(result.json[0].error).toBe('Cannot schedule the review: 5 fields need fixing: Learner "x" is not a OneFile ID; Scheduled For "next tuesday" is not a date and time; Visit Type "Remote" is not a OneFile ID; Employer "boss" is not a OneFile ID; SMS Reminder "maybe" is not yes or no [item 0]');
		const early = await run(schedule({ options: { visitEnds: '2031-03-04T08:00:00Z' } }));
		expect(early.json[0].error).toMatch(/Visit Ends \(2031-03-04T08:00:00.000Z\) is before Scheduled For/);
		expect(api()).toEqual([]);
	});

	test('Preview: would schedule with what would be sent, or exists; nothing written', async () => {
		const preview = await run(schedule({ options: { preview: true } }));
		expect(preview.json[0]).toEqual(expect.objectContaining({ action: 'would schedule', scheduled: false, wouldSend: { visit: expect.objectContaining({ DateFrom: '2031-03-04T09:30:00.000Z' }), review: expect.objectContaining({ Status: 1 }) }, message: expect.stringMatching(/nothing was written \(Preview\)/) }));
		expect(creates()).toEqual([]);
		await run(schedule());
		const exists = await run(schedule({ options: { preview: '={{ "TRUE" }}' } }));
		expect(exists.json[0]).toEqual(expect.objectContaining({ action: 'exists', reviewId: mine()[0].ID }));
		expect(creates()).toHaveLength(2);
	});

	test('a learner that is not there fails before anything is created', async () => {
		const result = await run({ ...schedule(), learnerId: byId(999_999) });
		expect(String(result.json[0].error)).toMatch(/could not find/i);
		expect(creates()).toEqual([]);
	});

	test('the Visit Type dropdown', async () => {
		const list = await onefile.engine.listSearch('searchVisitTypes', schedule());
		expect(list.results).toEqual([{ name: 'Not Specified', value: '1' }, { name: 'Remote Session', value: '2' }, { name: 'Face-to-face', value: '3' }]);
	});
});
