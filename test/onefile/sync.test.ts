/**
 * Sync semantics (OneFile node version 1.2): compare with the user's record before writing, send
 * only what differs, Preview every write, match a whole sheet by MIS ID in one listing. Through
 * n8n's engine against the sandbox; the sandbox's log says what was written.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { SEED, seedFor } from '../../sandbox/onefile';
import { byId, calls, useOneFile, learnerUpsert } from '../harness/onefile';
import { triggerPoller } from '../harness/trigger';

const onefile = useOneFile();
const off = seedFor(SEED.organisations.keychainOff.id);
const V12 = 1.2;

const upsert = (matchBy: 'email' | 'misId', options: INodeParameters = {}): INodeParameters =>
	learnerUpsert(off, matchBy, { additionalFields: { dateOfBirth: '={{ $json.dob }}' }, options });

const sheet = (n: number, change = ''): IDataObject[] =>
	Array.from({ length: n }, (_, i) => ({ first: `Sync${i}`, last: `Learner${change}`, email: `sync.${i}@example.com`, mis: `SY-${String(i).padStart(4, '0')}`, classroom: off.classrooms[i % 3].id, dob: '2001-02-03' }));

const writes = () => calls(onefile.sandbox).filter((c) => /^POST \/User(\/\d+)? /.test(c));
const searches = () => calls(onefile.sandbox).filter((c) => c.startsWith('POST /User/Search'));
const run = async (parameters: INodeParameters, items: IDataObject[]) => await onefile.engine.run({ parameters, items, typeVersion: V12 });

describe('Create or Update compares before writing', () => {
	test('an unchanged sheet run again writes nothing: every row unchanged, no LastModified stamped, so the trigger sees nothing', async () => {
		// Made a minute before the trigger is published (on OneFile's clock), beyond the seconds it may replay.
		onefile.sandbox.configure({ contract: { clockOffsetMs: -60_000 } });
		await run(upsert('misId'), sheet(30));
		onefile.sandbox.configure({ contract: { clockOffsetMs: 0 } });
		const p = triggerPoller(onefile.sandbox, off);
		await p.poll();
		const before = onefile.sandbox.requests().length;
		const again = await run(upsert('misId', { parallel: 'fixed', parallelCount: 4 }), sheet(30));
		const sent = calls(onefile.sandbox).slice(before);
		expect(again.json.map((r) => r.action)).toEqual(Array(30).fill('unchanged'));
		expect(sent.filter((c) => /^POST \/User(\/\d+)? /.test(c))).toEqual([]);
		// One listing for the whole sheet (the organisation's learners fit in one page or two), one record read per row.
		expect(sent.filter((c) => c.startsWith('POST /User/Search')).length).toBeLessThanOrEqual(2);
		expect(sent.filter((c) => /^GET \/User\/\d+ /.test(c))).toHaveLength(30);
		expect(await p.poll()).toBeNull();
	});

	test('a changed row sends only the field that differs, and says from what to what', async () => {
		await run(upsert('misId'), sheet(2));
		const before = onefile.sandbox.requests().length;
		const rows = sheet(2);
		rows[1] = { ...rows[1], last: 'Renamed' };
		const result = await run(upsert('misId'), rows);
		expect(result.json.map((r) => r.action)).toEqual(['unchanged', 'updated']);
		const update = onefile.sandbox.requests().slice(before).filter((r) => r.method === 'POST' && /^\/User\/\d+$/.test(r.path));
		expect(update.map((r) => r.body)).toEqual([{ LastName: 'Renamed' }]);
		expect(result.json[1].changes).toEqual({ LastName: { from: 'Learner', to: 'Renamed' } });
		expect(result.json[1].changed).toEqual({ LastName: 'Renamed' });
	});

	test('values are compared as OneFile means them: email case, spaces, a date against its date-time, IDs as text', async () => {
		await run(upsert('misId'), sheet(1));
		const same = [{ ...sheet(1)[0], email: '  SYNC.0@Example.COM ', first: ' Sync0 ', classroom: String(off.classrooms[0].id), dob: '2001-02-03' }];
		const result = await run(upsert('misId'), same);
		expect(result.json[0].action).toBe('unchanged');
	});

	test('a MIS ID twice in one sheet creates one user, under parallel requests; the second row finds it', async () => {
		const before = onefile.sandbox.users().length;
		const rows = [sheet(1)[0], { ...sheet(1)[0], last: 'Second' }];
		const result = await run(upsert('misId', { parallel: 'fixed', parallelCount: 4 }), rows);
		expect(result.json.map((r) => r.action)).toEqual(['created', 'updated']);
		expect(onefile.sandbox.users().length).toBe(before + 1);
		expect(result.json[1].id).toBe(result.json[0].id);
	});

	test('100 rows by MIS ID cost one listing of the organisation (paged), not 100 searches', async () => {
		await run(upsert('misId'), sheet(100));
		const before = searches().length;
		await run(upsert('misId', { parallel: 'fixed', parallelCount: 8 }), sheet(100, 'X'));
		const pages = searches().length - before;
		const learners = onefile.sandbox.users().filter((u) => u.OrganisationID === off.organisation.id && u.Role === 1).length;
		expect(pages).toBe(Math.floor(learners / 50) + 1);
	});

	test('by email it stays one search per row (summary rows hold no email)', async () => {
		await run(upsert('email'), sheet(3));
		const before = searches().length;
		const result = await run(upsert('email'), sheet(3));
		expect(result.json.map((r) => r.action)).toEqual(['unchanged', 'unchanged', 'unchanged']);
		expect(searches().length - before).toBe(3);
	});

	test('a field OneFile does not return counts as changed when given', async () => {
		await run(upsert('misId'), sheet(1));
		onefile.sandbox.configure({ contract: { getUserOmits: ['DOB'] } });
		const result = await run(upsert('misId'), sheet(1));
		expect(result.json[0]).toEqual(expect.objectContaining({ action: 'updated', changes: { DOB: { from: null, to: expect.stringMatching(/^2001-02-03/) } } }));
	});
});

describe('Preview', () => {
	test('Create or Update: would create, would update (with the changes), unchanged; nothing written', async () => {
		await run(upsert('misId'), sheet(2));
		const rows = [...sheet(2), sheet(3)[2]];
		rows[1] = { ...rows[1], last: 'Previewed' };
		const before = writes().length;
		const result = await run(upsert('misId', { preview: true }), rows);
		expect(result.json.map((r) => r.action)).toEqual(['unchanged', 'would update', 'would create']);
		expect(result.json[1].changes).toEqual({ LastName: { from: 'Learner', to: 'Previewed' } });
		expect(writes().length).toBe(before);
	});

	test('Create: would create, and the errors the real run would give; nothing written', async () => {
		const before = writes().length;
		const create = { ...upsert('email', { preview: true }), operation: 'create' };
		const result = await onefile.engine.run({ parameters: create, items: [sheet(1)[0], { ...sheet(1)[0], email: 'not-an-email' }], typeVersion: V12, continueOnFail: true });
		expect(result.json[0]).toEqual(expect.objectContaining({ action: 'would create', wouldSend: expect.objectContaining({ LastName: 'Learner' }) }));
		expect(String(result.json[1].error)).toMatch(/Email/);
		expect(writes().length).toBe(before);
	});

	test('Update: would update or unchanged, read from the record; nothing written', async () => {
		const [created] = (await run(upsert('misId'), sheet(1))).json;
		const update = { resource: 'user', operation: 'update', userId: byId(Number(created.id)), updateFields: { lastName: '={{ $json.last }}' }, options: { preview: true } };
		const before = writes().length;
		const result = await run(update, [{ last: 'Learner' }, { last: 'Other' }]);
		expect(result.json.map((r) => r.action)).toEqual(['unchanged', 'would update']);
		expect(writes().length).toBe(before);
	});

	test('Preview given by an expression as text ("TRUE") writes nothing either', async () => {
		const before = writes().length;
		await run(upsert('misId', { preview: '={{ "TRUE" }}' }), sheet(2));
		expect(writes().length).toBe(before);
	});
});

describe('Update compares before writing', () => {
	test('only the differing field is sent; the same values send nothing', async () => {
		const [created] = (await run(upsert('misId'), sheet(1))).json;
		const update = { resource: 'user', operation: 'update', userId: byId(Number(created.id)), updateFields: { lastName: '={{ $json.last }}', email: 'sync.0@example.com' } };
		const before = onefile.sandbox.requests().length;
		const result = await run(update, [{ last: 'Learner' }, { last: 'Changed' }]);
		expect(result.json.map((r) => r.action)).toEqual(['unchanged', 'updated']);
		const sent = onefile.sandbox.requests().slice(before).filter((r) => r.method === 'POST' && /^\/User\/\d+$/.test(r.path));
		expect(sent.map((r) => r.body)).toEqual([{ LastName: 'Changed' }]);
	});

	test('a node saved at version 1.1 still sends every field it is given', async () => {
		const [created] = (await run(upsert('misId'), sheet(1))).json;
		const update = { resource: 'user', operation: 'update', userId: byId(Number(created.id)), updateFields: { lastName: 'Learner' } };
		const before = onefile.sandbox.requests().length;
		await onefile.engine.run({ parameters: update, typeVersion: 1.1 });
		expect(onefile.sandbox.requests().slice(before).filter((r) => r.method === 'POST' && /^\/User\/\d+$/.test(r.path)).map((r) => r.body)).toEqual([{ LastName: 'Learner' }]);
	});
});

describe('Preview on the other writes: reads what they name, writes nothing', () => {
	const learner = off.learners[0];
	const everyWrite = () => calls(onefile.sandbox).filter((c) => c.startsWith('POST /User/') && !c.startsWith('POST /User/Search'));

	test.each([
		['Archive', { resource: 'user', operation: 'archive', userId: byId(learner.id) }, 'would archive'],
		['Unarchive', { resource: 'user', operation: 'unarchive', userId: byId(learner.id) }, 'would unarchive'],
		['Assign', { resource: 'user', operation: 'assign', organisationId: byId(off.organisation.id), learnerId: byId(learner.id), level: 'additional', assigneeRole: 'employer', assigneeId: byId(off.employers[0].id) }, 'would assign'],
		['Assign Placement', { resource: 'user', operation: 'assignPlacement', userId: byId(off.employers[0].id), placementId: byId(off.placements[0].id) }, 'would assign'],
		['Learning → Assign Standard', { resource: 'learning', operation: 'assignStandard', organisationId: byId(off.organisation.id), learnerId: byId(learner.id), standardId: byId(302) }, 'would assign'],
	] as const)('%s', async (_name, parameters, action) => {
		const before = everyWrite().length;
		const result = await run({ ...parameters, options: { preview: true } }, [{}]);
		expect(result.json[0]).toEqual(expect.objectContaining({ action, message: expect.stringMatching(/nothing was written \(Preview\)/) }));
		expect(everyWrite().length).toBe(before);
	});

	test('a user that is not there fails as the real run would', async () => {
		const result = await onefile.engine.run({ parameters: { resource: 'user', operation: 'archive', userId: byId(999_999), options: { preview: true } }, typeVersion: V12, continueOnFail: true });
		expect(String(result.json[0].error)).toMatch(/could not find/i);
	});
});
