/**
 * The harness itself: nodes run through n8n-core's WorkflowExecute with n8n's credential
 * behaviour (session token fetched once, stored, reused; renewed after a 401).
 */
import { SEED } from '../../sandbox/onefile';
import { byId, calls, useOneFile } from './onefile';

const onefile = useOneFile();
const getUser = (id: string) => ({ resource: 'user', operation: 'get', userId: byId(id) });
const learners = SEED.learners.slice(0, 5);

test('N items make 1 authentication; the token is stored and reused for every item', async () => {
	const result = await onefile.engine.run({
		parameters: { resource: 'user', operation: 'get', userId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
		items: learners.map((l) => ({ id: l.id })),
	});
	expect(result.status).toBe('success');
	expect(result.json.map((u) => u.ID)).toEqual(learners.map((l) => l.id));
	expect(calls(onefile.sandbox)).toEqual(['POST /Authentication 200', ...learners.map((l) => `GET /User/${l.id} 200`)]);
	const sessions = new Set(onefile.sandbox.requests().slice(1).map((r) => r.sessionNo));
	expect([...sessions]).toEqual([1]);
	expect(onefile.engine.stored().sessionToken).toBe(onefile.sandbox.issuedSessionTokens().at(-1));
});

test('a run reads the credential from n8n once, not once per request', async () => {
	const ids = SEED.generatedLearners;
	const items = Array.from({ length: 30 }, (_, i) => ({ id: ids.firstId + i }));
	const result = await onefile.engine.run({
		parameters: { resource: 'user', operation: 'get', userId: { __rl: true, mode: 'id', value: '={{ $json.id }}' }, options: { concurrency: 4 } },
		items,
	});
	expect(result.json.map((u) => u.ID)).toEqual(items.map((i) => i.id));
	expect(onefile.sandbox.counters().authCalls).toBe(1);
	expect(onefile.engine.credentials.reads).toBe(1);
});

test('a second run reuses the stored token: no authentication at all', async () => {
	await onefile.engine.run({ parameters: getUser(String(learners[0].id)) });
	await onefile.engine.run({ parameters: getUser(String(learners[1].id)) });
	expect(onefile.sandbox.counters().authCalls).toBe(1);
	expect(calls(onefile.sandbox).slice(-1)).toEqual([`GET /User/${learners[1].id} 200`]);
});

test('401 → the session is renewed once (and stored) → the item succeeds', async () => {
	await onefile.engine.run({ parameters: getUser(String(learners[0].id)) });
	onefile.sandbox.expireAllSessions();
	const result = await onefile.engine.run({ parameters: getUser(String(learners[1].id)) });
	expect(result.status).toBe('success');
	expect(calls(onefile.sandbox).slice(1)).toEqual([`GET /User/${learners[0].id} 200`, `GET /User/${learners[1].id} 401`, 'POST /Authentication 200', `GET /User/${learners[1].id} 200`]);
	expect(onefile.engine.credentials.preAuthentications).toHaveLength(2);
	expect(onefile.engine.credentials.updates).toHaveLength(2);
	expect(onefile.engine.stored().sessionToken).toBe(onefile.sandbox.issuedSessionTokens().at(-1));
});

test('a failing request surfaces as an n8n error on the run, naming the item', async () => {
	const result = await onefile.engine.run({ parameters: getUser('999999') });
	expect(result.status).toBe('error');
	// n8n keeps the run's error as a plain copy of the NodeApiError, as it stores it in its database
	expect(result.error).toEqual(expect.objectContaining({
		name: 'NodeApiError',
		message: expect.stringMatching(/^OneFile could not find that record \((code -?\d+, )?HTTP 404\) while trying to get user 999999$/),
		description: expect.stringMatching(/Check the ID: it may belong to another organisation or have been deleted\.$/),
		httpCode: '404',
		context: { itemIndex: 0 },
	}));
});

test('the harness catches a secret in the output: a token echoed into a field fails the run check', async () => {
	const create = {
		resource: 'user', operation: 'create', role: 'assessor',
		organisationId: byId(SEED.organisations.keychainOff.id), firstName: '={{ $json.name }}', lastName: 'Leak', email: 'leak@example.com',
	};
	await expect(onefile.engine.run({ parameters: create, items: [{ name: onefile.sandbox.customerToken }] })).rejects.toThrow(/A secret of the credential appeared/);
});
