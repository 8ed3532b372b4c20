/**
 * The sandbox against docs/onefile-api.md, over plain HTTP: every rule below is written from the
 * reference (section numbers given), not from the sandbox's or the node's own tables.
 */
import { SEED, seedFor, startOneFileSandbox, type OneFileSandbox } from '../../sandbox/onefile';
import { call, signIn } from './client';

let sandbox: OneFileSandbox;
let now = Date.UTC(2026, 10, 23, 9, 0, 0);
let token: string;

beforeAll(async () => {
	sandbox = await startOneFileSandbox({ now: () => now });
});
afterAll(async () => {
	await sandbox.close();
});
beforeEach(async () => {
	sandbox.reset();
	sandbox.configure({ faults: { script: null as never, rateLimit: null as never, transientErrorRate: null as never }, auth: { expiredStatus: 401, maxUses: 0, quoteToken: false, ttlSeconds: 86400 }, contract: { strict: true } });
	token = await signIn(sandbox);
});

const off = seedFor(SEED.organisations.keychainOff.id);
const on = seedFor(SEED.organisations.keychainOn.id);
const base = { OrganisationID: off.organisation.id, FirstName: 'Amira', LastName: 'Khan', Email: 'amira@example.com' };
const learner = { ...base, Role: 1, DefaultAssessorID: off.assessors[0].id, ClassroomID: off.classrooms[0].id, PlacementID: off.placements[0].id };
const post = (path: string, body?: unknown) => call(sandbox, 'POST', path, { token, body });

describe('authentication (§2)', () => {
	test('POST /Authentication with X-CustomerToken answers the bare session token', async () => {
		const answer = await call(sandbox, 'POST', '/Authentication', { customerToken: sandbox.customerToken });
		expect(answer.status).toBe(200);
		expect(answer.text).toMatch(/^[A-Za-z0-9+/=]{200,}$/);
	});

	test('a JSON-quoted token when configured ([G])', async () => {
		sandbox.configure({ auth: { quoteToken: true } });
		const answer = await call(sandbox, 'POST', '/Authentication', { customerToken: sandbox.customerToken });
		expect(answer.text).toMatch(/^"[A-Za-z0-9+/=]+"$/);
	});

	test.each([401, 403] as const)('a wrong customer token is refused (%i as configured), and never echoed', async (status) => {
		sandbox.configure({ auth: { badCustomerTokenStatus: status } });
		const answer = await call(sandbox, 'POST', '/Authentication', { customerToken: 'wrong-token-123456' });
		expect(answer.status).toBe(status);
		expect(answer.text).not.toContain('wrong-token-123456');
	});

	test.each([401, 403] as const)('every other call needs a valid X-TokenID (%i when missing, unknown or expired)', async (status) => {
		sandbox.configure({ auth: { expiredStatus: status } });
		expect((await call(sandbox, 'GET', '/Customer', { token: null })).status).toBe(status);
		expect((await call(sandbox, 'GET', '/Customer', { token: 'bm90LWEtdG9rZW4=' })).status).toBe(status);
		expect((await call(sandbox, 'GET', '/Customer', { token })).status).toBe(200);
	});

	test('sessions expire 24 hours after issue by default (fake clock)', async () => {
		now += 23 * 3600 * 1000;
		expect((await call(sandbox, 'GET', '/Customer', { token })).status).toBe(200);
		now += 1 * 3600 * 1000 + 1;
		expect((await call(sandbox, 'GET', '/Customer', { token })).status).toBe(401);
	});

	test('or after a number of uses, when configured', async () => {
		sandbox.configure({ auth: { maxUses: 2 } });
		const fresh = await signIn(sandbox);
		const statuses = [];
		for (let i = 0; i < 3; i++) statuses.push((await call(sandbox, 'GET', '/Customer', { token: fresh })).status);
		expect(statuses).toEqual([200, 200, 401]);
	});
});

describe('customer and organisations (§4.1)', () => {
	test('GET /Customer is the token’s customer', async () => {
		expect((await call(sandbox, 'GET', '/Customer', { token })).json).toEqual({ ID: SEED.customer.id, Name: SEED.customer.name });
	});

	test('Organisation/Search by CustomerID lists organisations with their Keychain settings', async () => {
		const answer = await post('/Organisation/Search', { CustomerID: SEED.customer.id });
		const rows = answer.json as Array<Record<string, unknown>>;
		expect(rows.map((r) => r.ID)).toEqual([5740, 5741, 5742]);
		expect(rows[0]).toEqual(expect.objectContaining({ Name: expect.any(String), KeychainCreationForNewUserActive: false, KeychainEmailSuppression: expect.any(Boolean) }));
		expect(rows[1].KeychainCreationForNewUserActive).toBe(true);
	});
});

describe('user create: mandatory fields per role (§5.2)', () => {
	const MANDATORY: Record<number, string[]> = {
		1: ['OrganisationID', 'FirstName', 'LastName', 'Email', 'DefaultAssessorID', 'ClassroomID', 'PlacementID'],
		4: ['OrganisationID', 'FirstName', 'LastName', 'Email'],
		5: ['OrganisationID', 'FirstName', 'LastName', 'Email'],
		10: ['OrganisationID', 'FirstName', 'LastName', 'Email'],
		40: ['OrganisationID', 'FirstName', 'LastName', 'Email', 'PlacementID'],
		45: ['OrganisationID', 'FirstName', 'LastName', 'Email', 'PlacementID'],
	};
	const full = (role: number): Record<string, unknown> => {
		const body: Record<string, unknown> = { ...base, Role: role };
		if (role === 1) Object.assign(body, { DefaultAssessorID: off.assessors[0].id, ClassroomID: off.classrooms[0].id });
		if ([1, 40, 45].includes(role)) body.PlacementID = off.placements[0].id;
		return body;
	};

	test.each(Object.keys(MANDATORY).map(Number))('role %i: the full body is accepted; each mandatory field missing is a 400 naming it', async (role) => {
		expect((await post('/User', full(role))).status).toBe(200);
		for (const field of MANDATORY[role]) {
			const body = full(role);
			delete body[field];
			const answer = await post('/User', body);
			expect({ field, status: answer.status }).toEqual({ field, status: 400 });
			expect(answer.text).toContain(field);
		}
	});

	test('a role the API cannot create is refused', async () => {
		expect((await post('/User', { ...base, Role: 3 })).status).toBe(400);
	});
});

describe('user create: optional fields and types (§3.2, §5.3), strict mode', () => {
	test('learner-only fields are refused for staff and recorded as contract violations', async () => {
		const answer = await post('/User', { ...base, Role: 5, ULN: '1234567890' });
		expect(answer.status).toBe(400);
		expect(sandbox.contractViolations().at(-1)).toEqual(expect.objectContaining({ method: 'POST', path: '/User', field: 'ULN' }));
	});

	test('learner optional fields are accepted for learners', async () => {
		const answer = await post('/User', { ...learner, ULN: '1234567890', NINO: 'QQ123456C', StartOn: '2025-09-01T00:00:00.000Z', SupportFunding: true, L12: '31', MISID: 'X1' });
		expect(answer.status).toBe(200);
	});

	test.each([
		['an ID as a word', { ClassroomID: 'abc' }],
		['a date that is not ISO', { StartOn: '01/09/2025' }],
		['a boolean as a word', { SupportFunding: 'maybe' }],
		['an unknown key', { Favourite: 'x' }],
		['an empty mandatory value', { FirstName: '' }],
	])('%s is refused', async (_, patch) => {
		expect((await post('/User', { ...learner, ...patch })).status).toBe(400);
	});

	test('lenient mode accepts what only strict mode refuses', async () => {
		sandbox.configure({ contract: { strict: false } });
		expect((await post('/User', { ...base, Role: 5, ULN: '1234567890' })).status).toBe(200);
	});
});

describe('user create: references and Keychain (§3.7, §5.4)', () => {
	test.each([
		['OrganisationID', 999, -11],
		['PlacementID', 999, -57],
		['ClassroomID', 999, -58],
	])('unknown %s → 400 {code %i}', async (field, value, code) => {
		const answer = await post('/User', { ...learner, [field]: value });
		expect(answer.status).toBe(400);
		expect(answer.json).toEqual({ code, message: expect.any(String) });
	});

	test('Keychain off: ID, Username and Password come back', async () => {
		const answer = await post('/User', learner);
		expect(answer.json).toEqual({ ID: expect.any(Number), Username: expect.any(String), Password: expect.any(String) });
	});

	test('Keychain on: 200 with no login details', async () => {
		const answer = await post('/User', { ...learner, OrganisationID: on.organisation.id, DefaultAssessorID: on.assessors[0].id, ClassroomID: on.classrooms[0].id, PlacementID: on.placements[0].id });
		expect(answer.status).toBe(200);
		expect(answer.text).toBe('');
	});

	test('creates are not idempotent: two identical creates make two users, and the duplicate is counted', async () => {
		const before = sandbox.users().length;
		await post('/User', learner);
		await post('/User', learner);
		expect(sandbox.users().length).toBe(before + 2);
		expect(sandbox.counters().duplicates.byEmail).toBe(1);
	});
});

describe('user update, get and search (§4.2, §3.4, §3.5, §7)', () => {
	test('a partial update answers 204 and changes only what was sent', async () => {
		const id = off.learners[0].id;
		const before = (await call(sandbox, 'GET', `/User/${id}`, { token })).json as Record<string, unknown>;
		const answer = await post(`/User/${id}`, { MISID: 'NEW-1', DefaultAssessorID: off.assessors[1].id });
		expect(answer.status).toBe(204);
		const after = (await call(sandbox, 'GET', `/User/${id}`, { token })).json as Record<string, unknown>;
		expect(after).toEqual(expect.objectContaining({ MISID: 'NEW-1', DefaultAssessorID: off.assessors[1].id, FirstName: before.FirstName, Email: before.Email }));
	});

	test('unknown users are 404 on get and update', async () => {
		expect((await call(sandbox, 'GET', '/User/999999', { token })).status).toBe(404);
		expect((await post('/User/999999', { MISID: 'x' })).status).toBe(404);
	});

	test('search pages with /{page}/{size}, rows are {ID, FirstName, LastName, MISID}, 204 past the end and when nothing matches', async () => {
		const filter = { OrganisationID: SEED.organisations.large.id, Role: 1 };
		const first = await post('/User/Search/1/100', filter);
		const rows = first.json as Array<Record<string, unknown>>;
		expect(rows).toHaveLength(100);
		expect(Object.keys(rows[0]).sort()).toEqual(['FirstName', 'ID', 'LastName', 'MISID']);
		const all = (await post('/User/Search', filter)).json as unknown[];
		const pages = Math.ceil(all.length / 100);
		expect((await post(`/User/Search/${pages}/100`, filter)).status).toBe(200);
		expect((await post(`/User/Search/${pages + 1}/100`, filter)).status).toBe(204);
		const none = await post('/User/Search', { ...filter, MISID: 'NOBODY' });
		expect(none.status).toBe(204);
		expect(none.text).toBe('');
	});

	test('search filters by email, MIS ID and modified-since', async () => {
		const target = off.learners[0];
		expect(((await post('/User/Search', { OrganisationID: off.organisation.id, Email: target.email })).json as Array<{ ID: number }>).map((r) => r.ID)).toEqual([target.id]);
		expect(((await post('/User/Search', { OrganisationID: off.organisation.id, MISID: target.misid })).json as Array<{ ID: number }>).map((r) => r.ID)).toEqual([target.id]);
		expect((await post('/User/Search', { OrganisationID: off.organisation.id, LastModified: '2099-01-01T00:00:00.000Z' })).status).toBe(204);
	});
});

describe('assign (§6.2)', () => {
	const learnerId = off.learners[0].id;
	const assign = (assignee: number, body: Record<string, unknown>) => post(`/User/${assignee}/Assign`, { LearnerID: learnerId, ...body });

	test.each([
		['assessor at Learning Aim', () => off.assessors[0].id, { Level: 3, StandardID: 301 }],
		['IQA at Unit Summary', () => off.iqas[0].id, { Level: 2, UnitID: 'BA3_U01' }],
		['employer at Additional', () => off.employers[0].id, { Level: 1 }],
		['observer at Additional', () => off.observers[0].id, { Level: 1 }],
	])('%s is accepted', async (_, assignee, body) => {
		expect((await assign(assignee(), body)).status).toBe(200);
	});

	test.each([
		['employer at Learning Aim', () => off.employers[0].id, { Level: 3, StandardID: 301 }],
		['observer at Unit Summary', () => off.observers[0].id, { Level: 2, UnitID: 'BA3_U01' }],
		['Learning Aim without StandardID', () => off.assessors[0].id, { Level: 3 }],
		['Unit Summary without UnitID', () => off.assessors[0].id, { Level: 2 }],
		['an unknown level', () => off.assessors[0].id, { Level: 7 }],
	])('%s is refused', async (_, assignee, body) => {
		expect((await assign(assignee(), body)).status).toBe(400);
	});

	test('the learner must be a learner', async () => {
		expect((await post(`/User/${off.assessors[0].id}/Assign`, { LearnerID: off.assessors[1].id, Level: 1 })).status).toBe(400);
	});
});

describe('learning assigns (§4.4)', () => {
	const learnerId = off.learners[1].id;

	test('a standard answers the new learning aim ID as a bare integer', async () => {
		const answer = await post(`/Standard/302/Assign/${learnerId}`);
		expect(answer.status).toBe(200);
		expect(answer.text).toMatch(/^\d+$/);
	});

	test('a unit (text ID) and a framework template (204)', async () => {
		await post(`/Standard/302/Assign/${learnerId}`);
		expect((await post(`/Unit/KS_COMM1/Assign/${learnerId}/302`)).status).toBe(200);
		expect((await post(`/FrameworkTemplate/${off.frameworkTemplates[0].id}/Assign/${learnerId}/true`)).status).toBe(204);
	});

	test('unknown standards and templates are refused', async () => {
		expect((await post(`/Standard/9999/Assign/${learnerId}`)).status).toBeGreaterThanOrEqual(400);
		expect((await post(`/FrameworkTemplate/9999/Assign/${learnerId}/false`)).status).toBeGreaterThanOrEqual(400);
	});
});

describe('encoding (§1, §3.1)', () => {
	test('paths are case-insensitive and keys bind without regard to case', async () => {
		expect((await call(sandbox, 'GET', '/customer', { token })).status).toBe(200);
		expect((await post('/user/search', { organisationid: off.organisation.id, role: 5 })).status).toBe(200);
	});

	test('form-encoded bodies work', async () => {
		const answer = await call(sandbox, 'POST', '/Classroom/Search', { token, raw: `OrganisationID=${off.organisation.id}` });
		expect((answer.json as unknown[]).length).toBe(off.classrooms.length);
	});
});

describe('faults (deterministic)', () => {
	test.each([
		['status500', 500],
		['status503', 503],
	] as const)('scripted %s answers before storing anything', async (fault, status) => {
		sandbox.configure({ faults: { script: [{ method: 'POST', path: '^/User$', fault }] } });
		const before = sandbox.users().length;
		expect((await post('/User', learner)).status).toBe(status);
		expect(sandbox.users().length).toBe(before);
	});

	test('429 carries Retry-After', async () => {
		sandbox.configure({ faults: { script: [{ fault: 'status429', retryAfterSeconds: 7 }] } });
		const answer = await call(sandbox, 'GET', '/Customer', { token });
		expect(answer.status).toBe(429);
		expect(answer.headers.get('retry-after')).toBe('7');
	});

	test('the rate limit answers 429 beyond its window', async () => {
		sandbox.configure({ faults: { rateLimit: { limit: 3, windowMs: 60_000, retryAfterSeconds: 2 } } });
		const statuses = [];
		for (let i = 0; i < 5; i++) statuses.push((await call(sandbox, 'GET', '/Customer', { token })).status);
		expect(statuses).toEqual([200, 200, 200, 429, 429]);
	});

	test('an ambiguous create stores the user, then drops the connection', async () => {
		sandbox.configure({ faults: { script: [{ method: 'POST', path: '^/User$', fault: 'ambiguousCreate' }] } });
		const before = sandbox.users().length;
		await expect(post('/User', learner)).rejects.toThrow();
		expect(sandbox.users().length).toBe(before + 1);
	});

	test('a reset drops the connection without storing', async () => {
		sandbox.configure({ faults: { script: [{ method: 'POST', path: '^/User$', fault: 'reset' }] } });
		const before = sandbox.users().length;
		await expect(post('/User', learner)).rejects.toThrow();
		expect(sandbox.users().length).toBe(before);
	});

	test('html and invalid JSON answers', async () => {
		sandbox.configure({ faults: { script: [{ fault: 'html' }, { fault: 'invalidJson' }] } });
		const html = await call(sandbox, 'GET', '/Customer', { token });
		expect(html.status).toBe(502);
		expect(html.text).toMatch(/<html/i);
		const broken = await call(sandbox, 'GET', '/Customer', { token });
		expect(broken.status).toBe(200);
		expect(() => JSON.parse(broken.text)).toThrow();
	});

	test('a slow answer arrives after slowMs, processed', async () => {
		sandbox.configure({ faults: { slowMs: 300, script: [{ fault: 'slow' }] } });
		const started = Date.now();
		expect((await call(sandbox, 'GET', '/Customer', { token })).status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(250);
	});

	test('rates are deterministic for a seed: the same requests meet the same faults', async () => {
		const pattern = async () => {
			sandbox.reset();
			sandbox.configure({ faults: { transientErrorRate: 0.3 } });
			const fresh = await signIn(sandbox).catch(() => signIn(sandbox));
			const statuses = [];
			for (let i = 0; i < 20; i++) statuses.push((await call(sandbox, 'GET', '/Customer', { token: fresh })).status);
			return statuses;
		};
		const first = await pattern();
		expect(first.filter((s) => s >= 500).length).toBeGreaterThan(0);
		expect(await pattern()).toEqual(first);
	});
});

describe('inspection', () => {
	test('the request log and the HTTP inspection endpoints never hold a raw token', async () => {
		await call(sandbox, 'GET', '/Customer', { token });
		const inspected = await Promise.all(['/__sandbox/requests', '/__sandbox/counters', '/__sandbox/users'].map(async (p) => (await fetch(`${sandbox.origin}${p}`)).text()));
		const everything = [JSON.stringify(sandbox.requests()), ...inspected].join('\n');
		expect(everything).not.toContain(token);
		expect(everything).not.toContain(sandbox.customerToken);
		expect(sandbox.requests().at(-1)).toEqual(expect.objectContaining({ method: 'GET', path: '/Customer', status: 200, sessionNo: expect.any(Number) }));
	});

	test('reset reseeds the same data and clears log and counters', async () => {
		const users = sandbox.users();
		await post('/User', learner);
		sandbox.reset();
		expect(sandbox.users()).toEqual(users);
		expect(sandbox.requests()).toEqual([]);
		expect(sandbox.counters().creates).toBe(0);
	});

	test('HTTP reset and config work from another process', async () => {
		await fetch(`${sandbox.origin}/__sandbox/config`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ faults: { script: [{ path: '^/Customer$', fault: 'status503' }] } }) });
		expect((await call(sandbox, 'GET', '/Customer', { token })).status).toBe(503);
		expect((await fetch(`${sandbox.origin}/__sandbox/reset`, { method: 'POST' })).status).toBeLessThan(300);
		expect(sandbox.requests()).toEqual([]);
	});
});
