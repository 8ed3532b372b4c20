/**
 * Hardening 1: no request of either node follows a redirect. The API host answers 30x pointing at
 * a second host (127.0.0.2), which must receive nothing: not the customer token, not the session
 * token, not the bksb key pair. The error names the status and the other host, not its path.
 */
import { byId, errorText, useHosts } from './fixture';
import { json, oneFileRoutes, redirect } from './hosts';

const hosts = useHosts();
const getUser = { resource: 'user', operation: 'get', userId: byId(5) };

function expectRedirectRefused(text: string, status: number): void {
	expect(text).toContain(`HTTP ${status}`);
	expect(text).toContain('127.0.0.2');
	expect(text).not.toContain('/steal');
}

test.each([301, 302, 307, 308] as const)('sign-in answered %i to another host: refused, the customer token stays', async (status) => {
	hosts.api.routes = oneFileRoutes('/api', { 'POST /api/Authentication': (_req, res) => redirect(res, status, hosts.other.url('/steal')) });
	const result = await hosts.runOneFile(getUser);
	expect(result.status).toBe('error');
	expectRedirectRefused(errorText(result), status);
	expect(hosts.other.seen).toEqual([]);
});

test('a read answered 307 to another host: refused, the session token stays', async () => {
	hosts.api.routes = oneFileRoutes('/api', { 'GET /api/User/5': (_req, res) => redirect(res, 307, hosts.other.url('/steal')) });
	const result = await hosts.runOneFile(getUser);
	expect(result.status).toBe('error');
	expectRedirectRefused(errorText(result), 307);
	expect(hosts.other.seen).toEqual([]);
});

test('a create answered 302: an error, never "created"', async () => {
	hosts.api.routes = oneFileRoutes('/api', { 'POST /api/User': (_req, res) => redirect(res, 302, hosts.other.url('/steal')) });
	hosts.other.routes = { 'GET /steal': (_req, res) => json(res, 200, { ID: 99, Username: 'nobody' }) };
	const parameters = { resource: 'user', operation: 'create', role: 'assessor', organisationId: byId(10), firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' };
	const result = await hosts.runOneFile(parameters, [{}], { continueOnFail: true });
	expect(result.json).toHaveLength(1);
	expect(result.json[0].created).toBeUndefined();
	expectRedirectRefused(errorText(result), 302);
	expect(hosts.other.seen).toEqual([]);
	// Not retried either: one create was sent.
	expect(hosts.api.seen.filter((r) => r.method === 'POST' && r.path === '/api/User')).toHaveLength(1);
});

test('a dropdown search answered 302: refused, nothing sent to the other host', async () => {
	hosts.api.routes = oneFileRoutes('/api', { 'GET /api/Customer': (_req, res) => redirect(res, 302, hosts.other.url('/steal')) });
	await expect(hosts.oneFile().listSearch('searchOrganisations', { resource: 'user', operation: 'create', role: 'assessor' })).rejects.toThrow(/HTTP 302.*127\.0\.0\.2|127\.0\.0\.2.*HTTP 302/s);
	expect(hosts.other.seen).toEqual([]);
});

test('bksb: a read answered 301 to another host keeps the key pair', async () => {
	hosts.api.routes = { 'GET /api/users/user/31001': (_req, res) => redirect(res, 301, hosts.other.url('/steal')) };
	const result = await hosts.runBksb({ resource: 'user', operation: 'get', userId: '31001' });
	expect(result.status).toBe('error');
	expectRedirectRefused(errorText(result), 301);
	expect(hosts.other.seen).toEqual([]);
});
