/**
 * Fault soak through the engine against the sandbox: transient 500/503s, connection resets,
 * 429 bursts with Retry-After, sessions expiring mid-run (401 and 403 modes) and "ambiguous
 * creates" (stored, then the connection drops). With Continue On Fail, every input item gives
 * exactly one output item, paired; nothing is created twice; every success really exists.
 * SOAK_ITEMS sets the size (CI: 300 per mode; `npm run test:soak`: 2,500 per mode).
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { SEED, seedFor } from '../../sandbox/onefile';
import { leakScan } from '../harness/engine';
import { byId, useOneFile } from '../harness/onefile';

const ITEMS = Number(process.env.SOAK_ITEMS ?? 300);
const org = seedFor(SEED.organisations.keychainOff.id);

const upsertLearners: INodeParameters = {
	resource: 'user',
	operation: 'upsert',
	role: 'learner',
	matchBy: 'email',
	organisationId: byId(org.organisation.id),
	firstName: '={{ $json.first }}',
	lastName: 'Soak',
	email: '={{ $json.email }}',
	defaultAssessorId: byId(org.assessors[0].id),
	classroomId: byId(org.classrooms[0].id),
	placementId: byId(org.placements[0].id),
	options: { concurrency: 4 },
};

const FAULTS = {
	transientErrorRate: 0.06,
	resetRate: 0.03,
	ambiguousCreateRate: 0.05,
	// Bites at peaks only: a limit that held the whole run back would measure the limit, not the node.
	rateLimit: { limit: 120, windowMs: 500, retryAfterSeconds: 1 },
};

interface ModeSummary {
	mode: number;
	itemsIn: number;
	itemsOut: number;
	created: number;
	updatedOnRerun: number;
	failed: number;
	duplicates: number;
	invalidRequests: number;
	authCalls: number;
	faultsInjected: Record<string, number>;
}

const summaries: ModeSummary[] = [];

describe.each([401, 403] as const)('soak, expired sessions answered %i', (expiredStatus) => {
	const onefile = useOneFile({ seed: expiredStatus, auth: { expiredStatus } });

	test(`${ITEMS} learners under faults, twice: one output per item, paired, 0 duplicates, nothing lost`, async () => {
		onefile.sandbox.configure({ faults: FAULTS, auth: { expiredStatus, maxUses: 97 } });
		const items = Array.from({ length: ITEMS }, (_, i) => ({ first: `Soak${i}`, email: `soak.${expiredStatus}.${i}@example.com` }));
		const before = onefile.sandbox.users().length;

		const first = await onefile.engine.run({ parameters: upsertLearners, items, continueOnFail: true });
		const afterFirst = onefile.sandbox.users();
		const second = await onefile.engine.run({ parameters: upsertLearners, items, continueOnFail: true });

		for (const run of [first, second]) {
			expect(run.status).toBe('success');
			expect(run.json).toHaveLength(ITEMS);
			expect(run.items.map((i) => i.pairedItem)).toEqual(items.map((_, item) => ({ item })));
		}
		const counters = onefile.sandbox.counters();
		expect(counters.duplicates).toEqual({ byEmail: 0, byMisid: 0 });
		expect(onefile.sandbox.contractViolations()).toEqual([]);

		// After the first run: every success exists exactly once; every failure says so, and
		// "unknown" is the only failure that may have created the user.
		const byEmail = new Map<string, number>();
		for (const user of afterFirst) if (user.Email) byEmail.set(user.Email, (byEmail.get(user.Email) ?? 0) + 1);
		const lost: string[] = [];
		first.json.forEach((out, i) => {
			const exists = byEmail.get(items[i].email) ?? 0;
			if (out.error === undefined && (exists !== 1 || typeof out.id !== 'number')) lost.push(`item ${i}: success but ${exists} users, id ${String(out.id)}`);
			if (out.error !== undefined && exists > 0 && !String(out.error).startsWith('Unknown whether')) lost.push(`item ${i}: failed (${String(out.error)}) yet created`);
		});
		expect(lost).toEqual([]);
		// The rerun creates exactly the users the first run could not, and updates the rest.
		const createdFirst = afterFirst.length - before;
		const created = onefile.sandbox.users().length - before;
		const secondUpdated = second.json.filter((o) => o.action === 'updated').length;
		expect(second.json.filter((o) => o.action === 'created').length).toBe(created - createdFirst);

		const faults = counters.faultsInjected;
		expect(Object.values(faults).reduce((a, b) => a + b, 0)).toBeGreaterThan(ITEMS / 10);
		summaries.push({
			mode: expiredStatus,
			itemsIn: ITEMS * 2,
			itemsOut: first.json.length + second.json.length,
			created,
			updatedOnRerun: secondUpdated,
			failed: [...first.json, ...second.json].filter((o) => o.error !== undefined).length,
			duplicates: counters.duplicates.byEmail + counters.duplicates.byMisid,
			invalidRequests: onefile.sandbox.contractViolations().length,
			authCalls: counters.authCalls,
			faultsInjected: faults,
		});
	}, 120_000 + ITEMS * 400); // generous: a shared 2-core machine can halve the speed
});

afterAll(() => {
	if (summaries.length === 0) return;
	const sum = (key: 'itemsIn' | 'itemsOut' | 'failed' | 'duplicates' | 'invalidRequests') => summaries.reduce((total, mode) => total + mode[key], 0);
	const total = { itemsIn: sum('itemsIn'), itemsOut: sum('itemsOut'), failed: sum('failed'), duplicates: sum('duplicates'), invalidRequests: sum('invalidRequests'), leaks: leakScan.leaks.length, runsScannedForSecrets: leakScan.runs };
	const dir = join(__dirname, '../../test-results');
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, 'soak-summary.json'), JSON.stringify({ total, modes: summaries }, null, 2));
	process.stdout.write(`\nsoak: items in ${total.itemsIn}, items out ${total.itemsOut}, failed ${total.failed}, duplicates ${total.duplicates}, leaks ${total.leaks}, invalid requests sent ${total.invalidRequests}\n`);
});

describe('bad servers and slow answers become clear item errors', () => {
	const onefile = useOneFile();
	const get = (extra: IDataObject = {}): INodeParameters => ({ resource: 'user', operation: 'get', userId: byId(org.learners[0].id), ...extra });
	const run = (parameters: INodeParameters) => onefile.engine.run({ parameters, continueOnFail: true });

	test('an HTML error page once is retried; every time, it is named as a web page', async () => {
		onefile.sandbox.configure({ faults: { script: [{ path: '^/User/\\d+$', fault: 'html', times: 1 }] } });
		expect((await run(get())).json[0].ID).toBe(org.learners[0].id);
		onefile.sandbox.configure({ faults: { script: [{ path: '^/User/\\d+$', fault: 'html', times: 10 }] } });
		const result = await run(get());
		expect(result.json[0].error).toMatch(/^OneFile answered with a web page instead of data while trying to get user \d+ \(HTTP 502\)$/);
	});

	test('an answer that is not valid JSON', async () => {
		onefile.sandbox.configure({ faults: { script: [{ path: '^/User/\\d+$', fault: 'invalidJson', times: 10 }] } });
		const result = await run(get());
		expect(result.json[0].error).toMatch(/^OneFile's answer could not be read while trying to get user \d+ \(HTTP 200\)$/);
	});

	test('a create answered 2xx with a garbled body is never sent again: OneFile acted; the row says it is unknown', async () => {
		// The sandbox answers this 200 before storing anything, so the search cannot find the user:
		// the worst case for a node that would create again.
		onefile.sandbox.configure({ faults: { script: [{ method: 'POST', path: '^/User$', fault: 'invalidJson' }] } });
		const result = await onefile.engine.run({ parameters: { ...upsertLearners, options: {} }, items: [{ first: 'Garbled', email: 'garbled@example.com' }], continueOnFail: true });
		expect(result.json[0].error).toMatch(/^Unknown whether OneFile created the Learner: OneFile said yes but its answer could not be read/);
		expect(onefile.sandbox.requests().map((r) => `${r.method} ${r.path} ${r.status ?? 'dropped'}`).slice(1)).toEqual(['POST /User/Search/1/10 204', 'POST /User 200', 'POST /User/Search/1/10 204']);
	});

	test('an ambiguous create in Create or Update: the user is found and reported as created', async () => {
		onefile.sandbox.configure({ faults: { script: [{ method: 'POST', path: '^/User$', fault: 'ambiguousCreate' }] } });
		const result = await onefile.engine.run({ parameters: { ...upsertLearners, options: {} }, items: [{ first: 'Ambiguous', email: 'ambiguous@example.com' }] });
		const users = onefile.sandbox.users().filter((u) => u.Email === 'ambiguous@example.com');
		expect(users).toHaveLength(1);
		expect(result.json[0]).toEqual(expect.objectContaining({ action: 'created', id: users[0].ID, loginDetails: 'unknown: the answer was lost or unreadable' }));
	});

	test('a plain Create whose answer is lost, when the user now exists: reported as unknown, not created again', async () => {
		onefile.sandbox.configure({ faults: { script: [{ method: 'POST', path: '^/User$', fault: 'ambiguousCreate' }] } });
		const result = await onefile.engine.run({ parameters: { ...upsertLearners, operation: 'create', options: {} }, items: [{ first: 'Lost', email: 'lost@example.com' }], continueOnFail: true });
		expect(result.json[0].error).toMatch(/^Unknown whether OneFile created the Learner: its answer was lost, and a user with this email exists \(ID \d+\)$/);
		expect(onefile.sandbox.users().filter((u) => u.Email === 'lost@example.com')).toHaveLength(1);
		expect(onefile.sandbox.requests().filter((r) => r.method === 'POST' && r.path === '/User')).toHaveLength(1);
	});

	test('a create that failed before OneFile acted (500) is checked for, then made once', async () => {
		onefile.sandbox.configure({ faults: { script: [{ method: 'POST', path: '^/User$', fault: 'status500' }] } });
		const result = await onefile.engine.run({ parameters: { ...upsertLearners, operation: 'create', options: {} }, items: [{ first: 'Retry', email: 'retry@example.com' }] });
		expect(result.json[0].created).toBe(true);
		expect(onefile.sandbox.requests().map((r) => `${r.method} ${r.path} ${r.status ?? 'dropped'}`).slice(1)).toEqual(['POST /User 500', 'POST /User/Search/1/10 204', 'POST /User 200']);
		expect(onefile.sandbox.users().filter((u) => u.Email === 'retry@example.com')).toHaveLength(1);
	});

	test('a timeout: retried for a read, then named in words', async () => {
		onefile.sandbox.configure({ faults: { slowMs: 2500, script: [{ path: '^/User/\\d+$', fault: 'slow', times: 10 }] } });
		const result = await run(get({ options: { timeout: 1 } }));
		expect(result.json[0].error).toMatch(/^OneFile did not answer within 1 s while trying to get user \d+$/);
		expect(result.json[0].description).toMatch(/Options → Timeout/);
		expect(onefile.sandbox.requests().filter((r) => r.path.startsWith('/User/'))).toHaveLength(4);
	});

	test('a connection reset once: a read is retried and succeeds', async () => {
		onefile.sandbox.configure({ faults: { script: [{ path: '^/User/\\d+$', fault: 'reset' }] } });
		expect((await run(get())).json[0].ID).toBe(org.learners[0].id);
	});
});
