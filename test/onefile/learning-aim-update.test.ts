/** Learning Aim → Update: `POST /LearningAim/{id}` [C] C2, partial; Status by ID or name against the organisation's list. */
import type { INodeParameters } from 'n8n-workflow';

import { SEED } from '../../sandbox/onefile';
import { byId, calls, useOneFile } from '../harness/onefile';

const onefile = useOneFile();
const aimId = SEED.learningAims[0].id;
const learnerId = SEED.learningAims[0].learnerId;
const organisationId = SEED.learners.find((l) => l.id === learnerId)!.organisationId;
const V12 = 1.2;
const update = (extra: INodeParameters): INodeParameters => ({ resource: 'learningAim', operation: 'update', learningAimId: byId(aimId), ...extra });
const api = () => calls(onefile.sandbox).filter((c) => !c.includes('Authentication'));
const aimWrites = () => onefile.sandbox.requests().filter((r) => r.method === 'POST' && /^\/LearningAim\/\d+$/.test(r.path));
const aim = () => onefile.sandbox.learningAims().find((a) => a.ID === aimId)!;

describe('Learning Aim → Update sends only the fields given', () => {
	test('dates and registration number: one POST, nothing read first', async () => {
		const result = await onefile.engine.run({ parameters: update({ updateFields: { registrationNumber: 'REG-001', achievedDate: '31/07/2025', plannedEndDate: '2026-01-31' } }), typeVersion: V12 });
		expect(api()).toEqual([`POST /LearningAim/${aimId} 204`]);
		expect(aimWrites()[0].body).toEqual({ RegistrationNumber: 'REG-001', AchievedDate: '2025-07-31T00:00:00.000Z', PlannedEnd: '2026-01-31T00:00:00.000Z' });
		expect(result.json[0]).toEqual({ action: 'updated', updated: true, learningAimId: aimId, fields: aimWrites()[0].body });
		expect(aim()).toEqual(expect.objectContaining({ RegistrationNumber: 'REG-001', AchievedDate: expect.stringMatching(/^2025-07-31/), Status: 1 }));
	});

	test('a status by name from an expression resolves against the organisation; the list is read once per run', async () => {
		const result = await onefile.engine.run({ parameters: update({ status: byId('={{ $json.status }}') }), items: [{ status: 'withdrawn' }, { status: ' Achieved ' }], typeVersion: V12 });
		expect(result.json.map((r) => [r.fields, r.statusName])).toEqual([[{ Status: 4 }, 'Withdrawn'], [{ Status: 2 }, 'Achieved']]);
		expect(api().filter((c) => c.includes('Statuses'))).toEqual([`GET /Organisation/${organisationId}/LearningAimStatuses 200`]);
		expect(aimWrites().map((r) => r.body)).toEqual([{ Status: 4 }, { Status: 2 }]);
		expect(aim().Status).toBe(2);
	});

	test('a status by ID from the list, with the dates', async () => {
		const result = await onefile.engine.run({ parameters: update({ status: { __rl: true, mode: 'list', value: '3' }, updateFields: { startDate: '2025-01-06' } }), typeVersion: V12 });
		expect(aimWrites()[0].body).toEqual({ StartDate: '2025-01-06T00:00:00.000Z', Status: 3 });
		expect(result.json[0].statusName).toBe('Completed');
	});

	test('rows written {ID, Description}: names still resolve', async () => {
		onefile.sandbox.configure({ contract: { statusRows: 'idDescription' } });
		const result = await onefile.engine.run({ parameters: update({ status: byId('={{ "Withdrawn" }}') }), typeVersion: V12 });
		expect(result.json[0].fields).toEqual({ Status: 4 });
	});

	test('a name or ID that is not one of the organisation’s statuses: the row fails listing them, nothing written', async () => {
		const result = await onefile.engine.run({ parameters: update({ status: byId('={{ $json.status }}') }), items: [{ status: 'Paused' }, { status: 9 }, { status: 'In Progress' }], typeVersion: V12, continueOnFail: true });
		expect(result.json[0].error).toBe('Cannot update the learning aim: Status "Paused" is not the name of one of the organisation\'s statuses [item 0]');
		expect(result.json[0].description).toBe(`Status: Use the ID or the exact name of one of organisation ${organisationId}'s statuses: 1 In Progress, 2 Achieved, 3 Completed, 4 Withdrawn.`);
		expect(String(result.json[1].error)).toMatch(/Status 9 is not the ID of one of the organisation's statuses/);
		expect(result.json[2]).toEqual(expect.objectContaining({ action: 'updated', fields: { Status: 1 } }));
		expect(aimWrites()).toHaveLength(1);
	});

	test('bad input: every problem of the row at once, by field, before any request', async () => {
		const result = await onefile.engine.run({ parameters: { ...update({ updateFields: { achievedDate: '31/02/2025', registrationDate: 'soon' }, status: byId('={{ {} }}') }), learningAimId: byId('={{ "x" }}') }, typeVersion: V12, continueOnFail: true });
		expect(result.json[0].error).toBe('Cannot update the learning aim: 4 fields need fixing: Learning Aim "x" is not a OneFile ID; Registration Date "soon" is not a date; Achieved Date "31/02/2025" is not a date; Status is not text (it is an object) [item 0]');
		expect(api()).toEqual([]);
	});

	test('nothing to change is a row error before any request', async () => {
		const result = await onefile.engine.run({ parameters: update({}), typeVersion: V12, continueOnFail: true });
		expect(result.json[0].error).toMatch(/Update Fields has nothing to change/);
		expect(api()).toEqual([]);
	});

	test('Preview reads the aim, writes nothing, says would update with the fields and their current values', async () => {
		const result = await onefile.engine.run({ parameters: update({ status: byId('={{ "Achieved" }}'), updateFields: { achievedDate: '2025-07-31' }, options: { preview: true } }), typeVersion: V12 });
		expect(result.json[0]).toEqual(expect.objectContaining({ action: 'would update', updated: false, learningAimId: aimId, fields: { AchievedDate: '2025-07-31T00:00:00.000Z', Status: 2 }, statusName: 'Achieved', current: { AchievedDate: null, Status: 1 } }));
		expect(result.json[0].message).toMatch(/nothing was written \(Preview\)/);
		expect(aimWrites()).toEqual([]);
		const plain = await onefile.engine.run({ parameters: update({ updateFields: { startDate: '2025-01-06' }, options: { preview: '={{ "TRUE" }}' } }), typeVersion: V12 });
		expect(plain.json[0].action).toBe('would update');
		expect(api().filter((c) => c.startsWith('GET /LearningAim'))).toHaveLength(2);
		expect(aimWrites()).toEqual([]);
	});

	test('an aim that is not there fails as OneFile says', async () => {
		const result = await onefile.engine.run({ parameters: { ...update({ updateFields: { startDate: '2025-01-06' } }), learningAimId: byId(999_999) }, typeVersion: V12, continueOnFail: true });
		expect(String(result.json[0].error)).toMatch(/could not find/i);
	});

	test('the Status dropdown lists the statuses of the aim’s learner’s organisation', async () => {
		const list = await onefile.engine.listSearch('searchLearningAimStatuses', update({}));
		expect(list.results).toEqual([
			{ name: 'In Progress', value: '1' },
			{ name: 'Achieved', value: '2' },
			{ name: 'Completed', value: '3' },
			{ name: 'Withdrawn', value: '4' },
		]);
		const filtered = await onefile.engine.listSearch('searchLearningAimStatuses', update({}), 'with');
		expect(filtered.results).toEqual([{ name: 'Withdrawn', value: '4' }]);
	});
});
