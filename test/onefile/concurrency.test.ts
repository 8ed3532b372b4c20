/**
 * "Requests in Parallel": up to K requests in flight, output in input order and paired, one
 * sign-in for the run, shared renewal and a shared pause on 429.
 */
import type { INodeParameters } from 'n8n-workflow';

import { SEED } from '../../sandbox/onefile';
import { useCountingProxy, useOneFile } from '../harness/onefile';

const onefile = useOneFile();
const counted = useCountingProxy(onefile);

const ids = Array.from({ length: 40 }, (_, i) => SEED.generatedLearners.firstId + i);
const getEach = (concurrency: number): INodeParameters => ({
	resource: 'user',
	operation: 'get',
	userId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
	options: { concurrency },
});

test.each([1, 4, 8])('K = %i: at most K in flight, every item in order and paired, one sign-in', async (k) => {
	onefile.sandbox.configure({ faults: { latencyMs: 40 } });
	const result = await counted.engine.run({ parameters: getEach(k), items: ids.map((id) => ({ id })) });
	expect(result.status).toBe('success');
	expect(result.json.map((u) => u.ID)).toEqual(ids);
	expect(result.items.map((i) => i.pairedItem)).toEqual(ids.map((_, item) => ({ item })));
	expect(counted.proxy.maxInFlight()).toBe(k);
	expect(onefile.sandbox.counters().authCalls).toBe(1);
});

test('429 with Retry-After: every item waits as asked and still succeeds', async () => {
	onefile.sandbox.configure({ faults: { rateLimit: { limit: 10, windowMs: 1000, retryAfterSeconds: 1 } } });
	const result = await counted.engine.run({ parameters: getEach(8), items: ids.map((id) => ({ id })) });
	expect(result.status).toBe('success');
	expect(result.json.map((u) => u.ID)).toEqual(ids);
	const limited = onefile.sandbox.requests().filter((r) => r.status === 429).length;
	expect(limited).toBeGreaterThan(0);
	// The pause is shared: far fewer 429s than items would cause if each kept hammering.
	expect(limited).toBeLessThan(ids.length);
});

test('without Continue On Fail, the first failing item in order stops the run', async () => {
	const items = ids.slice(0, 12).map((id) => ({ id }));
	items[5] = { id: 1 };
	items[9] = { id: 2 };
	const result = await counted.engine.run({ parameters: getEach(4), items });
	expect(result.status).toBe('error');
	expect(result.error?.context.itemIndex).toBe(5);
});

test('with Continue On Fail, failures stay in their place', async () => {
	const items = ids.slice(0, 12).map((id) => ({ id }));
	items[5] = { id: 1 };
	const result = await counted.engine.run({ parameters: getEach(4), items, continueOnFail: true });
	expect(result.json).toHaveLength(12);
	expect(result.json[5].error).toMatch(/could not find that record/);
	expect(result.json.filter((_, i) => i !== 5).map((u) => u.ID)).toEqual(items.filter((_, i) => i !== 5).map((i) => i.id));
	expect(result.items.map((i) => i.pairedItem)).toEqual(items.map((_, item) => ({ item })));
});

test('sessions expiring mid-run with 8 in flight: nothing lost, one sign-in per expiry', async () => {
	onefile.sandbox.configure({ faults: { latencyMs: 20 }, auth: { maxUses: 15 } });
	const result = await counted.engine.run({ parameters: getEach(8), items: ids.map((id) => ({ id })) });
	expect(result.json.map((u) => u.ID)).toEqual(ids);
	const expiries = onefile.sandbox.requests().filter((r) => r.status === 401).length;
	expect(expiries).toBeGreaterThan(0);
	// Items in flight when a session dies see 401 together and share one sign-in.
	expect(onefile.sandbox.counters().authCalls).toBeLessThanOrEqual(1 + Math.ceil(ids.length / 15) + 1);
});

test('several runs at once on one n8n process (a worker\'s executions) share one sign-in per expiry', async () => {
	onefile.sandbox.configure({ faults: { latencyMs: 20 } });
	// The first run stores the session in the credential, as n8n does; the six runs below read it.
	await counted.engine.run({ parameters: getEach(1), items: [{ id: ids[0] }] });
	const before = onefile.sandbox.counters().authCalls;
	onefile.sandbox.configure({ auth: { maxUses: 15 } });
	const slices = Array.from({ length: 6 }, (_, r) => ids.slice(r * 6, r * 6 + 6));
	const results = await Promise.all(slices.map((slice) => counted.engine.run({ parameters: getEach(1), items: slice.map((id) => ({ id })) })));
	results.forEach((result, r) => expect(result.json.map((u) => u.ID)).toEqual(slices[r]));
	const signIns = onefile.sandbox.counters().authCalls - before;
	const calls = onefile.sandbox.requests().filter((r) => r.path !== '/Authentication').length - 1;
	const needed = Math.ceil((calls + 1) / 15) - 1;
	// Six runs meeting each expiry together would sign in six times each; shared, once (plus at
	// most one more when a run's request was refused just as a renewal finished).
	expect(needed).toBeGreaterThanOrEqual(2);
	expect(signIns).toBeLessThanOrEqual(needed + 2);
	// Each run reads the credential once, and once more after each renewal by another run (to
	// take the session n8n stored), not once per request.
	expect(counted.engine.credentials.reads - 1).toBeLessThanOrEqual(slices.length * (1 + signIns));
	expect(counted.engine.credentials.reads - 1).toBeLessThan(calls);
});

test('several runs starting together on a credential with no session yet sign in once', async () => {
	const slices = Array.from({ length: 6 }, (_, r) => ids.slice(r * 3, r * 3 + 3));
	const results = await Promise.all(slices.map((slice) => counted.engine.run({ parameters: getEach(2), items: slice.map((id) => ({ id })) })));
	results.forEach((result, r) => expect(result.json.map((u) => u.ID)).toEqual(slices[r]));
	expect(onefile.sandbox.counters().authCalls).toBe(1);
});

describe('Requests in Parallel: Auto', () => {
	const auto = (options: INodeParameters = {}): INodeParameters => ({ ...getEach(0), options: { concurrency: 0, ...options } });

	test('Auto grows past 2 while OneFile answers steadily, stays under its cap, keeps order and pairing', async () => {
		onefile.sandbox.configure({ faults: { latencyMs: 30 } });
		const result = await counted.engine.run({ parameters: auto({ autoCap: 6 }), items: ids.map((id) => ({ id })) });
		expect(result.json.map((u) => u.ID)).toEqual(ids);
		expect(result.items.map((i) => i.pairedItem)).toEqual(ids.map((_, item) => ({ item })));
		expect(counted.proxy.maxInFlight()).toBeGreaterThan(2);
		expect(counted.proxy.maxInFlight()).toBeLessThanOrEqual(6);
		expect(onefile.sandbox.counters().authCalls).toBe(1);
	});

	test('new nodes (version 1.1) run on Auto when Requests in Parallel is not set; version 1 keeps one at a time', async () => {
		onefile.sandbox.configure({ faults: { latencyMs: 30 } });
		const parameters = { ...getEach(0), options: {} };
		await counted.engine.run({ parameters, items: ids.map((id) => ({ id })), typeVersion: 1.1 });
		expect(counted.proxy.maxInFlight()).toBeGreaterThan(1);
		counted.proxy.resetCounts();
		await counted.engine.run({ parameters, items: ids.slice(0, 10).map((id) => ({ id })), typeVersion: 1 });
		expect(counted.proxy.maxInFlight()).toBe(1);
	});

	test('Auto obeys Retry-After: after a 429, nothing new is sent until the pause asked for is over', async () => {
		onefile.sandbox.configure({ faults: { rateLimit: { limit: 10, windowMs: 1000, retryAfterSeconds: 2 } } });
		const items = ids.slice(0, 20).map((id) => ({ id }));
		const result = await counted.engine.run({ parameters: auto(), items });
		expect(result.status).toBe('success');
		expect(result.json.map((u) => u.ID)).toEqual(ids.slice(0, 20));
		const log = onefile.sandbox.requests();
		const first = log.find((r) => r.status === 429);
		expect(first).toBeDefined();
		// Requests already on their way when the 429 was answered arrive within moments of it; the
		// next one must wait the 2 s asked for.
		const next = log.find((r) => r.at > (first?.at ?? 0) + 200);
		expect(next).toBeDefined();
		expect((next?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(1950);
	}, 30_000);

	test('under a rate limit Auto learns the rate: every item succeeds, with fewer 429s than a fixed 8', async () => {
		const limitedWith = async (parameters: INodeParameters) => {
			onefile.sandbox.reset();
			onefile.sandbox.configure({ faults: { rateLimit: { limit: 10, windowMs: 1000, retryAfterSeconds: 1 } } });
			const result = await counted.engine.run({ parameters, items: ids.map((id) => ({ id })) });
			expect(result.status).toBe('success');
			expect(result.json.map((u) => u.ID)).toEqual(ids);
			return onefile.sandbox.requests().filter((r) => r.status === 429).length;
		};
		const fixed = await limitedWith(getEach(8));
		const learnt = await limitedWith(auto());
		expect(learnt).toBeLessThan(fixed);
	}, 60_000);
});
