#!/usr/bin/env node
/**
 * Queue mode: the package on n8n 2.8.4 with PostgreSQL, Redis, a main instance and two workers,
 * each process with its own copy of the package, against the OneFile sandbox (20 ms latency).
 * The spreadsheet example, with a webhook in place of the CSV file, runs batches of rows as
 * several executions at once:
 *   1. one process (regular mode, same database): the baseline for throughput;
 *   2. main + 2 workers: every row once, both workers busy, the session shared through n8n's
 *      credential store;
 *   3. the same with the sandbox ending every session after 97 calls: no row lost or doubled.
 * PostgreSQL and Redis come from Debian's packages (installed when missing). Ends with
 * `N passed, N failed`; exits 1 on any failure.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { exampleWorkflow, sandboxCredential } from './lib/examples.mjs';
import { createInstance, packPackage, startSandbox, stopProcess } from './lib/n8n.mjs';
import { ensureRuntime, run, step } from './lib/runtime.mjs';
import { ensureServices, startPostgres, startRedis } from './lib/services.mjs';
import { freePort } from './lib/system.mjs';
import { checks } from './lib/checks.mjs';

const VERSION = '2.8.4';
const BATCHES = Number(process.env.QUEUE_BATCHES ?? 8);
const ROWS_PER_BATCH = Number(process.env.QUEUE_ROWS ?? 50);
const MAX_USES = 97;
const WORKFLOW_ID = 'oneFileQueue0001';
const WEBHOOK_PATH = 'onefile-new-starters';
const LATENCY_WORKFLOW_ID = 'oneFileQueue0011';
const LATENCY_WEBHOOK_PATH = 'onefile-new-starters-auto';
const SLOW_ONEFILE_MS = 100;

const { check, finish } = checks();

/**
 * The spreadsheet example (examples/new-starters-csv.json) with its manual trigger and CSV reader
 * replaced by a webhook that receives the rows, so executions can be started on the main and run
 * on the workers. The OneFile nodes and the per-row result are the example's own.
 */
function queueWorkflow(id = WORKFLOW_ID, path = WEBHOOK_PATH, typeVersion = 1) {
	const example = exampleWorkflow('new-starters-csv.json', '/unused');
	const keep = ['Create or Update Learner', 'Assign Employer', 'Result per row'];
	const nodes = example.nodes.filter((node) => keep.includes(node.name));
	const first = example.nodes.find((node) => node.name === 'Rows');
	nodes.push(
		{ id: 'q-webhook', name: 'New starters', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: `5b0d2f0e-7f0a-4a53-9d1e-0c1e5f3a9a0${typeVersion === 1 ? 1 : 2}`, parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', responseData: 'allEntries', options: {} } },
		// Named "Rows" like the example's CSV reader, so the example's expressions ($('Rows')) still hold.
		{ id: 'q-rows', name: 'Rows', type: 'n8n-nodes-base.splitOut', typeVersion: 1, position: first.position, parameters: { fieldToSplitOut: 'body.rows', options: {} } },
	);
	const connections = {
		'New starters': { main: [[{ node: 'Rows', type: 'main', index: 0 }]] },
		Rows: { main: [[{ node: 'Create or Update Learner', type: 'main', index: 0 }]] },
		'Create or Update Learner': example.connections['Create or Update Learner'],
		'Assign Employer': example.connections['Assign Employer'],
	};
	// Version 1.1 nodes run on Requests in Parallel: Auto, the default of nodes made today.
	for (const node of nodes) if (node.type === 'n8n-nodes-onefile.oneFile') node.typeVersion = typeVersion;
	return { id, name: `OneFile: new starters (queue mode, version ${typeVersion})`, active: false, settings: { executionOrder: 'v1' }, nodes, connections };
}

function rowsFor(phase, batch) {
	return Array.from({ length: ROWS_PER_BATCH }, (_, i) => {
		const key = `${phase}-${batch}-${i}`;
		return { mis_id: `Q-${key}`, first_name: 'Queue', last_name: `Row ${key}`, email: `queue.${key}@example.com`, date_of_birth: '01/02/2006', start_date: '01/09/2026', employer_id: 137930 };
	});
}

async function sandboxJson(origin, path, init) {
	return await (await fetch(`${origin}/__sandbox/${path}`, init)).json();
}

/** Fires every batch at once; resolves to the answers and the wall time. */
async function runBatches(url, phase) {
	const started = Date.now();
	const answers = await Promise.all(
		Array.from({ length: BATCHES }, async (_, batch) => {
			const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ rows: rowsFor(phase, batch) }), signal: AbortSignal.timeout(600_000) });
			const text = await response.text();
			let rows;
			try {
				rows = JSON.parse(text);
			} catch {
				rows = undefined;
			}
			return { status: response.status, rows: Array.isArray(rows) ? rows : [], text: text.slice(0, 300) };
		}),
	);
	return { answers, seconds: (Date.now() - started) / 1000 };
}

/** What the sandbox and the answers say about one phase's rows. */
async function rowChecks(label, origin, phase, answers, before) {
	const rows = BATCHES * ROWS_PER_BATCH;
	const after = await sandboxJson(origin, 'counters');
	const users = await sandboxJson(origin, 'users');
	const list = Array.isArray(users) ? users : (users.users ?? []);
	const emails = list.map((u) => String(u.Email ?? u.email ?? '')).filter((e) => e.startsWith(`queue.${phase}-`));
	const distinct = new Set(emails);
	const expected = Array.from({ length: BATCHES }, (_, b) => rowsFor(phase, b).map((r) => r.email)).flat();
	const missing = expected.filter((email) => !distinct.has(email));
	const doubled = emails.length - distinct.size;
	const answered = answers.flatMap((a) => a.rows);
	const bad = answers.filter((a) => a.status !== 200);
	check(`[${label}] all ${BATCHES} executions answered`, bad.length === 0, bad.map((a) => `${a.status} ${a.text}`).join(' | '));
	check(`[${label}] every row answered once, created, employer assigned (${answered.length} of ${rows})`, answered.length === rows && answered.every((r) => r.action === 'created' && r.employer_assigned === 'yes' && r.error === ''), JSON.stringify(answered.find((r) => r.action !== 'created' || r.error !== '') ?? answered.length));
	check(`[${label}] in OneFile: ${distinct.size} of ${rows} learners, 0 missing, 0 doubled`, missing.length === 0 && doubled === 0 && after.creates - before.creates === rows, `missing ${missing.length}, doubled ${doubled}, creates ${after.creates - before.creates}`);
	check(`[${label}] the sandbox saw no duplicate and no request its contract refuses`, after.duplicates.byEmail === before.duplicates.byEmail && after.duplicates.byMisid === before.duplicates.byMisid && after.contractViolations === before.contractViolations, JSON.stringify({ duplicates: after.duplicates, violations: after.contractViolations }));
	return after;
}

/** Execution IDs a worker's log says it started. */
function executionsIn(logFile) {
	const text = readFileSync(logFile, 'utf8');
	return [...text.matchAll(/Worker started execution (\d+)/g)].map((m) => m[1]);
}

step('building the package and the sandbox');
await run('npm', ['run', 'build'], { quiet: true });
await run('npx', ['tsc', '-p', 'tsconfig.tools.json'], { quiet: true });
await ensureServices(step);
const runtime = await ensureRuntime(VERSION);

const work = mkdtempSync(join(tmpdir(), 'onefile-queue-'));
// PostgreSQL runs as the postgres user and must reach its folder inside this one.
chmodSync(work, 0o711);
const children = [];
const stops = [];
const figures = {};
try {
	step('starting PostgreSQL, Redis and the OneFile sandbox (20 ms latency)');
	const postgres = await startPostgres(join(work, 'pg'));
	stops.push(postgres.stop);
	const redis = await startRedis();
	stops.push(redis.stop);
	const sandbox = await startSandbox(work, ['--latency', '20']);
	children.push(sandbox.child);
	const shared = {
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: 'postgres',
		DB_POSTGRESDB_USER: 'postgres',
		DB_POSTGRESDB_PASSWORD: '',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		QUEUE_HEALTH_CHECK_ACTIVE: 'false',
		N8N_RUNNERS_ENABLED: 'true',
	};

	step('installing the package on the main and on both workers (each its own copy)');
	const tarball = await packPackage(work);
	const mainPort = await freePort();
	const main = createInstance(runtime, { folder: join(work, 'main'), port: mainPort, brokerPort: await freePort() });
	Object.assign(main.env, shared);
	await main.installPackage(tarball);
	const workers = [];
	for (const name of ['worker-1', 'worker-2']) {
		const worker = createInstance(runtime, { folder: join(work, name), port: await freePort(), brokerPort: await freePort() });
		Object.assign(worker.env, shared, { EXECUTIONS_MODE: 'queue' });
		await worker.installPackage(tarball);
		workers.push({ name, instance: worker, log: join(work, `${name}.log`) });
	}
	step('importing the credential and the workflow into PostgreSQL; publishing the webhook');
	await main.importCredentials([sandboxCredential(sandbox.url)]);
	await main.importWorkflow(queueWorkflow());
	await main.cli(['publish:workflow', `--id=${WORKFLOW_ID}`]);
	await main.importWorkflow(queueWorkflow(LATENCY_WORKFLOW_ID, LATENCY_WEBHOOK_PATH, 1.1));
	await main.cli(['publish:workflow', `--id=${LATENCY_WORKFLOW_ID}`]);
	const webhook = `${main.url}/webhook/${WEBHOOK_PATH}`;
	const rows = BATCHES * ROWS_PER_BATCH;

	// 1. One process: n8n in regular mode runs the executions itself.
	step(`phase 1: one n8n process, ${BATCHES} executions of ${ROWS_PER_BATCH} rows at once`);
	main.env.EXECUTIONS_MODE = 'regular';
	let server = await main.start(join(work, 'main-regular.log'));
	let before = await sandboxJson(sandbox.origin, 'counters');
	const single = await runBatches(webhook, 'single');
	let after = await rowChecks('1 process', sandbox.origin, 'single', single.answers, before);
	figures.single = { seconds: single.seconds, rowsPerSecond: rows / single.seconds, signIns: after.authCalls - before.authCalls };
	// No session is stored yet and all executions start together: the node lets one sign in and the others wait for it.
	check(`[1 process] ${BATCHES} executions starting together on a new credential: ${figures.single.signIns} sign-in`, figures.single.signIns === 1, `${figures.single.signIns} sign-ins`);
	await stopProcess(server);

	// 2. Queue mode: the main takes the webhook calls and queues them; the workers run them.
	step(`phase 2: queue mode, main + 2 workers, ${BATCHES} executions of ${ROWS_PER_BATCH} rows at once`);
	main.env.EXECUTIONS_MODE = 'queue';
	server = await main.start(join(work, 'main-queue.log'));
	children.push(server);
	const queueProcesses = [server];
	for (const worker of workers) {
		const child = await worker.instance.startWorker(worker.log);
		children.push(child);
		queueProcesses.push(child);
	}
	before = await sandboxJson(sandbox.origin, 'counters');
	const queued = await runBatches(webhook, 'queue');
	after = await rowChecks('main + 2 workers', sandbox.origin, 'queue', queued.answers, before);
	const ran = workers.map((w) => executionsIn(w.log));
	check(`[main + 2 workers] both workers ran executions (${ran.map((ids, i) => `${workers[i].name}: ${ids.length}`).join(', ')})`, ran.every((ids) => ids.length > 0) && ran[0].length + ran[1].length === BATCHES, JSON.stringify(ran));
	check('[main + 2 workers] no execution ran on both workers', ran[0].every((id) => !ran[1].includes(id)), JSON.stringify(ran));
	const signIns = after.authCalls - before.authCalls;
	figures.queue = { seconds: queued.seconds, rowsPerSecond: rows / queued.seconds, signIns, perWorker: ran.map((ids) => ids.length), apiCalls: after.requests - before.requests - signIns };
	// The token stored by the last run stays valid: the workers read it from the credential store.
	check(`[main + 2 workers] the session came from n8n's credential store: ${signIns} sign-ins for ${rows} rows`, signIns <= 2, `${signIns} sign-ins`);

	// 3. Sessions end after 97 calls while both workers are busy.
	step(`phase 3: queue mode with every session ending after ${MAX_USES} calls`);
	await sandboxJson(sandbox.origin, 'config', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ auth: { maxUses: MAX_USES } }) });
	const seenBefore = workers.map((w) => executionsIn(w.log).length);
	before = await sandboxJson(sandbox.origin, 'counters');
	const expiring = await runBatches(webhook, 'expiry');
	after = await rowChecks('sessions end every 97 calls', sandbox.origin, 'expiry', expiring.answers, before);
	const busy = workers.map((w, i) => executionsIn(w.log).length - seenBefore[i]);
	const apiCalls = after.requests - before.requests - (after.authCalls - before.authCalls);
	const expirySignIns = after.authCalls - before.authCalls;
	const needed = Math.ceil(apiCalls / MAX_USES);
	figures.expiry = { seconds: expiring.seconds, signIns: expirySignIns, apiCalls, minimumSignIns: needed, rejected: after.sessionRejections - before.sessionRejections, perWorker: busy };
	check(`[sessions end every 97 calls] both workers busy (${busy.join(' + ')} executions)`, busy.every((n) => n > 0), JSON.stringify(busy));
	// Within a worker, executions share a renewal; the two workers are separate processes and each
	// renews once when a session ends: about two sign-ins per expiry.
	check(`[sessions end every 97 calls] ${expirySignIns} sign-ins for ${apiCalls} calls: at most one per worker per expiry (${needed} expiries at the least), none failed`, expirySignIns >= needed && expirySignIns <= 2 * needed + 2 && after.authFailures === before.authFailures, JSON.stringify(figures.expiry));

	// 4 and 5. Latency-bound work: OneFile answering in 100 ms, new nodes (Auto), the same executions
	// on main + 2 workers and then on one process.
	await sandboxJson(sandbox.origin, 'config', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ auth: { maxUses: 0 }, faults: { latencyMs: SLOW_ONEFILE_MS } }) });
	const slowWebhook = `${main.url}/webhook/${LATENCY_WEBHOOK_PATH}`;
	step(`phase 4: OneFile at ${SLOW_ONEFILE_MS} ms, Requests in Parallel: Auto, main + 2 workers`);
	before = await sandboxJson(sandbox.origin, 'counters');
	const slowQueued = await runBatches(slowWebhook, 'slowqueue');
	await rowChecks(`${SLOW_ONEFILE_MS} ms, main + 2 workers`, sandbox.origin, 'slowqueue', slowQueued.answers, before);
	step(`phase 5: OneFile at ${SLOW_ONEFILE_MS} ms, Requests in Parallel: Auto, one n8n process`);
	// Main and workers stop; the sandbox, PostgreSQL and Redis stay.
	await Promise.all(queueProcesses.map((child) => stopProcess(child)));
	main.env.EXECUTIONS_MODE = 'regular';
	server = await main.start(join(work, 'main-regular-slow.log'));
	children.push(server);
	before = await sandboxJson(sandbox.origin, 'counters');
	const slowSingle = await runBatches(slowWebhook, 'slowsingle');
	await rowChecks(`${SLOW_ONEFILE_MS} ms, 1 process`, sandbox.origin, 'slowsingle', slowSingle.answers, before);
	figures.latencyBound = { latencyMs: SLOW_ONEFILE_MS, queueSeconds: slowQueued.seconds, singleSeconds: slowSingle.seconds, queueRowsPerSecond: rows / slowQueued.seconds, singleRowsPerSecond: rows / slowSingle.seconds, ratio: slowSingle.seconds / slowQueued.seconds };
	// A figure, not a pass/fail: throughput depends on the machine (CI has 2 cores).
	console.log(`latency-bound (${SLOW_ONEFILE_MS} ms, Auto): 1 process ${figures.latencyBound.singleRowsPerSecond.toFixed(1)} rows/s (${slowSingle.seconds.toFixed(1)} s), main + 2 workers ${figures.latencyBound.queueRowsPerSecond.toFixed(1)} rows/s (${slowQueued.seconds.toFixed(1)} s): ${figures.latencyBound.ratio.toFixed(2)} ×`);

	console.log(`\nfigures: ${JSON.stringify(figures)}`);
	console.log(`throughput: 1 process ${figures.single.rowsPerSecond.toFixed(1)} rows/s (${figures.single.seconds.toFixed(1)} s), main + 2 workers ${figures.queue.rowsPerSecond.toFixed(1)} rows/s (${figures.queue.seconds.toFixed(1)} s), ${rows} rows, ${BATCHES} executions, 2 cores`);
	console.log(`sign-ins: queue phase ${figures.queue.signIns}; expiry phase ${figures.expiry.signIns} for ${figures.expiry.apiCalls} calls (${figures.expiry.minimumSignIns} at the least, ${figures.expiry.rejected} calls refused as expired and repeated)`);
} catch (error) {
	check('the suite ran', false, error.message);
} finally {
	await Promise.all(children.map((child) => stopProcess(child)));
	for (const stop of stops) await stop().catch(() => undefined);
	if (!process.env.KEEP_E2E) rmSync(work, { recursive: true, force: true });
	else console.log(`kept ${work}`);
}
finish();
