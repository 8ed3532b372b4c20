/**
 * Hardening 7: the card's Organisation Search calls the documented `POST /Organisation/Search`;
 * where a list's paged path is known from client code only, a 404 or 405 on it falls back to the
 * documented unpaged path, once per run.
 */
import { byId, useHosts } from './fixture';
import { json, oneFileRoutes } from './hosts';

const hosts = useHosts();
const sent = () => hosts.api.seen.map((r) => `${r.method} ${r.path}`);

test('Organisation → Get Many works against a server with the documented path only', async () => {
	const organisations = [
		{ ID: 10, Name: 'North', KeychainCreationForNewUserActive: false },
		{ ID: 11, Name: 'South', KeychainCreationForNewUserActive: true },
	];
	hosts.api.routes = oneFileRoutes('/api', { 'POST /api/Organisation/Search': (_req, res) => json(res, 200, organisations) });
	const result = await hosts.runOneFile({ resource: 'organisation', operation: 'getAll', returnAll: true });
	expect(result.status).toBe('success');
	expect(result.json).toEqual(organisations);
	expect(sent()).toEqual(['POST /api/Authentication', 'GET /api/Customer', 'POST /api/Organisation/Search']);
	expect(JSON.parse(hosts.api.seen[2].body)).toEqual({ CustomerID: 1 });
});

test('Organisation → Get Many with a Limit keeps that many rows of the one answer', async () => {
	hosts.api.routes = oneFileRoutes('/api', {
		'POST /api/Organisation/Search': (_req, res) => json(res, 200, [{ ID: 10 }, { ID: 11 }, { ID: 12 }]),
	});
	const result = await hosts.runOneFile({ resource: 'organisation', operation: 'getAll', returnAll: false, limit: 2 });
	expect(result.json).toEqual([{ ID: 10 }, { ID: 11 }]);
});

test.each([404, 405])('Classroom → Get Many: a %i on the paged path falls back to the documented one, once per run', async (status) => {
	hosts.api.routes = oneFileRoutes('/api', {
		'POST /api/Classroom/Search/1/50': (_req, res) => json(res, status, { Message: 'No HTTP resource was found' }),
		'POST /api/Classroom/Search': (_req, res) => json(res, 200, [{ ID: 15379, Name: 'Business Admin L2' }]),
	});
	const parameters = { resource: 'classroom', operation: 'getAll', organisationId: byId(10), returnAll: true };
	const result = await hosts.runOneFile(parameters, [{}, {}, {}]);
	expect(result.status).toBe('success');
	expect(result.json).toHaveLength(3);
	expect(sent().filter((c) => c.includes('Classroom'))).toEqual([
		'POST /api/Classroom/Search/1/50',
		'POST /api/Classroom/Search',
		'POST /api/Classroom/Search',
		'POST /api/Classroom/Search',
	]);
});
