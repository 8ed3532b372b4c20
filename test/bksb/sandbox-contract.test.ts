/** The bksb sandbox against docs/bksb-api.md, over plain HTTP (no node code). */
import { startBksbSandbox, type BksbSandbox } from '../../sandbox/bksb';

let sandbox: BksbSandbox;
let auth: string;
beforeAll(async () => {
	sandbox = await startBksbSandbox({ basePaths: ['/live2api/api'] });
	auth = `Basic ${Buffer.from(`${sandbox.accessKeyId}:${sandbox.secretKey}`).toString('base64')}`;
});
afterAll(async () => {
	await sandbox.close();
});
beforeEach(() => sandbox.reset());

async function call(method: string, path: string, body?: unknown, authorization: string | null = auth) {
	const headers: Record<string, string> = { 'Content-Type': 'application/json' };
	if (authorization) headers.Authorization = authorization;
	const response = await fetch(`${sandbox.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
	return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

test('HTTP Basic with access key ID and secret key; anything else is 401 with a GenericResponseMessage', async () => {
	expect((await call('GET', '/live2api/api/users/user/31001')).status).toBe(200);
	const refused = await call('GET', '/live2api/api/users/user/31001', undefined, 'Basic d3Jvbmc6a2V5');
	expect(refused).toEqual({ status: 401, json: { HttpStatusCode: 401, HttpStatus: 'Unauthorized', Status: 'Error', Description: expect.any(String), Data: null } });
	expect((await call('GET', '/live2api/api/users/user/31001', undefined, null)).status).toBe(401);
});

test('only the configured base path serves the API', async () => {
	expect((await call('GET', '/api/users/user/31001')).status).toBe(404);
});

test('createUser takes an AddUserRequest with a SimpleDateTime and returns a User', async () => {
	const created = await call('POST', '/live2api/api/users/createUser', { Username: 'new.one', Firstname: 'New', Lastname: 'One', Email: 'n@example.com', DateOfBirth: { Year: 2001, Month: 9, Day: 23 }, AutoEnrolCourses: false });
	expect(created.status).toBe(200);
	expect(Object.keys(created.json).sort()).toEqual(['AdvancedID', 'DateCreated', 'DateOfBirth', 'Email', 'Firstname', 'IsArchived', 'IsStaff', 'LastActivity', 'Lastname', 'OrgId', 'ProfilePhotoUrl', 'UserId', 'Username']);
	expect(created.json.DateOfBirth).toBe('2001-09-23T00:00:00+00:00');
});

test.each([
	['a date as text', { DateOfBirth: '2001-09-23' }],
	['30 February', { DateOfBirth: { Year: 2001, Month: 2, Day: 30 } }],
	['month 13', { DateOfBirth: { Year: 2001, Month: 13, Day: 1 } }],
	['no username', { Username: '' }],
	['an unknown field', { Favourite: 'x' }],
])('createUser refuses %s', async (_, patch) => {
	expect((await call('POST', '/live2api/api/users/createUser', { Username: 'u1', Firstname: 'F', Lastname: 'L', ...patch })).status).toBe(400);
});

test('updateDateOfBirth takes a bare SimpleDateTime and answers a GenericResponseMessage', async () => {
	const answer = await call('POST', '/live2api/api/users/user/31001/updateDateOfBirth', { Year: 2002, Month: 3, Day: 4 });
	expect(answer.json).toEqual({ HttpStatusCode: 200, HttpStatus: 'OK', Status: 'Success', Description: expect.any(String), Data: null });
});

test('paged lists need page and recordsPerPage, and carry Pagination', async () => {
	expect((await call('GET', '/live2api/api/userGroups/search')).status).toBe(400);
	const groups = await call('GET', '/live2api/api/userGroups/search?page=1&recordsPerPage=2');
	expect(groups.json.Pagination).toEqual({ CurrentPage: 1, TotalRecords: 3, RecordsPerPage: 2 });
	expect((groups.json.Groups as unknown[]).length).toBe(2);
});

test('the request log masks the Authorization header', async () => {
	await call('GET', '/live2api/api/users/user/31001');
	expect(JSON.stringify(sandbox.requests())).not.toContain(auth.slice(6));
	expect(sandbox.requests()[0].authorization).toBe('Basic <masked>');
});
