/** Organisation → Get Many and the dropdowns ("From List"), loaded as the editor loads them. */
import { SEED, seedFor } from '../../sandbox/onefile';
import { byId, calls, useOneFile } from '../harness/onefile';

const onefile = useOneFile();

describe('Organisation → Get Many', () => {
	test('discovers the customer from GET /Customer, then lists every organisation with its Keychain setting (the documented POST /Organisation/Search)', async () => {
		const result = await onefile.engine.run({ parameters: { resource: 'organisation', operation: 'getAll', returnAll: true } });
		expect(calls(onefile.sandbox)).toEqual(['POST /Authentication 200', 'GET /Customer 200', 'POST /Organisation/Search 200']);
		expect(onefile.sandbox.requests()[2].body).toEqual({ CustomerID: SEED.customer.id });
		expect(result.json.map((o) => [o.ID, o.KeychainCreationForNewUserActive])).toEqual([
			[SEED.organisations.keychainOff.id, false],
			[SEED.organisations.keychainOn.id, true],
			[SEED.organisations.large.id, false],
		]);
		expect(result.items.every((i) => JSON.stringify(i.pairedItem) === JSON.stringify({ item: 0 }))).toBe(true);
	});

	test('Limit keeps that many of the one answer; a given customer ID skips the lookup', async () => {
		const result = await onefile.engine.run({ parameters: { resource: 'organisation', operation: 'getAll', returnAll: false, limit: 2, options: { customerId: SEED.customer.id } } });
		expect(result.json).toHaveLength(2);
		expect(calls(onefile.sandbox)).toEqual(['POST /Authentication 200', 'POST /Organisation/Search 200']);
	});

	test('the customer lookup happens once for many items', async () => {
		await onefile.engine.run({ parameters: { resource: 'organisation', operation: 'getAll', returnAll: true }, items: [{}, {}, {}] });
		expect(calls(onefile.sandbox).filter((c) => c.startsWith('GET /Customer'))).toHaveLength(1);
	});
});

describe('dropdowns load from OneFile', () => {
	const off = seedFor(SEED.organisations.keychainOff.id);
	const create = { resource: 'user', operation: 'create', role: 'learner', organisationId: byId(off.organisation.id) };

	test('organisations', async () => {
		const list = await onefile.engine.listSearch('searchOrganisations', create);
		expect(list.results.map((r) => r.value)).toEqual(Object.values(SEED.organisations).map((o) => String(o.id)));
		expect(list.results[0].name).toBe(SEED.organisations.keychainOff.name);
	});

	test('classrooms, placements and assessors of the chosen organisation, filtered by what is typed', async () => {
		expect((await onefile.engine.listSearch('searchClassrooms', create)).results.map((r) => r.value)).toEqual(off.classrooms.map((c) => String(c.id)));
		expect((await onefile.engine.listSearch('searchPlacements', create)).results.map((r) => r.name)).toEqual(off.placements.map((p) => p.name));
		const assessors = await onefile.engine.listSearch('searchAssessors', create);
		expect(assessors.results.map((r) => r.value)).toEqual(off.assessors.map((a) => String(a.id)));
		const typed = off.assessors[1].lastName.slice(0, 4).toLowerCase();
		const filtered = await onefile.engine.listSearch('searchAssessors', create, typed);
		expect(filtered.results.map((r) => r.value)).toContain(String(off.assessors[1].id));
		expect(filtered.results.every((r) => r.name.toLowerCase().includes(typed))).toBe(true);
	});

	test('an organisation with 250+ learners loads page by page', async () => {
		const large = { ...create, operation: 'assign', organisationId: byId(SEED.organisations.large.id) };
		const first = await onefile.engine.listSearch('searchLearners', large);
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toBe('2');
		const seen = new Set(first.results.map((r) => r.value));
		let token = first.paginationToken as string | undefined;
		while (token) {
			const next = await onefile.engine.listSearch('searchLearners', large, undefined, token);
			next.results.forEach((r) => seen.add(r.value));
			token = next.paginationToken as string | undefined;
		}
		const learners = onefile.sandbox.users().filter((u) => u.OrganisationID === SEED.organisations.large.id && u.Role === 1);
		expect(seen.size).toBe(learners.length);
		expect(learners.length).toBeGreaterThan(250);
	});

	test('standards and units (unit IDs are text codes)', async () => {
		const assign = { resource: 'user', operation: 'assign', organisationId: byId(off.organisation.id), level: 'unitSummary' };
		expect((await onefile.engine.listSearch('searchStandards', assign)).results.map((r) => r.value).sort()).toEqual(off.standards.map((s) => String(s.id)).sort());
		const units = await onefile.engine.listSearch('searchUnits', assign);
		expect(units.results.map((r) => r.value)).toEqual(expect.arrayContaining(['BA3_U01', 'KS_COMM1']));
	});
});
