/**
 * Hardening 4: a text or filter field given an object, a list or a boolean by an expression is
 * refused naming the row and the field; date-times get the calendar check and the year range of
 * dates; junk after a date is refused, not dropped.
 */
import { byId, useHosts } from './fixture';
import { json, oneFileRoutes } from './hosts';

const hosts = useHosts();

describe('values of the wrong type', () => {
	test.each([
		['an object', '={{ { a: 1 } }}'],
		['a list', '={{ ["a@b.c"] }}'],
		['a boolean', '={{ true }}'],
	])('User → Get Many: an Email filter that is %s is refused, nothing is searched', async (_name, expression) => {
		hosts.api.routes = oneFileRoutes('/api', { 'POST /api/User/Search/1/50': (_req, res) => json(res, 200, []) });
		const parameters = { resource: 'user', operation: 'getAll', organisationId: byId(10), returnAll: false, limit: 50, filters: { email: expression } };
		const result = await hosts.runOneFile(parameters, [{}, {}], { continueOnFail: true });
		expect(result.json).toHaveLength(2);
		expect(result.json[1].error).toMatch(/Email/);
		expect(result.json[1].error).toMatch(/\[item 1\]/);
		expect(hosts.api.seen.filter((r) => r.path.includes('Search'))).toEqual([]);
	});

	test('Classroom → Get Many: a Name filter that is an object is refused', async () => {
		hosts.api.routes = oneFileRoutes('/api');
		const parameters = { resource: 'classroom', operation: 'getAll', organisationId: byId(10), returnAll: true, filters: { name: '={{ { a: 1 } }}' } };
		const result = await hosts.runOneFile(parameters, [{}], { continueOnFail: true });
		expect(result.json[0].error).toMatch(/Name/);
		expect(hosts.api.seen).toEqual([]);
	});

	test.each([
		['an object', '={{ { first: "Amira" } }}'],
		['a boolean', '={{ false }}'],
	])('bksb → Create: a First Name that is %s is refused, no user is created', async (_name, expression) => {
		hosts.api.routes = { 'POST /api/users/createUser': (_req, res) => json(res, 200, { UserId: 1 }) };
		const result = await hosts.runBksb({ resource: 'user', operation: 'create', username: 'amira', firstname: expression, lastname: 'Khan' }, [{}], { continueOnFail: true });
		expect(result.json[0].error).toMatch(/First Name/);
		expect(result.json[0].error).toMatch(/\[item 0\]/);
		expect(hosts.api.seen).toEqual([]);
	});
});

describe('dates and date-times', () => {
	const createAssessor = (additionalFields: Record<string, string>) => ({
		resource: 'user',
		operation: 'create',
		role: 'assessor',
		organisationId: byId(10),
		firstName: 'Ada',
		lastName: 'Lovelace',
		email: 'ada@example.com',
		additionalFields,
	});

	test.each([
		['Created On', { createdOn: '2001-02-30T10:00:00Z' }],
		['Created On', { createdOn: '2001-09-23T25:00:00Z' }],
		['Created On', { createdOn: '1850-01-01T10:00:00Z' }],
		['Created On', { createdOn: '2001-09-23T10:00:00Z lol' }],
		['Date of Birth', { dateOfBirth: '2001-09-23 lol' }],
		['Date of Birth', { dateOfBirth: '2001-09-23T10:00:00 nonsense' }],
		['Date of Birth', { dateOfBirth: '31/02/2001' }],
	])('%s %p is refused before any request', async (field, additionalFields) => {
		hosts.api.routes = oneFileRoutes('/api');
		const result = await hosts.runOneFile(createAssessor(additionalFields), [{}], { continueOnFail: true });
		expect(result.json[0].error).toContain(field);
		expect(hosts.api.seen).toEqual([]);
	});

	test('Modified Since of 30 February is refused, not rolled into March', async () => {
		hosts.api.routes = oneFileRoutes('/api');
		const parameters = { resource: 'user', operation: 'getAll', organisationId: byId(10), returnAll: true, filters: { modifiedSince: '2025-02-30T09:00:00Z' } };
		const result = await hosts.runOneFile(parameters, [{}], { continueOnFail: true });
		expect(result.json[0].error).toContain('Modified Since');
		expect(hosts.api.seen).toEqual([]);
	});

	test('a well-formed date-time with an offset is sent in UTC', async () => {
		hosts.api.routes = oneFileRoutes('/api', { 'POST /api/User/Search/1/50': (_req, res) => json(res, 200, []) });
		const parameters = { resource: 'user', operation: 'getAll', organisationId: byId(10), returnAll: true, filters: { modifiedSince: '2025-03-30T09:00:00+01:00' } };
		const result = await hosts.runOneFile(parameters);
		expect(result.status).toBe('success');
		expect(JSON.parse(hosts.api.seen.at(-1)?.body ?? '{}')).toEqual({ OrganisationID: 10, LastModified: '2025-03-30T08:00:00.000Z' });
	});
});
