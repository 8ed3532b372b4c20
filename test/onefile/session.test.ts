/**
 * The session token through n8n's engine: one sign-in for many items, renewal when OneFile
 * expires the session mid-run (it may say so with 401 or 403: both modes of the sandbox), and
 * no secret in anything the node produces.
 */
import { Expression, Workflow, type INodeParameters } from 'n8n-workflow';

import { OneFileApi } from '../../credentials/OneFileApi.credentials';
import { ONEFILE_ENVIRONMENTS } from '../../nodes/OneFile/transport/environments';
import { SEED } from '../../sandbox/onefile';
import { byId, useOneFile } from '../harness/onefile';

const learners = SEED.generatedLearners;
const ids = Array.from({ length: 100 }, (_, i) => learners.firstId + i);
const getEach: INodeParameters = { resource: 'user', operation: 'get', userId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } };

describe.each([401, 403] as const)('OneFile answers an expired session with %i', (expiredStatus) => {
	const onefile = useOneFile({ auth: { expiredStatus } });

	test('100 items: 1 authentication, every item answered', async () => {
		const result = await onefile.engine.run({ parameters: getEach, items: ids.map((id) => ({ id })) });
		expect(result.status).toBe('success');
		expect(result.json.map((u) => u.ID)).toEqual(ids);
		expect(onefile.sandbox.counters().authCalls).toBe(1);
	});

	test('a session that dies every 30 calls is renewed mid-run: no item lost, one sign-in per expiry', async () => {
		onefile.sandbox.configure({ auth: { expiredStatus, maxUses: 30 } });
		const result = await onefile.engine.run({ parameters: getEach, items: ids.map((id) => ({ id })) });
		expect(result.status).toBe('success');
		expect(result.json.map((u) => u.ID)).toEqual(ids);
		const statuses = onefile.sandbox.requests().filter((r) => r.path.startsWith('/User/')).map((r) => r.status);
		expect(statuses.filter((s) => s === expiredStatus)).toHaveLength(3);
		expect(onefile.sandbox.counters().authCalls).toBe(4);
		expect(onefile.engine.stored().sessionToken).toBe(onefile.sandbox.issuedSessionTokens().at(-1));
	});
});

describe('credentials', () => {
	const onefile = useOneFile();

	test('a wrong customer token fails with the plain message, and nothing is sent but the sign-in', async () => {
		const engine = onefile.newEngine({ customerToken: 'not-the-right-token' });
		const result = await engine.run({ parameters: getEach, items: [{ id: ids[0] }] });
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/^OneFile rejected the customer token for Custom base URL \(HTTP 40[013]\)\. Tokens are issued per server by OneFile Support/);
		expect(onefile.sandbox.requests().map((r) => r.path)).toEqual(['/Authentication']);
	});

	test('an unreachable server is named with its address', async () => {
		const engine = onefile.newEngine({ baseUrl: 'http://127.0.0.1:9/api/v2.1' });
		const result = await engine.run({ parameters: getEach, items: [{ id: ids[0] }], continueOnFail: true });
		expect(result.json[0].error).toBe('Could not reach OneFile at http://127.0.0.1:9/api/v2.1 (connection refused). Check the Base URL and this server\'s network access');
	});

	test('plain http to another host is refused before the customer token is sent', async () => {
		const engine = onefile.newEngine({ baseUrl: 'http://onefile.example.test/api/v2.1' });
		const result = await engine.run({ parameters: getEach, items: [{ id: ids[0] }], continueOnFail: true });
		expect(result.json[0].error).toMatch(/uses plain http to onefile\.example\.test, which would send the customer token unencrypted/);
	});

	test("the credential's Test request resolves each environment's URL with n8n's expression engine", () => {
		const baseURL = new OneFileApi().test.request.baseURL as string;
		const workflow = new Workflow({ nodes: [], connections: {}, active: false, nodeTypes: { getByName: () => undefined, getByNameAndVersion: () => undefined, getKnownTypes: () => ({}) } as never });
		const resolve = (credentials: Record<string, unknown>) =>
			new Expression(workflow).getSimpleParameterValue({ name: 't', type: 't', typeVersion: 1, parameters: {}, id: 't', position: [0, 0] }, baseURL, 'internal', { $credentials: credentials } as never);
		expect(resolve({ environment: 'practice' })).toBe(ONEFILE_ENVIRONMENTS.practice.baseUrl);
		expect(resolve({ environment: 'live' })).toBe(ONEFILE_ENVIRONMENTS.live.baseUrl);
		expect(resolve({ environment: 'custom', baseUrl: ' http://127.0.0.1:8787/api/v2.1 ' })).toBe('http://127.0.0.1:8787/api/v2.1');
	});
});

describe('no secret in anything the node produces', () => {
	const onefile = useOneFile();

	test('outputs, error items and run errors of successes and failures hold neither token', async () => {
		const seen: string[] = [];
		const record = (value: unknown) => seen.push(JSON.stringify(value));
		const good = await onefile.engine.run({ parameters: getEach, items: [{ id: ids[0] }, { id: 1 }], continueOnFail: true });
		record(good.json);
		const failed = await onefile.engine.run({ parameters: { ...getEach, userId: byId(1) } });
		record(failed.error);
		record(failed.run.data.resultData.runData);
		onefile.sandbox.expireAllSessions();
		const wrong = onefile.newEngine({ customerToken: 'wrong-token-value' });
		const refused = await wrong.run({ parameters: getEach, items: [{ id: ids[0] }] });
		record(refused.error);
		record(onefile.sandbox.requests());
		const secrets = [onefile.sandbox.customerToken, 'wrong-token-value', ...onefile.sandbox.issuedSessionTokens()];
		expect(secrets.length).toBeGreaterThanOrEqual(3);
		const leaks = secrets.filter((secret) => seen.some((text) => text.includes(secret)));
		expect(leaks).toEqual([]);
		expect(good.json[1].error).toMatch(/could not find/);
	});
});
