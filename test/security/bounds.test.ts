/**
 * Hardening 5: Timeout is a deadline for the whole answer (sign-in included), answers above the
 * size cap are refused, and Return All stops when a server keeps sending full pages or the same
 * page again.
 */
import { byId, errorText, useHosts } from './fixture';
import { drip, eventually, json, oneFileRoutes } from './hosts';

const hosts = useHosts();
const getUser = { resource: 'user', operation: 'get', userId: byId(5), options: { timeout: 2 } };
/** 40 bytes at one every 250 ms: 10 s in all, each byte well inside any idle timeout. */
const SLOW_BODY = JSON.stringify({ ID: 5, FirstName: 'Dripping', Pad: 'xxxxx' });

test('an answer that drips one byte at a time is cut at the Timeout (a read is tried again, each time cut)', async () => {
	hosts.api.routes = oneFileRoutes('/api', { 'GET /api/User/5': (_req, res) => drip(res, SLOW_BODY, 250) });
	const result = await hosts.runOneFile(getUser, [{}], { continueOnFail: true });
	expect(result.json[0].FirstName).toBeUndefined();
	expect(errorText(result)).toMatch(/did not answer within 2 s/);
	const reads = hosts.api.seen.filter((r) => r.path === '/api/User/5').length;
	expect(reads).toBe(4);
	await eventually(() => hosts.api.abandoned.length === reads);
	expect(hosts.api.abandoned).toEqual(Array(reads).fill('GET /api/User/5'));
});

test('a sign-in that drips is cut at the Timeout too', async () => {
	hosts.api.routes = oneFileRoutes('/api', { 'POST /api/Authentication': (_req, res) => drip(res, 'session-token-that-never-ends-0123456789', 250) });
	const result = await hosts.runOneFile(getUser, [{}], { continueOnFail: true });
	expect(result.json[0].FirstName).toBeUndefined();
	expect(errorText(result)).toMatch(/did not answer within 2 s/);
	const signIns = hosts.api.seen.filter((r) => r.path === '/api/Authentication').length;
	await eventually(() => hosts.api.abandoned.length === signIns);
	expect(hosts.api.abandoned).toEqual(Array(signIns).fill('POST /api/Authentication'));
	expect(hosts.api.seen.map((r) => r.path)).toEqual(Array(signIns).fill('/api/Authentication'));
});

test('an answer above the size cap is refused', async () => {
	const big = JSON.stringify({ ID: 5, Notes: 'x'.repeat(21 * 1024 * 1024) });
	hosts.api.routes = oneFileRoutes('/api', { 'GET /api/User/5': (_req, res) => json(res, 200, JSON.parse(big)) });
	const result = await hosts.runOneFile(getUser, [{}], { continueOnFail: true });
	expect(result.json[0].ID).toBeUndefined();
	expect(errorText(result)).toMatch(/20 MB/);
});

test('Return All stops with a clear error when every page is full, forever', async () => {
	let next = 1;
	hosts.api.routes = oneFileRoutes('/api');
	const page = (size: number) => Array.from({ length: size }, () => ({ ID: next++, FirstName: 'Endless' }));
	for (let p = 1; p <= 2100; p++) hosts.api.routes[`POST /api/User/Search/${p}/50`] = (_req, res) => json(res, 200, page(50));
	const parameters = { resource: 'user', operation: 'getAll', organisationId: byId(10), returnAll: true };
	const result = await hosts.runOneFile(parameters, [{}], { continueOnFail: true });
	expect(result.json).toHaveLength(1);
	expect(errorText(result)).toMatch(/100,000/);
}, 120_000);

test('Return All stops when OneFile sends the same page again', async () => {
	const rows = Array.from({ length: 50 }, (_, i) => ({ ID: i + 1, FirstName: 'Same' }));
	hosts.api.routes = oneFileRoutes('/api');
	for (let p = 1; p <= 5; p++) hosts.api.routes[`POST /api/User/Search/${p}/50`] = (_req, res) => json(res, 200, rows);
	// Page 2 differs in its first row only: the whole page must be compared, not its first ID.
	hosts.api.routes['POST /api/User/Search/2/50'] = (_req, res) => json(res, 200, [{ ID: 1000, FirstName: 'Other' }, ...rows.slice(1)]);
	const parameters = { resource: 'user', operation: 'getAll', organisationId: byId(10), returnAll: true };
	const result = await hosts.runOneFile(parameters, [{}], { continueOnFail: true });
	expect(result.json).toHaveLength(1);
	expect(errorText(result)).toMatch(/same/i);
	expect(hosts.api.seen.filter((r) => r.path.includes('Search')).length).toBeLessThanOrEqual(3);
});
