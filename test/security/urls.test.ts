/**
 * Hardening 2 and 3: custom base URLs are refused with the fix when they hold a query, a fragment
 * or user info; every value in a path is validated and encoded; IDs from OneFile's own answers are
 * checked before they go into a path.
 */
import { byId, errorText, useHosts } from './fixture';
import { json, oneFileRoutes } from './hosts';

const hosts = useHosts();
const getUser = { resource: 'user', operation: 'get', userId: byId(5) };

describe('custom base URLs', () => {
	test.each([
		['a query string', (base: string) => `${base}?x=1`, 'query'],
		['a fragment', (base: string) => `${base}#top`, 'fragment'],
		['user info', (base: string) => base.replace('http://', 'http://ops:hunter2pass@'), 'user name or password'],
	])('OneFile: %s is refused with the fix, before any request', async (_name, make, words) => {
		hosts.api.routes = oneFileRoutes('/api', { 'GET /api/User/5': (_req, res) => json(res, 200, { ID: 5 }) });
		const result = await hosts.runOneFile(getUser, [{}], { credential: { baseUrl: make(hosts.base) } });
		expect(result.status).toBe('error');
		const text = errorText(result);
		expect(text).toContain(words);
		expect(text).not.toContain('hunter2pass');
		expect(hosts.api.seen).toEqual([]);
	});

	test.each([
		['a query string', (origin: string) => `${origin}?x=1`, 'query'],
		['a fragment', (origin: string) => `${origin}#top`, 'fragment'],
		['user info', (origin: string) => origin.replace('http://', 'http://ops:hunter2pass@'), 'user name or password'],
	])('bksb: %s is refused with the fix, before any request', async (_name, make, words) => {
		hosts.api.routes = { 'GET /api/users/user/31001': (_req, res) => json(res, 200, { UserId: 31001 }) };
		const result = await hosts.runBksb({ resource: 'user', operation: 'get', userId: '31001' }, [{}], { credential: { url: make(hosts.api.origin) } });
		expect(result.status).toBe('error');
		const text = errorText(result);
		expect(text).toContain(words);
		expect(text).not.toContain('hunter2pass');
		expect(hosts.api.seen).toEqual([]);
	});
});

describe('path segments', () => {
	const assignUnit = (unitId: string) => ({
		resource: 'user',
		operation: 'assign',
		organisationId: byId(10),
		learnerId: byId(20),
		level: 'unitSummary',
		assigneeRole: 'assessor',
		assigneeId: byId(30),
		unitId: byId(unitId),
	});

	test.each(['..', '.'])('a Unit ID of "%s" is refused before any request (User → Assign)', async (unitId) => {
		hosts.api.routes = oneFileRoutes('/api');
		const result = await hosts.runOneFile(assignUnit(unitId), [{}], { continueOnFail: true });
		expect(errorText(result)).toMatch(/Unit/);
		expect(result.json[0].assigned).toBeUndefined();
		expect(hosts.api.seen).toEqual([]);
	});

	test.each(['..', '.', '={{ "" }}', '={{ ".." }}'])('a Unit ID of %p is refused before any request (Learning → Assign Unit)', async (unitId) => {
		hosts.api.routes = oneFileRoutes('/api');
		const parameters = { resource: 'learning', operation: 'assignUnit', learnerId: byId(20), standardId: byId(301), unitId: byId(unitId) };
		const result = await hosts.runOneFile(parameters, [{}], { continueOnFail: true });
		expect(result.json[0].assigned).toBeUndefined();
		expect(errorText(result)).toMatch(/Unit/);
		expect(hosts.api.seen).toEqual([]);
	});

	test('a unit code with a slash is sent as one encoded segment', async () => {
		hosts.api.routes = oneFileRoutes('/api', { 'POST /api/Unit/KS%2FCOMM1/Assign/20/301': (_req, res) => json(res, 200, {}) });
		const parameters = { resource: 'learning', operation: 'assignUnit', learnerId: byId(20), standardId: byId(301), unitId: byId('KS/COMM1') };
		const result = await hosts.runOneFile(parameters);
		expect(result.status).toBe('success');
		expect(hosts.api.seen.at(-1)?.path).toBe('/api/Unit/KS%2FCOMM1/Assign/20/301');
	});

	test.each([['5/../../Customer'], ['abc'], [-3], [0], [1.5]])('Create or Update: a matching user whose ID is %p is an item error, not a request', async (odd) => {
		hosts.api.routes = oneFileRoutes('/api', {
			'POST /api/User/Search/1/10': (_req, res) => json(res, 200, [{ ID: odd, FirstName: 'Ada', LastName: 'Lovelace', Email: 'ada@example.com', MISID: 'M1' }]),
		});
		const parameters = { resource: 'user', operation: 'upsert', role: 'assessor', matchBy: 'email', organisationId: byId(10), firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' };
		const result = await hosts.runOneFile(parameters, [{}], { continueOnFail: true });
		expect(result.json).toHaveLength(1);
		expect(result.json[0].action).toBeUndefined();
		expect(errorText(result)).toMatch(/ID/);
		const sent = hosts.api.seen.map((r) => `${r.method} ${r.path}`);
		expect(sent).toEqual(['POST /api/Authentication', 'POST /api/User/Search/1/10']);
	});

	test('a created user whose looked-up ID is odd gets no ID, and says so', async () => {
		hosts.api.routes = oneFileRoutes('/api', {
			'POST /api/User': (_req, res) => {
				res.writeHead(200);
				res.end();
			},
			'POST /api/User/Search/1/10': (_req, res) => json(res, 200, [{ ID: '7/Archive', FirstName: 'Ada', LastName: 'Lovelace', Email: 'ada@example.com' }]),
		});
		const parameters = { resource: 'user', operation: 'create', role: 'assessor', organisationId: byId(10), firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' };
		const result = await hosts.runOneFile(parameters);
		expect(result.json[0]).toEqual(expect.objectContaining({ created: true, id: null }));
		expect(String(result.json[0].idLookup)).toMatch(/not a OneFile ID/);
	});

	test('an absent learner is "missing", not "undefined"', async () => {
		hosts.api.routes = oneFileRoutes('/api');
		const parameters = { resource: 'user', operation: 'assign', level: 'additional', assigneeRole: 'employer', assigneeId: byId(30), learnerId: { __rl: true, mode: 'id', value: '={{ $json.nothing }}' } };
		const result = await hosts.runOneFile(parameters, [{}], { continueOnFail: true });
		expect(errorText(result)).toContain('Learner is missing');
		expect(errorText(result)).not.toContain('undefined');
		expect(hosts.api.seen).toEqual([]);
	});
});
