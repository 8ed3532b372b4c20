/**
 * Hostile input, round 2, points 2, 6 and 7: a password never dropped in silence, dates of birth
 * that cannot be true refused, tokens that cannot travel in a header refused in words, a Base URL
 * off OneFile's API path flagged by "Test", and a dropdown's page marker that is not a page number
 * kept out of every URL. Through n8n's engine against hostile hosts on loopback.
 */
import { Expression, Workflow, type INodeParameters } from 'n8n-workflow';

import { OneFileApi } from '../../credentials/OneFileApi.credentials';
import { byId, errorText, useHosts } from './fixture';
import { json, oneFileRoutes } from './hosts';

const hosts = useHosts();

const bksbCreate = (additionalFields: INodeParameters): INodeParameters => ({ resource: 'user', operation: 'create', username: 'amira', firstname: 'Amira', lastname: 'Khan', additionalFields });
const createdBody = () => JSON.parse(hosts.api.seen.find((r) => r.path === '/api/users/createUser')?.body ?? 'null') as Record<string, unknown> | null;

describe('bksb → User → Create never drops a password in silence', () => {
	beforeEach(() => {
		hosts.api.routes = { 'POST /api/users/createUser': (_req, res) => json(res, 200, { UserId: 7, Username: 'amira' }) };
	});

	test.each([
		['a number (a sheet column of digits)', '={{ 84736251 }}', '84736251'],
		['text with spaces', '  pass word  ', '  pass word  '],
	])('%s is the password', async (_name, password, sent) => {
		const result = await hosts.runBksb(bksbCreate({ password }));
		expect(result.status).toBe('success');
		expect(createdBody()?.Password).toBe(sent);
	});

	test.each([
		['an object', '={{ { secret: "x" } }}'],
		['a yes/no', '={{ true }}'],
		['a list', '={{ ["a", "b"] }}'],
		['a fraction', '={{ 12.5 }}'],
	])('%s is a row error naming Password; no user is created', async (_name, password) => {
		const result = await hosts.runBksb(bksbCreate({ password }), [{}], { continueOnFail: true });
		expect(result.json[0].error).toMatch(/^Cannot create the bksb user: Password is not text \(it is .*\) \[item 0\]$/);
		expect(hosts.api.seen).toEqual([]);
	});

	test('empty: the organisation default, as before', async () => {
		await hosts.runBksb(bksbCreate({ password: '' }));
		expect(createdBody()).not.toHaveProperty('Password');
	});
});

describe('a date of birth must be in the past and make the person 10 to 100 years old', () => {
	const year = new Date().getUTCFullYear();
	const createAssessor = (dateOfBirth: string) => ({ resource: 'user', operation: 'create', role: 'assessor', organisationId: byId(10), firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', additionalFields: { dateOfBirth } });

	test.each([
		['2100-01-01', /is in the future/],
		[`${year + 50}-06-01`, /is in the future/],
		[`01/06/${year - 3}`, /younger than 10/],
		[`${year - 101}-01-01`, /older than 100/],
	])('OneFile: %s is refused before any request', async (dateOfBirth, words) => {
		hosts.api.routes = oneFileRoutes('/api');
		const result = await hosts.runOneFile(createAssessor(dateOfBirth), [{}], { continueOnFail: true });
		expect(result.json[0].error).toMatch(/^Cannot create the Assessor \/ Tutor: Date of Birth/);
		expect(result.json[0].error).toMatch(words);
		expect(result.json[0].description).toMatch(/10 to 100 years old today/);
		expect(hosts.api.seen).toEqual([]);
	});

	test('OneFile: a plausible date of birth is sent as midnight UTC', async () => {
		hosts.api.routes = oneFileRoutes('/api', { 'POST /api/User': (_req, res) => json(res, 200, { ID: 77, Username: 'ada' }) });
		await hosts.runOneFile(createAssessor(`23/09/${year - 30}`));
		expect(JSON.parse(hosts.api.seen.find((r) => r.path === '/api/User')?.body ?? '{}').DOB).toBe(`${year - 30}-09-23T00:00:00.000Z`);
	});

	test.each([['2100-01-01'], [`${year + 1}-01-01`]])('bksb: Create and Update Date of Birth refuse %s', async (dateOfBirth) => {
		hosts.api.routes = {};
		const created = await hosts.runBksb(bksbCreate({ dateOfBirth }), [{}], { continueOnFail: true });
		expect(created.json[0].error).toMatch(/Date of Birth .* is in the future/);
		const updated = await hosts.runBksb({ resource: 'user', operation: 'updateDateOfBirth', userId: 4, dateOfBirth }, [{}], { continueOnFail: true });
		expect(updated.json[0].error).toMatch(/Date of Birth .* is in the future/);
		expect(hosts.api.seen).toEqual([]);
	});
});

describe('tokens that cannot travel in an HTTP header', () => {
	const get = { resource: 'user', operation: 'get', userId: byId(5) };

	test.each([
		['a line break', 'customer-token\nSECRET-rest', /holds a line break/],
		['a character beyond Latin-1', 'customer-token-SECRET-€', /not plain text/],
	])('a customer token with %s is refused in words, naming neither the token nor its characters; nothing is sent', async (_name, customerToken, words) => {
		hosts.api.routes = oneFileRoutes('/api');
		const result = await hosts.runOneFile(get, [{}], { continueOnFail: true, credential: { customerToken } });
		const text = errorText(result);
		expect(text).toMatch(/Customer Token/);
		expect(text).toMatch(words);
		expect(text).not.toMatch(/SECRET|€/);
		expect(hosts.api.seen).toEqual([]);
	});

	test('a session token answered with a line break is refused in words, and never sent', async () => {
		hosts.api.routes = oneFileRoutes('/api', {
			'POST /api/Authentication': (_req, res) => {
				res.writeHead(200, { 'Content-Type': 'text/plain' });
				res.end('session-SECRET\nX-Injected: 1');
			},
		});
		const result = await hosts.runOneFile(get, [{}], { continueOnFail: true });
		expect(errorText(result)).toMatch(/OneFile's sign-in answer is not a session token: it holds a line break/);
		expect(errorText(result)).not.toMatch(/SECRET/);
		expect(hosts.api.seen.map((r) => r.path)).toEqual(['/api/Authentication']);
	});
});

test("the credential's Test flags a custom Base URL that does not end in /api/v2.1", () => {
	const baseURL = new OneFileApi().test.request.baseURL as string;
	const workflow = new Workflow({ nodes: [], connections: {}, active: false, nodeTypes: { getByName: () => undefined, getByNameAndVersion: () => undefined, getKnownTypes: () => ({}) } as never });
	const resolve = (baseUrl: string) =>
		new Expression(workflow).getSimpleParameterValue({ name: 't', type: 't', typeVersion: 1, parameters: {}, id: 't', position: [0, 0] }, baseURL, 'internal', { $credentials: { environment: 'custom', baseUrl } } as never);
	expect(resolve('https://onefile.example.com')).toBe('https://base-url-should-end-in-api-v2-1.invalid');
	expect(resolve('https://onefile.example.com/api')).toBe('https://base-url-should-end-in-api-v2-1.invalid');
	expect(resolve('https://onefile.example.com/api/v2.1/')).toBe('https://onefile.example.com/api/v2.1/');
	expect(resolve(' https://wsapi2.onefile.co.uk/API/V2.1 ')).toBe('https://wsapi2.onefile.co.uk/API/V2.1');
	expect(resolve('https://onefile.example.com/api/v2.1?x=1')).toMatch(/\.invalid$/);
});

test.each([['abc'], ['1e9'], ['0'], ['../../Customer'], ['2?x=1']])('a dropdown page marker %p never reaches a URL', async (token) => {
	hosts.api.routes = oneFileRoutes('/api', { 'POST /api/Classroom/Search/1/50': (_req, res) => json(res, 200, [{ ID: 1, Name: 'A' }]) });
	await expect(hosts.oneFile().listSearch('searchClassrooms', { resource: 'user', operation: 'create', role: 'learner', organisationId: byId(10) }, undefined, token)).rejects.toThrow(/is not a page number/);
	expect(hosts.api.seen).toEqual([]);
});
