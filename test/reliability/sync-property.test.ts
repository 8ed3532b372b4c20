/**
 * Property: for a random learner row written by Create or Update (node 1.2), the same row again,
 * in any sheet-like spelling (spaces, case, IDs as text, a date with or without its time), is
 * "unchanged" and writes nothing; and a random change is written once, after which the row is
 * unchanged again (compare → apply → compare gives nothing). Through n8n's engine and the sandbox.
 */
import fc from 'fast-check';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { SEED, seedFor } from '../../sandbox/onefile';
import { byId, calls, useOneFile } from '../harness/onefile';

const CASES = Number(process.env.SYNC_PROPERTY_CASES ?? 60);
const onefile = useOneFile();
const org = seedFor(SEED.organisations.keychainOff.id);

const parameters: INodeParameters = {
	resource: 'user',
	operation: 'upsert',
	role: 'learner',
	matchBy: 'misId',
	misId: '={{ $json.mis }}',
	organisationId: byId(org.organisation.id),
	firstName: '={{ $json.first }}',
	lastName: '={{ $json.last }}',
	email: '={{ $json.email }}',
	defaultAssessorId: byId(org.assessors[0].id),
	classroomId: byId('={{ $json.classroom }}'),
	placementId: byId(org.placements[0].id),
	additionalFields: { dateOfBirth: '={{ $json.dob }}', mobileNumber: '={{ $json.mobile }}' },
};

interface Row {
	first: string;
	last: string;
	email: string;
	classroom: number;
	dob: string;
	mobile: string;
}

const word = fc.stringMatching(/^[A-Z][a-z]{1,10}$/);
const row = fc.record({
	first: word,
	last: word,
	email: fc.tuple(word, word).map(([a, b]) => `${a}.${b}@example.com`.toLowerCase()),
	classroom: fc.constantFrom(...org.classrooms.map((c) => c.id)),
	dob: fc.date({ min: new Date('1960-01-01'), max: new Date('2010-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
	mobile: fc.stringMatching(/^07\d{9}$/),
});

/** The same values as a sheet might spell them. */
const respelled = (r: Row, how: number): IDataObject => ({
	...r,
	first: how & 1 ? ` ${r.first} ` : r.first,
	email: how & 2 ? r.email.toUpperCase() : r.email,
	classroom: how & 4 ? String(r.classroom) : r.classroom,
	dob: how & 8 ? `${r.dob}T00:00:00` : r.dob,
	mobile: how & 16 ? `  ${r.mobile}` : r.mobile,
});

const writes = () => calls(onefile.sandbox).filter((c) => /^POST \/User(\/\d+)? /.test(c)).length;

test('compare → apply → compare gives nothing, for random rows in any spelling', async () => {
	let n = 0;
	await fc.assert(
		fc.asyncProperty(row, fc.integer({ min: 0, max: 31 }), row, async (first, how, change) => {
			const mis = `PROP-${n++}`;
			const run = async (r: IDataObject) => (await onefile.engine.run({ parameters, items: [{ ...r, mis }], typeVersion: 1.2 })).json[0];
			expect((await run(first as unknown as IDataObject)).action).toBe('created');
			let before = writes();
			expect((await run(respelled(first, how))).action).toBe('unchanged');
			expect(writes()).toBe(before);
			const changed = { ...first, last: change.last, mobile: change.mobile };
			const applied = await run(changed);
			const differs = ['LastName', 'MobileNumber'].filter((f) => (f === 'LastName' ? change.last !== first.last : change.mobile !== first.mobile));
			expect({ action: applied.action, fields: Object.keys((applied.changes ?? {}) as IDataObject).sort() }).toEqual({ action: differs.length ? 'updated' : 'unchanged', fields: differs.sort() });
			before = writes();
			expect((await run(respelled(changed, how))).action).toBe('unchanged');
			expect(writes()).toBe(before);
		}),
		{ numRuns: CASES, seed: 20261206 },
	);
}, 120_000);
