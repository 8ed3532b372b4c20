/**
 * Hostile input, round 2, point 3: a run against a service that refuses everything ends, bounded as
 * a whole. Before, each item was refused 13 times with waits up to 60 s, one item after another:
 * 100 rows took hours. Now, past MAX_REFUSALS_IN_A_ROW refusals (or MAX_REFUSING_MS of refusing)
 * the run stops sending and every remaining item fails at once with the same error, in words. The
 * words say exactly what the node did: no "waited and retried" when it did not.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

import { MAX_REFUSALS_IN_A_ROW, MAX_REFUSING_MS, RefusalStreak } from '../../nodes/shared/http/refusals';
import { byId, useHosts } from '../security/fixture';
import { json, oneFileRoutes } from '../security/hosts';

const hosts = useHosts();

const refuse =
	(status: number, headers: Record<string, string> = {}) =>
	(_req: IncomingMessage, res: ServerResponse) => {
		res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
		res.end(JSON.stringify({ Message: 'slow down' }));
	};

const items = (n: number) => Array.from({ length: n }, (_, i) => ({ id: 5 + i }));
const getEach = { resource: 'user', operation: 'get', userId: byId('={{ $json.id }}'), options: { concurrency: 2 } };
const refusedRequests = () => hosts.api.seen.filter((r) => r.path.startsWith('/api/User/')).length;

test('OneFile answers 429 to everything: 60 rows end after at most the bound of refusals, all failed with one error in words', async () => {
	hosts.api.routes = oneFileRoutes('/api', { ...Object.fromEntries(items(60).map(({ id }) => [`GET /api/User/${id}`, refuse(429, { 'Retry-After': '0' })])) });
	const started = Date.now();
	const result = await hosts.runOneFile(getEach, items(60), { continueOnFail: true });
	const seconds = (Date.now() - started) / 1000;
	expect(result.json).toHaveLength(60);
	expect(result.json.every((item) => typeof item.error === 'string')).toBe(true);
	// Before: 13 refusals per row, 780 requests. Now: the streak's bound, plus what was already in flight.
	expect(refusedRequests()).toBeLessThanOrEqual(MAX_REFUSALS_IN_A_ROW + 2);
	const stopped = result.json.filter((item) => /so the node stopped sending: this item was not done$/.test(String(item.error)));
	expect(stopped.length).toBeGreaterThanOrEqual(55);
	expect(new Set(stopped.map((item) => item.error)).size).toBe(1);
	expect(String(stopped[0].error)).toMatch(/^OneFile refused this run's requests 20 times in a row over \d+ s \(too many requests, HTTP 429\)/);
	expect(String(stopped[0].description)).toMatch(/Requests in Parallel/);
	process.stdout.write(`\nrun bound (429 storm): 60 rows in ${seconds.toFixed(1)} s, ${refusedRequests()} requests refused\n`);
}, 60_000);

test('a 5xx storm is bounded the same way, for reads that are retried', async () => {
	hosts.api.routes = oneFileRoutes('/api', { ...Object.fromEntries(items(40).map(({ id }) => [`GET /api/User/${id}`, refuse(503)])) });
	const result = await hosts.runOneFile({ ...getEach, options: { concurrency: 1 } }, items(40), { continueOnFail: true });
	expect(result.json).toHaveLength(40);
	expect(refusedRequests()).toBeLessThanOrEqual(MAX_REFUSALS_IN_A_ROW + 1);
	expect(String(result.json[39].error)).toMatch(/^OneFile refused this run's requests 20 times in a row .*\(server errors or no answer\)/);
	expect(String(result.json[39].description)).toMatch(/seems to be down or failing/);
}, 60_000);

test('bksb: a 429 storm stops the run the same way', async () => {
	hosts.api.routes = { ...Object.fromEntries(items(40).map(({ id }) => [`GET /api/users/user/${id}`, refuse(429, { 'Retry-After': '0' })])) };
	const result = await hosts.runBksb({ resource: 'user', operation: 'get', userId: '={{ $json.id }}' }, items(40), { continueOnFail: true });
	expect(result.json).toHaveLength(40);
	expect(hosts.api.seen.length).toBeLessThanOrEqual(MAX_REFUSALS_IN_A_ROW + 1);
	expect(String(result.json[39].error)).toMatch(/^bksb refused this run's requests 20 times in a row/);
}, 60_000);

test('a refusal followed by answers is not a storm: the streak ends, the run goes on', async () => {
	let calls = 0;
	hosts.api.routes = oneFileRoutes('/api', {
		...Object.fromEntries(
			items(16).map(({ id }) => [
				`GET /api/User/${id}`,
				(req: IncomingMessage, res: ServerResponse) => (++calls % 2 === 1 ? refuse(429, { 'Retry-After': '0' })(req, res) : json(res, 200, { ID: id })),
			]),
		),
	});
	const result = await hosts.runOneFile({ ...getEach, options: { concurrency: 1 } }, items(16), { continueOnFail: true });
	expect(result.json.filter((item) => item.error)).toEqual([]);
	expect(result.json.map((item) => item.ID)).toEqual(items(16).map(({ id }) => id));
}, 60_000);

describe("the words say what the node did", () => {
	test('Retry-After longer than the node waits: it says so, and it did not wait', async () => {
		hosts.api.routes = oneFileRoutes('/api', { 'GET /api/User/5': refuse(429, { 'Retry-After': '120' }) });
		const started = Date.now();
		const result = await hosts.runOneFile(getEach, [{ id: 5 }], { continueOnFail: true });
		expect(Date.now() - started).toBeLessThan(5000);
		expect(result.json[0].error).toBe('OneFile is limiting the request rate (HTTP 429) while trying to get user 5');
		expect(String(result.json[0].description)).toMatch(/OneFile asked the node to wait 120 s before trying again, longer than the node waits \(60 s\), so it stopped\./);
		expect(String(result.json[0].description)).not.toMatch(/waited and retried/);
	});

	test('a refused create is tried once: no claim of retries', async () => {
		hosts.api.routes = oneFileRoutes('/api', { 'POST /api/User': refuse(503) });
		const parameters = { resource: 'user', operation: 'create', role: 'assessor', organisationId: byId(10), firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', options: { lookUpId: false } };
		hosts.api.routes['POST /api/User/Search/1/10'] = (_req, res) => json(res, 200, []);
		const result = await hosts.runOneFile(parameters, [{}], { continueOnFail: true });
		expect(String(result.json[0].description)).not.toMatch(/refused it \d+ times/);
	});

	test('a read refused 4 times says 4, and how long it waited', async () => {
		hosts.api.routes = oneFileRoutes('/api', { 'GET /api/User/5': refuse(503) });
		const result = await hosts.runOneFile(getEach, [{ id: 5 }], { continueOnFail: true });
		expect(String(result.json[0].description)).toMatch(/OneFile refused it 4 times; the node waited 3 s in all between tries\./);
	});
});

describe('RefusalStreak (pure, with a clock)', () => {
	test('a wait that would carry the streak past its time bound stops the run now, not after the wait', () => {
		let now = 0;
		const streak = new RefusalStreak(() => now);
		expect(streak.onRefusal({ httpCode: 429 }, 60_000)).toBe(true);
		now = 60_000;
		expect(streak.onRefusal({ httpCode: 429 }, 60_000)).toBe(true);
		now = 120_000;
		expect(streak.onRefusal({ httpCode: 429 }, 60_000)).toBe(false);
		expect(streak.stopped).toEqual({ refusingMs: 120_000, refusals: 3, rateLimited: true });
		expect(120_000 + 60_000).toBeGreaterThanOrEqual(MAX_REFUSING_MS);
	});

	test('an answer in between starts the count again', () => {
		const streak = new RefusalStreak(() => 0);
		for (let i = 0; i < MAX_REFUSALS_IN_A_ROW - 1; i++) expect(streak.onRefusal({ httpCode: 503 }, 0)).toBe(true);
		streak.onAnswer();
		for (let i = 0; i < MAX_REFUSALS_IN_A_ROW - 1; i++) expect(streak.onRefusal({ httpCode: 503 }, 0)).toBe(true);
		expect(streak.onRefusal({ httpCode: 503 }, 0)).toBe(false);
		expect(streak.stopped?.rateLimited).toBe(false);
	});
});
