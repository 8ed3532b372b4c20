/** Get Many with paging, the reference lists, Learning → Assign and Simplify. */
import { SEED, seedFor } from '../../sandbox/onefile';
import { byId, calls, useOneFile } from '../harness/onefile';

const onefile = useOneFile();
const large = SEED.organisations.large.id;
const off = seedFor(SEED.organisations.keychainOff.id);
const searches = () => calls(onefile.sandbox).filter((c) => c.includes('/Search'));

describe('User → Get Many pages through /User/Search/{page}/{size}', () => {
	const learnersOf = (org: number) => onefile.sandbox.users().filter((u) => u.OrganisationID === org && u.Role === 1);

	test('Return All gets every learner across pages and stops on the short page', async () => {
		const expected = learnersOf(large).map((u) => u.ID).sort((a, b) => a - b);
		const result = await onefile.engine.run({ parameters: { resource: 'user', operation: 'getAll', organisationId: byId(large), returnAll: true, filters: { role: 'learner' } } });
		expect(result.json.map((u) => u.ID)).toEqual(expected);
		const pages = Math.ceil(expected.length / 50);
		expect(expected.length % 50).not.toBe(0);
		expect(searches()).toEqual(Array.from({ length: pages }, (_, i) => `POST /User/Search/${i + 1}/50 200`));
		expect(new Set(result.json.map((u) => u.ID)).size).toBe(expected.length);
	});

	test('when the last page is full, the next answers 204 and the listing ends there', async () => {
		// 50 learners in an organisation of its own make exactly one full page.
		const org = SEED.organisations.keychainOff.id;
		const existing = learnersOf(org).length;
		const rows = Array.from({ length: 50 - existing }, (_, i) => ({ email: `full.${i}@example.com` }));
		const create = { resource: 'user', operation: 'create', role: 'learner', organisationId: byId(org), firstName: 'Full', lastName: 'Page', email: '={{ $json.email }}', defaultAssessorId: byId(off.assessors[0].id), classroomId: byId(off.classrooms[0].id), placementId: byId(off.placements[0].id) };
		await onefile.engine.run({ parameters: create, items: rows });
		expect(learnersOf(org)).toHaveLength(50);
		const before = onefile.sandbox.requests().length;
		const result = await onefile.engine.run({ parameters: { resource: 'user', operation: 'getAll', organisationId: byId(org), returnAll: true, filters: { role: 'learner' } } });
		expect(result.json).toHaveLength(50);
		expect(calls(onefile.sandbox).slice(before)).toEqual(['POST /User/Search/1/50 200', 'POST /User/Search/2/50 204']);
	});

	test('Limit stops early with the fewest requests', async () => {
		const one = await onefile.engine.run({ parameters: { resource: 'user', operation: 'getAll', organisationId: byId(large), returnAll: false, limit: 30, filters: { role: 'learner' } } });
		expect(one.json).toHaveLength(30);
		expect(searches()).toEqual(['POST /User/Search/1/30 200']);
		onefile.sandbox.reset();
		const three = await onefile.engine.run({ parameters: { resource: 'user', operation: 'getAll', organisationId: byId(large), returnAll: false, limit: 120, filters: { role: 'learner' } } });
		expect(three.json).toHaveLength(120);
		expect(searches()).toEqual(['POST /User/Search/1/50 200', 'POST /User/Search/2/50 200', 'POST /User/Search/3/50 200']);
	});

	test('filters are sent as OneFile names them; nothing found is an empty result, not an error', async () => {
		const result = await onefile.engine.run({ parameters: { resource: 'user', operation: 'getAll', organisationId: byId(large), returnAll: true, filters: { misId: 'NO-SUCH-ID', modifiedSince: '2025-01-01' } } });
		expect(result.status).toBe('success');
		expect(result.json).toEqual([]);
		expect(onefile.sandbox.requests().at(-1)?.body).toEqual({ OrganisationID: large, MISID: 'NO-SUCH-ID', LastModified: '2025-01-01T00:00:00.000Z' });
		expect(searches()).toEqual(['POST /User/Search/1/50 204']);
	});
});

describe('reference lists', () => {
	test.each([
		// Paged where client code pages (tried first, falls back on 404/405); the guides' unpaged path where no paged form is known.
		['classroom', '/Classroom/Search/1/50', off.classrooms.map((c) => c.id)],
		['placement', '/Placement/Search/1/50', off.placements.map((p) => p.id)],
		['standard', '/Standard/Search/1/50', off.standards.map((s) => s.id)],
		['frameworkTemplate', '/FrameworkTemplate/Search', off.frameworkTemplates.map((t) => t.id)],
	])('%s → Get Many', async (resource, endpoint, ids) => {
		const result = await onefile.engine.run({ parameters: { resource, operation: 'getAll', organisationId: byId(off.organisation.id), returnAll: true } });
		expect(result.json.map((r) => r.ID).sort()).toEqual([...ids].sort());
		expect(searches()).toEqual([`POST ${endpoint} 200`]);
	});

	test('units of one standard, filtered by title', async () => {
		const result = await onefile.engine.run({ parameters: { resource: 'unit', operation: 'getAll', organisationId: byId(off.organisation.id), standardId: byId(301), returnAll: true, filters: { title: 'project' } } });
		expect(result.json.map((u) => u.ID)).toEqual(['BA3_U03']);
		expect(onefile.sandbox.requests().at(-1)?.body).toEqual({ OrganisationID: off.organisation.id, StandardID: 301, Title: 'project' });
	});
});

describe('Learning → Assign sends the documented requests (docs/onefile-api.md §4.4)', () => {
	const learner = off.learners[1];
	const base = { resource: 'learning', organisationId: byId(off.organisation.id), learnerId: byId(learner.id) };

	test('a standard, answered with the new learning aim ID', async () => {
		const result = await onefile.engine.run({ parameters: { ...base, operation: 'assignStandard', standardId: byId(302) } });
		const request = onefile.sandbox.requests().at(-1);
		expect(request).toEqual(expect.objectContaining({ method: 'POST', path: `/Standard/302/Assign/${learner.id}`, status: 200 }));
		expect(result.json[0]).toEqual({ assigned: true, learnerId: learner.id, standardId: 302, learningAimId: expect.any(Number) });
		expect(onefile.sandbox.learningAims().map((a) => a.ID)).toContain(result.json[0].learningAimId);
	});

	test('a unit, with its text code in the path', async () => {
		await onefile.engine.run({ parameters: { ...base, operation: 'assignStandard', standardId: byId(302) } });
		const result = await onefile.engine.run({ parameters: { ...base, operation: 'assignUnit', standardId: byId(302), unitId: byId('KS_COMM1') } });
		expect(onefile.sandbox.requests().at(-1)).toEqual(expect.objectContaining({ method: 'POST', path: `/Unit/KS_COMM1/Assign/${learner.id}/302`, status: 200 }));
		expect(result.json[0]).toEqual({ assigned: true, learnerId: learner.id, standardId: 302, unitId: 'KS_COMM1' });
	});

	test.each([true, false])('a framework template, only changing assigned aims: %s', async (onlyChangeAssigned) => {
		const template = off.frameworkTemplates[0].id;
		const result = await onefile.engine.run({ parameters: { ...base, operation: 'assignFrameworkTemplate', frameworkTemplateId: byId(template), onlyChangeAssigned } });
		expect(onefile.sandbox.requests().at(-1)).toEqual(expect.objectContaining({ method: 'POST', path: `/FrameworkTemplate/${template}/Assign/${learner.id}/${String(onlyChangeAssigned)}`, status: 204 }));
		expect(result.json[0]).toEqual({ assigned: true, learnerId: learner.id, frameworkTemplateId: template, onlyChangeAssigned });
	});

	test('dropdowns: templates of the organisation; units of the chosen standard', async () => {
		const templates = await onefile.engine.listSearch('searchFrameworkTemplates', { ...base, operation: 'assignFrameworkTemplate' });
		expect(templates.results.map((t) => t.value)).toEqual(off.frameworkTemplates.map((t) => String(t.id)));
		const units = await onefile.engine.listSearch('searchUnits', { ...base, operation: 'assignUnit', standardId: byId(302) });
		expect(units.results.map((u) => u.value)).toEqual(['KS_COMM1', 'CS2_U02', 'CS2_U03']);
	});
});

test('User → Get: Simplify keeps the main fields; off returns the whole record', async () => {
	const learner = off.learners[0];
	const simple = await onefile.engine.run({ parameters: { resource: 'user', operation: 'get', userId: byId(learner.id) } });
	expect(Object.keys(simple.json[0]).every((k) => ['ID', 'Username', 'FirstName', 'LastName', 'Email', 'MISID', 'Role', 'OrganisationID', 'ClassroomID', 'PlacementID', 'DefaultAssessorID', 'DefaultEmployerID', 'LastModified'].includes(k))).toBe(true);
	const raw = await onefile.engine.run({ parameters: { resource: 'user', operation: 'get', userId: byId(learner.id), simplify: false } });
	expect(Object.keys(raw.json[0]).length).toBeGreaterThan(Object.keys(simple.json[0]).length);
	expect(raw.json[0]).toEqual(expect.objectContaining(simple.json[0]));
});
