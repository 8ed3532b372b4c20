/** User → Create or Update: a sheet can be run again without creating anyone twice. */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { SEED, seedFor } from '../../sandbox/onefile';
import { useOneFile, learnerUpsert } from '../harness/onefile';

const onefile = useOneFile();
const off = seedFor(SEED.organisations.keychainOff.id);

const upsert = (matchBy: 'email' | 'misId', extra: INodeParameters = {}): INodeParameters => learnerUpsert(off, matchBy, extra);

const sheet = (n: number, change = ''): IDataObject[] =>
	Array.from({ length: n }, (_, i) => ({ first: `Starter${i}`, last: `Rerun${change}`, email: `starter.${i}@example.com`, mis: `NS-${String(i).padStart(4, '0')}`, classroom: off.classrooms[i % 3].id }));

test('the same 500-row sheet twice: 500 created, then 500 updated, 0 new users and 0 duplicates', async () => {
	const before = onefile.sandbox.users().length;
	const first = await onefile.engine.run({ parameters: upsert('email'), items: sheet(500) });
	expect(first.status).toBe('success');
	expect(first.json.filter((r) => r.action === 'created')).toHaveLength(500);
	expect(onefile.sandbox.users().length).toBe(before + 500);

	const second = await onefile.engine.run({ parameters: upsert('email'), items: sheet(500, 'Changed') });
	expect(second.json.filter((r) => r.action === 'updated')).toHaveLength(500);
	expect(second.json.map((r) => r.id)).toEqual(first.json.map((r) => r.id));
	expect(onefile.sandbox.users().length).toBe(before + 500);
	expect(onefile.sandbox.counters().duplicates).toEqual({ byEmail: 0, byMisid: 0 });
	expect(onefile.sandbox.users().filter((u) => u.LastName === 'RerunChanged')).toHaveLength(500);
	expect(second.items.map((i) => i.pairedItem)).toEqual(Array.from({ length: 500 }, (_, item) => ({ item })));
});

test('an update sends the row without Role and OrganisationID, and says what changed', async () => {
	await onefile.engine.run({ parameters: upsert('misId'), items: sheet(1) });
	const result = await onefile.engine.run({ parameters: upsert('misId'), items: sheet(1, 'X') });
	const update = onefile.sandbox.requests().filter((r) => r.method === 'POST' && /^\/User\/\d+$/.test(r.path));
	expect(update).toHaveLength(1);
	expect(update[0].body).toEqual({ FirstName: 'Starter0', LastName: 'RerunX', Email: 'starter.0@example.com', DefaultAssessorID: off.assessors[0].id, ClassroomID: off.classrooms[0].id, PlacementID: off.placements[0].id, MISID: 'NS-0000' });
	expect(result.json[0]).toEqual(expect.objectContaining({ action: 'updated', created: false, message: expect.stringMatching(/found by MIS ID/) }));
});

test('matching by MIS ID finds a user whose email changed', async () => {
	await onefile.engine.run({ parameters: upsert('misId'), items: sheet(1) });
	const result = await onefile.engine.run({ parameters: upsert('misId'), items: [{ ...sheet(1)[0], email: 'new.address@example.com' }] });
	expect(result.json[0].action).toBe('updated');
	expect(onefile.sandbox.users().filter((u) => u.MISID === 'NS-0000').map((u) => u.Email)).toEqual(['new.address@example.com']);
});

test('two users with the same email: the item fails, nothing is created or changed', async () => {
	const row = sheet(1)[0];
	const create = { ...upsert('email'), operation: 'create' };
	await onefile.engine.run({ parameters: create, items: [row, row] });
	expect(onefile.sandbox.counters().duplicates.byEmail).toBe(1);
	const writesBefore = onefile.sandbox.requests().filter((r) => r.method === 'POST' && /^\/User(\/\d+)?$/.test(r.path)).length;
	const result = await onefile.engine.run({ parameters: upsert('email'), items: [row], continueOnFail: true });
	expect(result.json[0].error).toMatch(/^2 Learners in organisation 5740 have the email starter\.0@example\.com: cannot tell which to update \[item 0\]$/);
	expect(result.json[0].description).toMatch(/^Nothing was changed\. Their IDs: \d+, \d+\. Match by MIS ID instead/);
	expect(onefile.sandbox.requests().filter((r) => r.method === 'POST' && /^\/User(\/\d+)?$/.test(r.path))).toHaveLength(writesBefore);
});

test('Match By MIS ID with an empty MIS ID cell is an item error before any request', async () => {
	const result = await onefile.engine.run({ parameters: upsert('misId'), items: [{ ...sheet(1)[0], mis: '' }], continueOnFail: true });
	expect(result.json[0].error).toBe('Cannot create or update the Learner: MIS ID is missing [item 0]');
	expect(onefile.sandbox.requests()).toEqual([]);
});
