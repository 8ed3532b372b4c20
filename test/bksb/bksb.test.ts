/** The bksb node through n8n's engine against the bksb sandbox: every operation, errors, paging, secrets. */
import type { INodeParameters } from 'n8n-workflow';

import { BksbApi } from '../../credentials/BksbApi.credentials';
import { Bksb } from '../../nodes/Bksb/Bksb.node';
import { startBksbSandbox, type BksbSandbox } from '../../sandbox/bksb';
import { Engine } from '../harness/engine';

const TYPE = 'n8n-nodes-onefile.bksb';
let sandbox: BksbSandbox;

beforeAll(async () => {
	sandbox = await startBksbSandbox({ basePaths: ['/live2api/api'] });
});
afterAll(async () => {
	await sandbox.close();
});
beforeEach(() => sandbox.reset());

function engine(credential: Record<string, unknown> = {}): Engine {
	return new Engine(
		{ bksbApi: { region: 'custom', url: sandbox.url, basePath: '/live2api/api', accessKeyId: sandbox.accessKeyId, secretKey: sandbox.secretKey, ...credential } },
		{ nodeTypes: { [TYPE]: new Bksb() }, credentialTypes: { bksbApi: new BksbApi() } },
	);
}
const run = (parameters: INodeParameters, items = [{}], continueOnFail = false, credential = {}) => engine(credential).run({ parameters, items, continueOnFail }, TYPE);
const last = () => sandbox.requests().at(-1);

describe('User', () => {
	test('Create sends an AddUserRequest with the date of birth as a SimpleDateTime, and returns the new user', async () => {
		const result = await run(
			{ resource: 'user', operation: 'create', username: '={{ $json.user }}', firstname: 'Amira', lastname: 'Khan', email: 'amira.khan@example.com', additionalFields: { dateOfBirth: '={{ $json.dob }}', autoEnrolCourses: true } },
			[{ user: 'amira.khan', dob: '23/09/2005' }],
		);
		expect(result.status).toBe('success');
		expect(last()).toEqual(expect.objectContaining({ method: 'POST', path: '/live2api/api/users/createUser', authorization: 'Basic <masked>', status: 200 }));
		expect(last()?.body).toEqual({ Username: 'amira.khan', Firstname: 'Amira', Lastname: 'Khan', Email: 'amira.khan@example.com', AutoEnrolCourses: true, DateOfBirth: { Year: 2005, Month: 9, Day: 23, Hour: 0, Minute: 0, Second: 0, Millisecond: 0 } });
		expect(result.json[0]).toEqual(expect.objectContaining({ UserId: expect.any(Number), Username: 'amira.khan', DateOfBirth: '2005-09-23T00:00:00+00:00' }));
	});

	test('bad input is refused before any request, naming the row and fields', async () => {
		const result = await run({ resource: 'user', operation: 'create', username: '={{ $json.user }}', firstname: 'A', lastname: 'B', email: '={{ $json.email }}', additionalFields: { dateOfBirth: '={{ $json.dob }}' } }, [{ user: '', email: 'x@', dob: '31/02/2005' }], true);
		expect(result.json[0].error).toBe('Cannot create the bksb user: 3 fields need fixing: Username is missing; Email "x@" is not an email address; Date of Birth "31/02/2005" is not a date [item 0]');
		expect(sandbox.requests()).toEqual([]);
	});

	test("bksb's own refusal comes back in words (a username already taken)", async () => {
		const result = await run({ resource: 'user', operation: 'create', username: 'aisha.khan', firstname: 'Aisha', lastname: 'Khan', email: '' }, [{}], true);
		expect(result.json[0].error).toBe('bksb refused the request (HTTP 400) while trying to create bksb user aisha.khan');
		expect(result.json[0].description).toMatch(/^bksb said: "Username aisha\.khan is already taken"\./);
		expect(sandbox.counters().creates).toBe(0);
	});

	test('Get and Update Date of Birth', async () => {
		const got = await run({ resource: 'user', operation: 'get', userId: '31001' });
		expect(got.json[0]).toEqual(expect.objectContaining({ UserId: 31001, Username: 'aisha.khan' }));
		const updated = await run({ resource: 'user', operation: 'updateDateOfBirth', userId: '31001', dateOfBirth: '2004-02-29' });
		expect(last()).toEqual(expect.objectContaining({ method: 'POST', path: '/live2api/api/users/user/31001/updateDateOfBirth', body: { Year: 2004, Month: 2, Day: 29, Hour: 0, Minute: 0, Second: 0, Millisecond: 0 } }));
		expect(updated.json[0]).toEqual(expect.objectContaining({ userId: 31001, updated: true, bksbSaid: 'Date of birth updated' }));
		expect(sandbox.users().find((u) => u.UserId === 31001)?.DateOfBirth).toBe('2004-02-29T00:00:00+00:00');
	});
});

describe('User Group', () => {
	test('Get Many with Return All pages through page/recordsPerPage', async () => {
		const result = await run({ resource: 'userGroup', operation: 'getAll', returnAll: true });
		expect(result.json.map((g) => g.UserGroupId)).toEqual([501, 502, 503]);
		expect(last()?.query).toEqual({ page: '1', recordsPerPage: '100' });
	});

	test('Get Members: 140 members over two pages; a Limit asks for one small page', async () => {
		const all = await run({ resource: 'userGroup', operation: 'getMembers', userGroupId: '503', returnAll: true });
		expect(all.json).toHaveLength(140);
		expect(sandbox.requests().map((r) => r.query.page)).toEqual(['1', '2']);
		sandbox.reset();
		const some = await run({ resource: 'userGroup', operation: 'getMembers', userGroupId: '503', returnAll: false, limit: 5, query: 'learner' });
		expect(some.json).toHaveLength(5);
		expect(sandbox.requests().map((r) => r.query)).toEqual([{ page: '1', recordsPerPage: '5', query: 'learner' }]);
	});
});

describe('Assessment links', () => {
	test('initial and diagnostic links for a course; report link for a session', async () => {
		const initial = await run({ resource: 'assessment', operation: 'getInitialLink', userId: '31002', courseSubject: 'Maths' });
		expect(initial.json[0]).toEqual(expect.objectContaining({ UserId: 31002, Link: expect.stringMatching(/^https:/), Session: expect.objectContaining({ SessionId: expect.any(Number) }) }));
		expect(last()?.query).toEqual({ courseSubject: 'Maths', userId: '31002' });
		const diagnostic = await run({ resource: 'assessment', operation: 'getDiagnosticLink', userId: '31001', courseSubject: 'English' });
		expect(diagnostic.json[0].AssessmentName).toBe('English Diagnostic');
		const report = await run({ resource: 'assessment', operation: 'getReportLink', userId: '31001', sessionId: '7001' });
		expect(report.json[0]).toEqual(expect.objectContaining({ SessionId: 7001, Link: expect.stringMatching(/report/) }));
	});

	test('a diagnostic without a working level: bksb’s own reason, in words', async () => {
		const result = await run({ resource: 'assessment', operation: 'getDiagnosticLink', userId: '31002', courseSubject: 'English' }, [{}], true);
		expect(result.json[0].error).toMatch(/^bksb could not do it \(HTTP 500\)/);
		expect(result.json[0].description).toMatch(/No working level is set/);
	});
});

describe("bksb's rate limit and gateway: its side, never the row's", () => {
	// Form advice would send ops staff hunting through a row that is fine.
	const FORM_ADVICE = /check the fields|fields named|the row is wrong|Requests in Parallel|fewer items/i;
	const create = { resource: 'user', operation: 'create', username: 'new.learner', firstname: 'New', lastname: 'Learner', email: '' };

	test('429: bksb is limiting how fast this key may send; wait and run again later', async () => {
		sandbox.failNext(429, { headers: { 'Retry-After': '120' } });
		const result = await run({ resource: 'user', operation: 'get', userId: '31001' }, [{}], true);
		expect(result.json[0].error).toBe('bksb is limiting how fast this access key may send (HTTP 429) while trying to get bksb user 31001');
		const description = String(result.json[0].description);
		expect(description).toMatch(/bksb asked the node to wait 120 s before trying again, longer than the node waits \(60 s\), so it stopped\./);
		expect(description).toMatch(/The row is fine: bksb is limiting how fast this access key may send requests\. Wait a few minutes, then run the workflow again\./);
		expect(description).toMatch(/already sends one item at a time/);
		expect(description).not.toMatch(FORM_ADVICE);
		expect(result.json[0].httpCode).toBe('429');
	});

	test.each([
		[502, 'bksb could not be reached through its gateway', /bksb is unavailable at its gateway/],
		[503, 'bksb is unavailable', /bksb is unavailable at its gateway/],
		[504, 'bksb timed out at its gateway', /bksb did not answer its gateway in time/],
	])('%i: %s; nothing is wrong with the row; run again later, then bksb status or support', async (status, message, why) => {
		sandbox.failNext(status);
		const result = await run(create, [{}], true);
		expect(result.json[0].error).toBe(`${message} (HTTP ${status}) while trying to create bksb user new.learner`);
		const description = String(result.json[0].description);
		expect(description).toMatch(/The row is fine: /);
		expect(description).toMatch(why);
		expect(description).toMatch(/Run the workflow again later\. If it keeps happening, check bksb's service status or contact bksb support\.$/);
		expect(description).not.toMatch(FORM_ADVICE);
		expect(result.json[0].httpCode).toBe(String(status));
		// A create is never repeated after an answer that may mean bksb acted.
		expect(sandbox.requests()).toHaveLength(1);
		expect(sandbox.counters().creates).toBe(0);
	});
});

describe('credential and pairing', () => {
	test('a wrong key is named; nothing secret in output, error or log', async () => {
		const e = engine({ secretKey: 'wrong-secret-value-123' });
		const result = await e.run({ parameters: { resource: 'user', operation: 'get', userId: '31001' }, items: [{}], continueOnFail: true }, TYPE);
		expect(result.json[0].error).toBe('bksb rejected the access key (HTTP 401) while trying to get bksb user 31001');
		const everything = JSON.stringify([result.json, result.run.data.resultData.runData, sandbox.requests()]);
		for (const secret of ['wrong-secret-value-123', sandbox.secretKey, Buffer.from(`${sandbox.accessKeyId}:wrong-secret-value-123`).toString('base64')]) expect(everything).not.toContain(secret);
	});

	test('the wrong API base path is a 404 that says to check it', async () => {
		const result = await run({ resource: 'user', operation: 'get', userId: '31001' }, [{}], true, { basePath: '/api' });
		expect(result.json[0].error).toMatch(/^bksb could not find that record or address \(HTTP 404\)/);
		expect(result.json[0].description).toMatch(/API Base Path/);
	});

	test('Continue On Fail: one output per input, paired, in order', async () => {
		const result = await run({ resource: 'user', operation: 'get', userId: '={{ $json.id }}' }, [{ id: '31001' }, { id: 'x' }, { id: '99999' }, { id: '31003' }], true);
		expect(result.json.map((j) => j.UserId ?? j.error)).toEqual([31001, 'Cannot get the bksb user: User ID "x" is not a bksb ID [item 1]', 'bksb could not find that record or address (HTTP 404) while trying to get bksb user 99999', 31003]);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
	});
});
