/** Output → Selected Fields: a picker from node version 1.2 that always keeps ID; typed names before. */
import { SEED, seedFor } from '../../sandbox/onefile';
import { byId, useOneFile } from '../harness/onefile';

const onefile = useOneFile();
const org = seedFor(SEED.organisations.keychainOff.id);

test('1.2: the picked fields and ID, nothing else', async () => {
	const parameters = { resource: 'user', operation: 'get', userId: byId(org.learners[0].id), output: 'selected', selectedFields: ['Email', 'MISID'] };
	const result = await onefile.engine.run({ parameters, typeVersion: 1.2 });
	expect(Object.keys(result.json[0]).sort()).toEqual(['Email', 'ID', 'MISID']);
});

test('1.2: nothing picked still gives the ID', async () => {
	const parameters = { resource: 'user', operation: 'get', userId: byId(org.learners[0].id), output: 'selected', selectedFields: [] };
	const result = await onefile.engine.run({ parameters, typeVersion: 1.2 });
	expect(result.json[0]).toEqual({ ID: org.learners[0].id });
});

test('saved at 1.1: the names typed, separated by commas, as before', async () => {
	const parameters = { resource: 'user', operation: 'get', userId: byId(org.learners[0].id), output: 'selected', fields: 'FirstName, email' };
	const result = await onefile.engine.run({ parameters, typeVersion: 1.1 });
	expect(Object.keys(result.json[0]).sort()).toEqual(['Email', 'FirstName']);
});

test('Review → Get Many offers the review fields to pick', async () => {
	const parameters = { resource: 'review', operation: 'getAll', organisationId: byId(org.organisation.id), returnAll: true, output: 'selected', selectedFields: ['ScheduledFor'] };
	const result = await onefile.engine.run({ parameters, typeVersion: 1.2 });
	expect(result.json.length).toBeGreaterThan(0);
	for (const row of result.json) expect(Object.keys(row).sort()).toEqual(['ID', 'ScheduledFor']);
});
