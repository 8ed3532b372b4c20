/**
 * Placement (employer) and Classroom (cohort) → Create, Get, Update, Create or Update, through
 * n8n's engine against the sandbox, under each thing a create may answer (sandbox `createAnswer`,
 * a guess: a bare ID, `{ID}`, an empty 200, a 204).
 */
import type { INodeParameters } from 'n8n-workflow';

import { SEED, seedFor } from '../../sandbox/onefile';
import { byId, calls, useOneFile } from '../harness/onefile';

const onefile = useOneFile();
const org = seedFor(SEED.organisations.keychainOff.id);
const V12 = 1.2;

const run = async (parameters: INodeParameters, items = [{}], continueOnFail = false) =>
	await onefile.engine.run({ parameters, items, typeVersion: V12, continueOnFail });

const createPlacement = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'placement',
	operation: 'create',
	organisationId: byId(org.organisation.id),
	name: '={{ $json.name }}',
	additionalFields: { misId: '={{ $json.mis }}', contact: 'Dana Reyes', active: '={{ "yes" }}' },
	...extra,
});

const upsert = (resource: 'placement' | 'classroom', matchBy: 'misId' | 'name', options: INodeParameters = {}): INodeParameters => ({
	resource,
	operation: 'upsert',
	organisationId: byId(org.organisation.id),
	matchBy,
	misId: '={{ $json.mis }}',
	name: '={{ $json.name }}',
	additionalFields: resource === 'placement' ? { contact: '={{ $json.contact }}' } : { startOn: '={{ $json.start }}' },
	options,
});

describe('Create: the new ID, whatever OneFile answers, and how it was found', () => {
	test.each([
		['bareId', "OneFile's answer"],
		['object', "OneFile's answer"],
		['empty', 'a search by MIS ID'],
		['noContent', 'a search by MIS ID'],
	] as const)('a create answered %s', async (createAnswer, idFoundBy) => {
		onefile.sandbox.configure({ contract: { createAnswer } });
		const result = await run(createPlacement(), [{ name: `Acme ${createAnswer}`, mis: `EMP-${createAnswer}` }]);
		const made = onefile.sandbox.placements().find((p) => p.MISID === `EMP-${createAnswer}`);
		expect(made).toEqual(expect.objectContaining({ Name: `Acme ${createAnswer}`, Contact: 'Dana Reyes', Active: true, OrganisationID: org.organisation.id }));
		expect(result.json[0]).toEqual(expect.objectContaining({ action: 'created', id: made?.ID, idFoundBy }));
	});

	test('bad input stops the row before any request, naming every field', async () => {
		const before = onefile.sandbox.requests().length;
		const result = await run(createPlacement({ additionalFields: { email: 'not-an-email', active: 'maybe' } }), [{ name: '' }], true);
		expect(String(result.json[0].error)).toMatch(/Name is missing.*Email|Email.*Name is missing/s);
		expect(String(result.json[0].error)).toMatch(/Active/);
		expect(onefile.sandbox.requests().length).toBe(before);
	});

	test('a lost answer is never followed by a second create: the placement is looked for instead', async () => {
		onefile.sandbox.configure({ faults: { script: [{ method: 'POST', path: '^/Placement$', fault: 'ambiguousCreate', times: 1 }] } });
		const result = await run(createPlacement(), [{ name: 'Lost Answer Ltd', mis: 'EMP-LOST' }]);
		expect(onefile.sandbox.placements().filter((p) => p.MISID === 'EMP-LOST')).toHaveLength(1);
		expect(calls(onefile.sandbox).filter((c) => c.startsWith('POST /Placement '))).toHaveLength(1);
		expect(result.json[0]).toEqual(expect.objectContaining({ action: 'created', idFoundBy: 'looked up after the answer was lost' }));
	});
});

describe('Get and Update', () => {
	test('Get returns the record; Update sends only what differs (node 1.2), Preview writes nothing', async () => {
		const placement = org.placements[0];
		const got = await run({ resource: 'placement', operation: 'get', recordId: byId(placement.id) });
		expect(got.json[0]).toEqual(expect.objectContaining({ ID: placement.id, Name: placement.name }));
		const update = { resource: 'placement', operation: 'update', recordId: byId(placement.id), updateFields: { name: placement.name, telephone: '={{ $json.tel }}' } };
		const preview = await run({ ...update, options: { preview: true } }, [{ tel: '0161 000 0000' }]);
		expect(preview.json[0]).toEqual(expect.objectContaining({ action: 'would update', changes: { Telephone: { from: null, to: '0161 000 0000' } } }));
		expect(calls(onefile.sandbox).filter((c) => /^POST \/Placement\/\d+/.test(c))).toEqual([]);
		const result = await run(update, [{ tel: '0161 000 0000' }, { tel: '0161 000 0000' }]);
		expect(result.json.map((r) => r.action)).toEqual(['updated', 'unchanged']);
		const sent = onefile.sandbox.requests().filter((r) => r.method === 'POST' && /^\/Placement\/\d+$/.test(r.path));
		expect(sent.map((r) => r.body)).toEqual([{ Telephone: '0161 000 0000' }]);
	});
});

describe('Create or Update', () => {
	test.each(['placement', 'classroom'] as const)('%s by MIS ID: created once, then updated only where it differs, then unchanged', async (resource) => {
		const row = { name: `Cohort ${resource}`, mis: `MIS-${resource}`, contact: 'Sam Lee', start: '2026-09-01' };
		const first = await run(upsert(resource, 'misId'), [row]);
		expect(first.json[0].action).toBe('created');
		const second = await run(upsert(resource, 'misId'), [{ ...row, name: `Cohort ${resource} renamed` }]);
		expect(second.json[0]).toEqual(expect.objectContaining({ action: 'updated', changes: { Name: { from: `Cohort ${resource}`, to: `Cohort ${resource} renamed` } } }));
		const third = await run(upsert(resource, 'misId'), [{ ...row, name: `Cohort ${resource} renamed` }]);
		expect(third.json[0].action).toBe('unchanged');
		const records = resource === 'placement' ? onefile.sandbox.placements() : onefile.sandbox.classrooms();
		expect(records.filter((r) => r.MISID === `MIS-${resource}`)).toHaveLength(1);
	});

	test('the same employer twice in one sheet, in parallel, is created once', async () => {
		const rows = [{ name: 'Twice Ltd', mis: 'EMP-TWICE', contact: 'A' }, { name: 'Twice Ltd', mis: 'EMP-TWICE', contact: 'B' }];
		const result = await run(upsert('placement', 'misId', { parallel: 'fixed', parallelCount: 4 }), rows);
		expect(result.json.map((r) => r.action)).toEqual(['created', 'updated']);
		expect(onefile.sandbox.placements().filter((p) => p.MISID === 'EMP-TWICE')).toHaveLength(1);
	});

	test('by name: two with that exact name fail the row with both IDs, nothing changed', async () => {
		await run(createPlacement(), [{ name: 'Same Name Ltd', mis: 'SN-1' }, { name: 'Same Name Ltd', mis: 'SN-2' }]);
		const ids = onefile.sandbox.placements().filter((p) => p.Name === 'Same Name Ltd').map((p) => p.ID);
		const result = await run(upsert('placement', 'name'), [{ name: 'Same Name Ltd', contact: 'X' }], true);
		expect(String(result.json[0].error)).toMatch(/2 placements/);
		for (const id of ids) expect(JSON.stringify(result.json[0])).toContain(String(id));
	});

	test('Preview: would create, with nothing written', async () => {
		const before = onefile.sandbox.placements().length;
		const result = await run(upsert('placement', 'misId', { preview: true }), [{ name: 'Preview Ltd', mis: 'EMP-PREVIEW', contact: 'P' }]);
		expect(result.json[0].action).toBe('would create');
		expect(onefile.sandbox.placements().length).toBe(before);
	});
});
