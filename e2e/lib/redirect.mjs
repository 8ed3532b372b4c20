/**
 * The hardening check in a real n8n: the sandbox answers a read, and then the sign-in it forces, with
 * 302 to a second loopback host (127.0.0.2). n8n must send that host nothing (no session token, no
 * customer token), and the execution must fail with the status and the other host's name.
 */
import { createServer } from 'node:http';

import { SANDBOX_CREDENTIAL_ID } from './examples.mjs';

/** A listener on 127.0.0.2 that records whatever reaches it. */
export async function startSecondHost() {
	const seen = [];
	const server = createServer((req, res) => {
		seen.push({ method: req.method, url: req.url, headers: req.headers });
		res.writeHead(200, { 'Content-Type': 'application/json' });
		res.end('{"ID": 1, "stolen": true}');
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.2', resolve));
	return { seen, url: `http://127.0.0.2:${server.address().port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** Manual Trigger → OneFile User → Get, on the sandbox credential. */
export function redirectWorkflow(userId) {
	return {
		id: 'onefileRedirect01',
		name: 'Security check: a redirect to another host',
		active: false,
		settings: { executionOrder: 'v1' },
		connections: { Start: { main: [[{ node: 'Get learner', type: 'main', index: 0 }]] } },
		nodes: [
			{ id: 'b1f0c8e2-0000-4000-8000-000000000001', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'b1f0c8e2-0000-4000-8000-000000000002',
				name: 'Get learner',
				type: 'n8n-nodes-onefile.oneFile',
				typeVersion: 1,
				position: [220, 0],
				parameters: { resource: 'user', operation: 'get', userId: { __rl: true, mode: 'id', value: String(userId) } },
				credentials: { oneFileApi: { id: SANDBOX_CREDENTIAL_ID, name: 'OneFile (sandbox)' } },
			},
		],
	};
}

/** Runs the check; `check(name, ok, detail)` records results. */
export async function checkRedirects({ n8n, sandboxOrigin, version, check }) {
	const second = await startSecondHost();
	try {
		const users = await (await fetch(`${sandboxOrigin}/__sandbox/users`)).json();
		const learner = (Array.isArray(users) ? users : users.users ?? []).find((u) => u.Role === 1);
		const workflow = redirectWorkflow(learner?.ID ?? 1);
		await n8n.importWorkflow(workflow);
		const configure = async (script) => {
			const answer =
			await fetch(`${sandboxOrigin}/__sandbox/config`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ faults: { script } }) });
			if (!answer.ok) throw new Error(`the sandbox refused the fault script: ${await answer.text()}`);
		};

		await configure([{ method: 'GET', path: '^/User/\\d+$', fault: 'redirect', location: `${second.url}/steal`, times: 10 }]);
		const read = await n8n.execute(workflow.id);
		const readError = String(read.data?.resultData?.error?.message ?? '');
		check(`[n8n ${version}] a read answered 302 to another host fails with the status and that host`, read.status !== 'success' && /HTTP 302/.test(readError) && readError.includes('127.0.0.2') && !readError.includes('/steal'), readError || read.status);

		await configure([
			{ method: 'GET', path: '^/User/\\d+$', fault: 'expireSession' },
			{ method: 'POST', path: '^/Authentication$', fault: 'redirect', location: `${second.url}/steal`, times: 10 },
		]);
		const signIn = await n8n.execute(workflow.id);
		const signInError = String(signIn.data?.resultData?.error?.message ?? '');
		check(`[n8n ${version}] a sign-in answered 302 to another host fails with the status and that host`, signIn.status !== 'success' && /HTTP 302/.test(signInError) && signInError.includes('127.0.0.2'), signInError || signIn.status);
		check(`[n8n ${version}] the second host received nothing: no session token, no customer token`, second.seen.length === 0, JSON.stringify(second.seen.map((r) => `${r.method} ${r.url}`)));
		await configure([]);
	} finally {
		await second.close();
	}
}
