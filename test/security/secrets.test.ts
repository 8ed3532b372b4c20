/**
 * Hardening 6: error text from OneFile or bksb that echoes a token or key is masked; a bksb key
 * with a colon (which breaks Basic auth) is refused by the credential with the fix; spaces around
 * keys are trimmed. The engine harness scans every run's output, error and log for the
 * credential's secrets, so a leak fails the run on its own.
 */
import { BKSB_KEY_ID, BKSB_SECRET, byId, errorText, useHosts } from './fixture';
import { CUSTOMER_TOKEN, json, oneFileRoutes, SESSION_TOKEN } from './hosts';

const hosts = useHosts();

test('a OneFile 400 that repeats the session token has it masked', async () => {
	hosts.api.routes = oneFileRoutes('/api', {
		'GET /api/User/5': (req, res) => json(res, 400, { code: -1, message: `Bad request with X-TokenID ${String(req.headers['x-tokenid'])} and ${CUSTOMER_TOKEN}` }),
	});
	const result = await hosts.runOneFile({ resource: 'user', operation: 'get', userId: byId(5) }, [{}], { continueOnFail: true });
	const text = errorText(result);
	expect(text).toContain('Bad request with X-TokenID');
	expect(text).not.toContain(SESSION_TOKEN);
	expect(text).not.toContain(CUSTOMER_TOKEN);
});

test('a bksb 400 that repeats the key pair has it masked', async () => {
	hosts.api.routes = { 'GET /api/users/user/31001': (_req, res) => json(res, 400, { Description: `Key ${BKSB_KEY_ID} with secret ${BKSB_SECRET} is not allowed here` }) };
	const result = await hosts.runBksb({ resource: 'user', operation: 'get', userId: '31001' }, [{}], { continueOnFail: true });
	const text = errorText(result);
	expect(text).toContain('is not allowed here');
	expect(text).not.toContain(BKSB_KEY_ID);
	expect(text).not.toContain(BKSB_SECRET);
});

test('a bksb key with a colon is refused with the fix, before any request', async () => {
	hosts.api.routes = { 'GET /api/users/user/31001': (_req, res) => json(res, 200, { UserId: 31001 }) };
	const result = await hosts.runBksb({ resource: 'user', operation: 'get', userId: '31001' }, [{}], { credential: { accessKeyId: 'key:with-colon-1234' } });
	expect(result.status).toBe('error');
	expect(errorText(result)).toMatch(/colon|":"/);
	expect(hosts.api.seen).toEqual([]);
});

test('spaces around the bksb keys are trimmed', async () => {
	hosts.api.routes = { 'GET /api/users/user/31001': (_req, res) => json(res, 200, { UserId: 31001 }) };
	const result = await hosts.runBksb({ resource: 'user', operation: 'get', userId: '31001' }, [{}], { credential: { accessKeyId: `  ${BKSB_KEY_ID} `, secretKey: `${BKSB_SECRET}\n` } });
	expect(result.status).toBe('success');
	const expected = `Basic ${Buffer.from(`${BKSB_KEY_ID}:${BKSB_SECRET}`).toString('base64')}`;
	expect(hosts.api.seen[0].headers.authorization).toBe(expected);
});
