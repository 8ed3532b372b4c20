#!/usr/bin/env node
/**
 * `npm run bench`: "create learner" for N items in a real n8n 2.8.4, through the OneFile node and
 * through n8n's own HTTP Request node with hand-built sign-in (what users build today), against
 * the OneFile sandbox (a separate process) with a fixed latency; and the same requests from a bare
 * Node.js client (the floor). All in one session, one after another, so the noise of a shared
 * machine falls on every side.
 *   node bench/run.mjs [--full]     N = 1000 and 5000 at 20 ms, 1000 and 5000 at 50 ms (K = 8 and Auto),
 *                                   Auto against a rate limit and a saturating server; --full adds 10000
 *   node bench/run.mjs --auto-only  only the servers that push back (prints, writes no results)
 *   node bench/run.mjs --sync-only  only the sync rows (Create or Update by MIS ID, 1,000 rows): writes
 *                                   them into bench/results/latest.json beside the others
 * Prints a table and the targets; writes bench/results/latest.json and latest.svg.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { sandboxCredential, SANDBOX_CREDENTIAL_ID } from '../e2e/lib/examples.mjs';
import { createInstance, packPackage, startSandbox, stopProcess } from '../e2e/lib/n8n.mjs';
import { ensureRuntime, ROOT, run, step } from '../e2e/lib/runtime.mjs';
import { floorRun } from './floor.mjs';
import { syncTargets, targets } from './targets.mjs';
import { httpRequestWorkflow, oneFileWorkflow, trivialWorkflow, upsertWorkflow } from './workflows.mjs';

const full = process.argv.includes('--full');
const autoOnly = process.argv.includes('--auto-only');
const syncOnly = process.argv.includes('--sync-only');
const sizes = [1000, 5000, ...(full ? [10000] : [])];
// Each scenario: N rows at a latency, by the HTTP Request node (all rows at once), the OneFile
// node at each K, and the floor client at each K (its cost per row does not depend on N, so
// 1,000 rows are enough). The first OneFile run signs in; every later one uses the stored session.
const SCENARIOS = [
	...sizes.map((n) => ({ n, latencyMs: 20, oneFileK: n === 1000 ? [1, 4, 8] : [1, 8], floorK: n === 1000 ? [1, 4, 8] : [] })),
	{ n: 1000, latencyMs: 50, oneFileK: [1, 4, 8, 'auto'], floorK: [1, 4, 8] },
	{ n: 5000, latencyMs: 50, oneFileK: [8, 'auto'], floorK: [], noHttpRequest: true },
];

/**
 * Auto against servers that push back (sandbox modes): a rate limit (20 requests a second, 429 +
 * Retry-After beyond it) and a saturating server (answers slow down once more than 4 are in
 * flight), beside fixed K. OneFile node only.
 */
const AUTO_SCENARIOS = [
	{ name: 'rate limit 20/s', n: 600, latencyMs: 20, faults: { rateLimit: { limit: 20, windowMs: 1000, retryAfterSeconds: 1 } }, ks: [1, 8, 'auto'] },
	{ name: 'saturating at 4', n: 1000, latencyMs: 50, faults: { saturateAt: 4 }, ks: [2, 4, 8, 'auto'] },
];

/** Runs `n8n execute` and samples the process's resident memory every 50 ms. */
async function measuredExecute(n8n, workflowId) {
	const proc = spawn(n8n.runtimeBin, ['execute', `--id=${workflowId}`, '--rawOutput'], { env: n8n.env, cwd: n8n.folder, stdio: ['ignore', 'pipe', 'pipe'] });
	running = proc;
	let out = '';
	proc.stdout.on('data', (c) => (out += c));
	proc.stderr.on('data', () => {});
	let peakKb = 0;
	const timer = setInterval(() => {
		try {
			const status = readFileSync(`/proc/${proc.pid}/status`, 'utf8');
			const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
			peakKb = Math.max(peakKb, hwm);
		} catch {
			// exited
		}
	}, 50);
	await new Promise((resolve) => proc.on('close', resolve));
	clearInterval(timer);
	// n8n prints the whole run as JSON and exits; with thousands of items the pipe may lose the end
	// of it. Each node's executionTime comes before its data, so read the figures by pattern.
	return { out, peakMb: peakKb / 1024 };
}

async function sandboxCall(origin, path, body) {
	const answer = await fetch(`${origin}/__sandbox/${path}`, body ? { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) } : undefined);
	const text = await answer.text();
	if (!answer.ok) throw new Error(`sandbox ${path}: HTTP ${answer.status} ${text}`);
	return text ? JSON.parse(text) : undefined;
}

function nodeTime(out, name) {
	const at = out.indexOf(`"${name}": [`);
	const match = at < 0 ? null : /"executionTime":\s*(\d+)/.exec(out.slice(at, at + 4000));
	return match ? Number(match[1]) : NaN;
}

/** The span of the sandbox's request log, first arrival to last answer: for when n8n's printed run was cut short. */
async function sandboxSpanMs(origin, latencyMs) {
	const log = await sandboxCall(origin, 'requests');
	const arrivals = (Array.isArray(log) ? log : log.requests ?? []).map((r) => r.at);
	return arrivals.length ? Math.max(...arrivals) - Math.min(...arrivals) + latencyMs : NaN;
}

async function prepare(sandbox, latencyMs, faults = {}) {
	await sandboxCall(sandbox.origin, 'reset', {});
	await sandboxCall(sandbox.origin, 'config', { faults: { latencyMs, rateLimit: null, saturateAt: null, ...faults } });
}

function row(side, scenario, k, ms, counters, extra) {
	// The latency limit: one sign-in plus N requests, K at a time. The HTTP Request node (v4) sends
	// every item at once (its Batching option paces sending, it does not bound what is in flight),
	// so its limit is one sign-in plus one round trip.
	// Auto is held to the limit of its cap (8).
	const inFlight = k === 'all' ? scenario.n : k === 'auto' ? 8 : k;
	const limitMs = scenario.latencyMs * (1 + scenario.n / inFlight);
	return {
		side, n: scenario.n, latencyMs: scenario.latencyMs, k,
		nodeMs: Math.round(ms), limitMs: Math.round(limitMs), ofLimit: Number((ms / limitMs).toFixed(3)),
		overheadPerItemMs: Number(((ms - limitMs) / scenario.n).toFixed(2)),
		requests: counters.requests, authCalls: counters.authCalls, creates: counters.creates,
		...extra,
		ok: Number.isFinite(ms) && counters.creates === scenario.n,
	};
}

step('building the package and the sandbox');
await run('npm', ['run', 'build'], { quiet: true });
await run('npx', ['tsc', '-p', 'tsconfig.tools.json'], { quiet: true });
const runtime = await ensureRuntime('2.8.4');
const work = mkdtempSync(join(tmpdir(), 'onefile-bench-'));
const sandbox = await startSandbox(work);
const n8n = { ...createInstance(runtime, { folder: work, port: 5720, brokerPort: 5721 }), runtimeBin: runtime.n8n };
const results = [];
const autoResults = [];
const syncResults = [];
/** Sync (issue: compare before writing): a 1,000-row sheet by MIS ID, run again as today (1.1) and as 1.2, side by side. */
const SYNC_N = 1000;
const SYNC_LATENCY_MS = 20;
let running;
// Stopped early (Ctrl-C): take the sandbox and any running n8n with us.
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, () => {
		running?.kill('SIGKILL');
		void stopProcess(sandbox.child, 2000).then(() => process.exit(130));
	});
}
let idle;
try {
	await n8n.installPackage(await packPackage(work));
	await n8n.importCredentials([sandboxCredential(sandbox.url)]);
	const { DEMO_CUSTOMER_TOKEN } = (await import(join(ROOT, 'build/sandbox/onefile/index.js'))).default;
	await n8n.importWorkflow(trivialWorkflow());
	// n8n's own start-up sets most of a run's peak and varies by 10-20 MB from run to run: take the
	// median of three idle runs, and keep their spread to judge memory figures by.
	const idles = [];
	for (let i = 0; i < 3; i++) idles.push((await measuredExecute(n8n, trivialWorkflow().id)).peakMb);
	idles.sort((a, b) => a - b);
	idle = { peakMb: idles[1], spreadMb: idles[2] - idles[0] };
	step(`idle n8n execute (a 1-item workflow), three runs: peak ${idles.map((m) => m.toFixed(0)).join(', ')} MB; median ${idle.peakMb.toFixed(0)} MB`);

	if (!autoOnly) {
		await prepare(sandbox, SYNC_LATENCY_MS);
		const phases = [
			{ name: 'first run: creates', version: 1.2 },
			{ name: 'rerun, unchanged (1.1, today)', version: 1.1 },
			{ name: 'rerun, unchanged (1.2)', version: 1.2 },
			{ name: '100 rows changed (1.2)', version: 1.2, changed: 100 },
			{ name: 'Preview (1.2)', version: 1.2, changed: 200, preview: true },
		];
		for (const phase of phases) {
			const workflow = upsertWorkflow(SYNC_N, { ...phase, credentialId: SANDBOX_CREDENTIAL_ID });
			await n8n.importWorkflow(workflow);
			const before = await sandboxCall(sandbox.origin, 'counters');
			const logBefore = await sandboxCall(sandbox.origin, 'requests');
			const lastSeq = Math.max(0, ...(Array.isArray(logBefore) ? logBefore : logBefore.requests ?? []).map((e) => e.seq));
			const { out } = await measuredExecute(n8n, workflow.id);
			const after = await sandboxCall(sandbox.origin, 'counters');
			const log = await sandboxCall(sandbox.origin, `requests?since=${lastSeq}`);
			const entries = Array.isArray(log) ? log : log.requests ?? [];
			const updates = entries.filter((r) => r.method === 'POST' && /^\/User\/\d+$/.test(r.path));
			const reported = nodeTime(out, 'Create or Update (OneFile)');
			const r = {
				phase: phase.name, n: SYNC_N, latencyMs: SYNC_LATENCY_MS, version: phase.version,
				nodeMs: Math.round(Number.isFinite(reported) ? reported : await sandboxSpanMs(sandbox.origin, SYNC_LATENCY_MS)),
				requests: after.requests - before.requests,
				searches: entries.filter((e) => /^\/User\/Search/.test(e.path)).length,
				recordReads: entries.filter((e) => e.method === 'GET' && /^\/User\/\d+$/.test(e.path)).length,
				creates: after.creates - before.creates,
				writes: updates.length + (after.creates - before.creates),
				onlyChangedFields: updates.every((u) => Object.keys(u.body ?? {}).join() === 'LastName'),
			};
			syncResults.push(r);
			step(`sync        ${phase.name.padEnd(30)} N=${SYNC_N}: ${r.nodeMs} ms, ${r.requests} requests (${r.searches} search pages, ${r.recordReads} record reads), ${r.writes} writes${updates.length ? `, bodies ${r.onlyChangedFields ? 'only the changed field' : 'with more than the changed field'}` : ''}`);
		}
	}

	let oneFileRuns = 0;
	for (const scenario of autoOnly || syncOnly ? [] : SCENARIOS) {
		const n8nSides = [...(scenario.noHttpRequest ? [] : [{ side: 'httpRequest', k: 'all' }]), ...scenario.oneFileK.map((k) => ({ side: 'oneFile', k }))];
		for (const { side, k } of n8nSides) {
			const workflow = side === 'oneFile' ? oneFileWorkflow(scenario.n, k, SANDBOX_CREDENTIAL_ID) : httpRequestWorkflow(scenario.n, sandbox.url, DEMO_CUSTOMER_TOKEN);
			await n8n.importWorkflow(workflow);
			await prepare(sandbox, scenario.latencyMs);
			const started = Date.now();
			const { out, peakMb } = await measuredExecute(n8n, workflow.id);
			const wallMs = Date.now() - started;
			const counters = await sandboxCall(sandbox.origin, 'counters');
			const createNode = side === 'oneFile' ? 'Create learner (OneFile)' : 'Create learner (HTTP Request)';
			const reported = nodeTime(out, createNode) + (side === 'httpRequest' ? nodeTime(out, 'Sign in (HTTP Request)') : 0);
			// n8n's printed run can be cut short for thousands of items (the process exits before the
			// pipe drains). Then time the node from the sandbox's log; that leaves out the node's work
			// before its first request.
			const ms = Number.isFinite(reported) ? reported : await sandboxSpanMs(sandbox.origin, scenario.latencyMs);
			const r = row(side, scenario, k, ms, counters, {
				timing: Number.isFinite(reported) ? 'n8n executionTime' : 'sandbox log', wallMs,
				peakRssMb: Math.round(peakMb), aboveIdleMb: Math.round(peakMb - idle.peakMb),
				...(side === 'oneFile' ? { run: oneFileRuns++ === 0 ? 'first' : 'stored token' } : {}),
			});
			results.push(r);
			step(`${side.padEnd(11)} N=${String(r.n).padStart(5)} ${r.latencyMs} ms K=${k}: ${r.nodeMs} ms in the node${r.timing === 'sandbox log' ? ' (from the sandbox log)' : ''} (limit ${r.limitMs}, × ${r.ofLimit}), ${r.requests} requests (${r.authCalls} sign-in), peak ${r.peakRssMb} MB (+${r.aboveIdleMb}), ${r.ok ? 'all created' : 'NOT ALL CREATED'}`);
		}
		for (const k of scenario.floorK) {
			await prepare(sandbox, scenario.latencyMs);
			const { ms } = await floorRun({ baseUrl: sandbox.url, customerToken: DEMO_CUSTOMER_TOKEN, n: scenario.n, k });
			const r = row('floor', scenario, k, ms, await sandboxCall(sandbox.origin, 'counters'), {});
			results.push(r);
			step(`floor       N=${String(r.n).padStart(5)} ${r.latencyMs} ms K=${k}: ${r.nodeMs} ms (limit ${r.limitMs}, × ${r.ofLimit}), ${r.requests} requests, ${r.ok ? 'all created' : 'NOT ALL CREATED'}`);
		}
	}
	for (const scenario of syncOnly ? [] : AUTO_SCENARIOS) {
		for (const k of scenario.ks) {
			const workflow = oneFileWorkflow(scenario.n, k, SANDBOX_CREDENTIAL_ID);
			await n8n.importWorkflow(workflow);
			await prepare(sandbox, scenario.latencyMs, scenario.faults);
			const { out } = await measuredExecute(n8n, workflow.id);
			const log = await sandboxCall(sandbox.origin, 'requests');
			const entries = (Array.isArray(log) ? log : log.requests ?? []).filter((r) => r.path === '/User');
			const counters = await sandboxCall(sandbox.origin, 'counters');
			const reported = nodeTime(out, 'Create learner (OneFile)');
			const ms = Number.isFinite(reported) ? reported : await sandboxSpanMs(sandbox.origin, scenario.latencyMs);
			const limited = entries.filter((r) => r.status === 429).length;
			// How parallel the client ran once it had settled: the median in flight over the second half of the run.
			const late = entries.slice(Math.floor(entries.length / 2)).map((r) => r.inFlight ?? 0).sort((a, b) => a - b);
			const r = {
				side: 'oneFile', mode: scenario.name, n: scenario.n, latencyMs: scenario.latencyMs, k, nodeMs: Math.round(ms),
				rowsPerSecond: Number((scenario.n / (ms / 1000)).toFixed(1)), requests: entries.length, limited, limitedShare: Number((limited / Math.max(1, entries.length)).toFixed(4)),
				settledInFlight: late[Math.floor(late.length / 2)] ?? null, creates: counters.creates, ok: counters.creates === scenario.n,
			};
			autoResults.push(r);
			step(`oneFile     ${scenario.name.padEnd(16)} N=${r.n} K=${k}: ${r.nodeMs} ms, ${r.rowsPerSecond} rows/s, ${r.limited} × 429 (${(r.limitedShare * 100).toFixed(2)} %), in flight when settled ${r.settledInFlight}, ${r.ok ? 'all created' : 'NOT ALL CREATED'}`);
		}
	}
} finally {
	await stopProcess(sandbox.child);
	rmSync(work, { recursive: true, force: true });
}

const table = results.map((r) => {
	const peer = results.find((p) => p.side === 'httpRequest' && p.n === r.n && p.latencyMs === r.latencyMs);
	return { ...r, overheadRatio: r.side !== 'httpRequest' && peer ? Number((r.overheadPerItemMs / peer.overheadPerItemMs).toFixed(2)) : null };
});
const dash = (v) => (v === undefined || v === null ? '—' : v);
console.log('\n| side | N | latency | K | time (ms) | limit (ms) | × limit | overhead/item (ms) | ratio to HTTP Request | requests | sign-ins | peak RSS (MB) | above idle (MB) |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of table) console.log(`| ${r.side} | ${r.n} | ${r.latencyMs} ms | ${r.k} | ${r.nodeMs} | ${r.limitMs} | ${r.ofLimit} | ${r.overheadPerItemMs} | ${dash(r.overheadRatio)} | ${r.requests} | ${r.authCalls} | ${dash(r.peakRssMb)} | ${dash(r.aboveIdleMb)} |`);
console.log('\n| server | N | latency | K | time (ms) | rows/s | 429s | 429 share | in flight when settled |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of autoResults) console.log(`| ${r.mode} | ${r.n} | ${r.latencyMs} ms | ${r.k} | ${r.nodeMs} | ${r.rowsPerSecond} | ${r.limited} | ${(r.limitedShare * 100).toFixed(2)} % | ${dash(r.settledInFlight)} |`);
console.log('\n| sync phase | N | version | time (ms) | requests | search pages | record reads | writes |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of syncResults) console.log(`| ${r.phase} | ${r.n} | ${r.version} | ${r.nodeMs} | ${r.requests} | ${r.searches} | ${r.recordReads} | ${r.writes} |`);
const syncVerdicts = syncTargets(syncResults);
if (syncOnly) {
	console.log('\nSync targets (printed, never asserted):');
	for (const v of syncVerdicts) console.log(`  ${v.met ? 'met    ' : 'NOT met'}  ${v.target}: ${v.measured}`);
	const path = join(ROOT, 'bench/results/latest.json');
	const latest = JSON.parse(readFileSync(path, 'utf8'));
	writeFileSync(path, JSON.stringify({ ...latest, sync: { at: new Date().toISOString(), rows: syncResults, targets: syncVerdicts } }, null, 2));
	step('wrote the sync rows into bench/results/latest.json');
	process.exit(0);
}
const verdicts = [...targets(table, { full, memoryNoiseMb: Math.round(idle.spreadMb), auto: autoResults }), ...syncVerdicts];
console.log('\nTargets (printed, never asserted: figures vary from run to run on a shared machine):');
for (const v of verdicts) console.log(`  ${v.met === null ? 'info   ' : v.met ? 'met    ' : 'NOT met'}  ${v.target}: ${v.measured}`);
if (!autoOnly) {
	writeFileSync(join(ROOT, 'bench/results/latest.json'), JSON.stringify({ at: new Date().toISOString(), n8n: '2.8.4', node: process.version, machine: '2 cores', idlePeakRssMb: Math.round(idle?.peakMb ?? NaN), idleSpreadMb: Math.round(idle?.spreadMb ?? NaN), rows: table, auto: autoResults, sync: { rows: syncResults }, targets: verdicts }, null, 2));
	writeFileSync(join(ROOT, 'bench/results/latest.svg'), (await import('./chart.mjs')).chart(table));
	step('wrote bench/results/latest.json and latest.svg');
}
