/** Organisation → Get Learner Statuses and Get Learning Aim Statuses (docs/onefile-api.md §7 [C] C6). */
import { SEED, seedFor } from '../../sandbox/onefile';
import { byId, calls, useOneFile } from '../harness/onefile';

const onefile = useOneFile();
const off = seedFor(SEED.organisations.keychainOff.id);
const on = seedFor(SEED.organisations.keychainOn.id);

describe('Organisation → status lists: one item per status, id and name', () => {
	test.each([
		['getLearnerStatuses', 'LearnerStatuses', off.learnerStatuses],
		['getLearningAimStatuses', 'LearningAimStatuses', off.learningAimStatuses],
	] as const)('%s', async (operation, path, seeded) => {
		const result = await onefile.engine.run({ parameters: { resource: 'organisation', operation, organisationId: byId(off.organisation.id) }, typeVersion: 1.2 });
		expect(result.json).toEqual(seeded.map((s) => ({ id: s.id, name: s.name, organisationId: off.organisation.id })));
		expect(calls(onefile.sandbox).filter((c) => !c.includes('Authentication'))).toEqual([`GET /Organisation/${off.organisation.id}/${path} 200`]);
	});

	test('rows written {ID, Description} give the same items', async () => {
		onefile.sandbox.configure({ contract: { statusRows: 'idDescription' } });
		const result = await onefile.engine.run({ parameters: { resource: 'organisation', operation: 'getLearnerStatuses', organisationId: byId(on.organisation.id) }, typeVersion: 1.2 });
		expect(result.json.map((s) => [s.id, s.name])).toEqual(on.learnerStatuses.map((s) => [s.id, s.name]));
	});

	test('each organisation has its own learner status IDs', async () => {
		const run = async (org: number) => (await onefile.engine.run({ parameters: { resource: 'organisation', operation: 'getLearnerStatuses', organisationId: byId(org) }, typeVersion: 1.2 })).json.map((s) => s.id);
		const [a, b] = [await run(off.organisation.id), await run(on.organisation.id)];
		expect(a.filter((id) => b.includes(id))).toEqual([]);
	});

	test('a bad organisation ID is named before any request; one not there is an item error', async () => {
		const before = onefile.sandbox.requests().length;
		const bad = await onefile.engine.run({ parameters: { resource: 'organisation', operation: 'getLearningAimStatuses', organisationId: byId('={{ "abc" }}') }, typeVersion: 1.2, continueOnFail: true });
		expect(String(bad.json[0].error)).toMatch(/Organisation "abc" is not a OneFile ID/);
		expect(onefile.sandbox.requests().length).toBe(before);
		const missing = await onefile.engine.run({ parameters: { resource: 'organisation', operation: 'getLearningAimStatuses', organisationId: byId(999_999) }, typeVersion: 1.2, continueOnFail: true });
		expect(missing.json[0].error).toBeDefined();
	});
});
