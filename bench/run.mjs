#!/usr/bin/env node
/**
 * `npm run bench`: "create learner" for N items in a real n8n 2.8.4, through the OneFile node and
 * through n8n's own HTTP Request node with hand-built sign-in (what users build today), against
 * the OneFile sandbox (a separate process) with a fixed latency. Both sides run in the same
 * session, one after the other, so the noise of a shared machine falls on both.
 *   node bench/run.mjs [--full]     default N = 1000 and 5000 at 20 ms and 1000 at 50 ms; --full adds 10000
 * Prints a table; writes bench/results/latest.json and latest.svg.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { sandboxCredential, SANDBOX_CREDENTIAL_ID } from '../e2e/lib/examples.mjs';
import { createInstance, packPackage, startSandbox, stopProcess } from '../e2e/lib/n8n.mjs';
import { ensureRuntime, ROOT, run, step } from '../e2e/lib/runtime.mjs';
import { httpRequestWorkflow, oneFileWorkflow, trivialWorkflow } from './workflows.mjs';

const full = process.argv.includes('--full');
// 10,000 items take several minutes per side on a 2-core machine, so they run with --full only.
const SCENARIOS = [
	{ n: 1000, latencyMs: 20, k: 1 },
	{ n: 5000, latencyMs: 20, k: 1 },
	{ n: 1000, latencyMs: 50, k: 1 },
	...(full ? [{ n: 10000, latencyMs: 20, k: 1 }] : []),
];
const CONCURRENCY = [4, 8].map((k) => ({ n: 1000, latencyMs: 50, k }));

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

step('building the package and the sandbox');
await run('npm', ['run', 'build'], { quiet: true });
await run('npx', ['tsc', '-p', 'tsconfig.tools.json'], { quiet: true });
const runtime = await ensureRuntime('2.8.4');
const work = mkdtempSync(join(tmpdir(), 'onefile-bench-'));
const sandbox = await startSandbox(work);
const n8n = { ...createInstance(runtime, { folder: work, port: 5720, brokerPort: 5721 }), runtimeBin: runtime.n8n };
const results = [];
let running;
// Stopped early (Ctrl-C): take the sandbox and any running n8n with us.
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, () => {
		running?.kill('SIGKILL');
		void stopProcess(sandbox.child, 2000).then(() => process.exit(130));
	});
}
try {
	await n8n.installPackage(await packPackage(work));
	await n8n.importCredentials([sandboxCredential(sandbox.url)]);
	const { DEMO_CUSTOMER_TOKEN } = (await import(join(ROOT, 'build/sandbox/onefile/index.js'))).default;
	await n8n.importWorkflow(trivialWorkflow());
	const idle = await measuredExecute(n8n, trivialWorkflow().id);
	step(`idle n8n execute (a 1-item workflow): peak ${idle.peakMb.toFixed(0)} MB`);

	for (const scenario of [...SCENARIOS, ...CONCURRENCY]) {
		for (const side of scenario.k === 1 ? ['httpRequest', 'oneFile'] : ['oneFile']) {
			const workflow = side === 'oneFile' ? oneFileWorkflow(scenario.n, scenario.k, SANDBOX_CREDENTIAL_ID) : httpRequestWorkflow(scenario.n, sandbox.url, DEMO_CUSTOMER_TOKEN);
			await n8n.importWorkflow(workflow);
			await sandboxCall(sandbox.origin, 'reset', {});
			await sandboxCall(sandbox.origin, 'config', { faults: { latencyMs: scenario.latencyMs } });
			const started = Date.now();
			const { out, peakMb } = await measuredExecute(n8n, workflow.id);
			const counters = await sandboxCall(sandbox.origin, 'counters');
			const createNode = side === 'oneFile' ? 'Create learner (OneFile)' : 'Create learner (HTTP Request)';
			const reported = nodeTime(out, createNode) + (side === 'httpRequest' ? nodeTime(out, 'Sign in (HTTP Request)') : 0);
			// n8n's printed run can be cut short for thousands of items (the process exits before the
			// pipe drains). Then time the node from the sandbox's log: first request's arrival to the
			// last answer (arrival + latency). It leaves out the node's work before its first request.
			const log = await sandboxCall(sandbox.origin, 'requests');
			const arrivals = (Array.isArray(log) ? log : log.requests ?? []).map((r) => r.at);
			const spanMs = arrivals.length ? Math.max(...arrivals) - Math.min(...arrivals) + scenario.latencyMs : NaN;
			const ms = Number.isFinite(reported) ? reported : spanMs;
			// The HTTP Request node (v4) sends every item at once unless its Batching option is set, so
			// its latency bound is one sign-in plus one round trip; the OneFile node keeps K in flight.
			const inFlight = side === 'httpRequest' ? scenario.n : scenario.k;
			const limitMs = scenario.latencyMs * (1 + scenario.n / inFlight);
			const row = {
				side, n: scenario.n, latencyMs: scenario.latencyMs, k: side === 'httpRequest' ? 'all' : scenario.k,
				nodeMs: Math.round(ms), timing: Number.isFinite(reported) ? 'n8n executionTime' : 'sandbox log', sandboxSpanMs: Math.round(spanMs), wallMs: Date.now() - started,
				overheadPerItemMs: Number(((ms - limitMs) / scenario.n).toFixed(2)),
				requests: counters.requests, authCalls: counters.authCalls, creates: counters.creates,
				peakRssMb: Math.round(peakMb), aboveIdleMb: Math.round(peakMb - idle.peakMb),
				limitMs: Math.round(limitMs), ofLimit: Number((ms / limitMs).toFixed(3)),
				ok: Number.isFinite(ms) && counters.creates === scenario.n,
			};
			results.push(row);
			step(`${side.padEnd(11)} N=${String(scenario.n).padStart(5)} ${scenario.latencyMs} ms K=${scenario.k}: ${row.nodeMs} ms in the node${row.timing === 'sandbox log' ? ' (from the sandbox log)' : ''} (limit ${row.limitMs}), ${row.requests} requests (${row.authCalls} sign-in), peak ${row.peakRssMb} MB (+${row.aboveIdleMb}), ${row.ok ? 'all created' : 'NOT ALL CREATED'}`);
		}
	}
} finally {
	await stopProcess(sandbox.child);
	rmSync(work, { recursive: true, force: true });
}

// Second run with a stored token: the OneFile node makes N requests, no sign-in.
const table = results.map((r) => {
	const peer = results.find((p) => p.side === 'httpRequest' && p.n === r.n && p.latencyMs === r.latencyMs);
	return { ...r, overheadRatio: r.side === 'oneFile' && peer ? Number((r.overheadPerItemMs / peer.overheadPerItemMs).toFixed(2)) : null };
});
console.log('\n| side | N | latency | K | time in node (ms) | limit (ms) | × limit | overhead/item (ms) | ratio to HTTP Request | requests | sign-ins | peak RSS (MB) | above idle (MB) |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of table) console.log(`| ${r.side} | ${r.n} | ${r.latencyMs} ms | ${r.k} | ${r.nodeMs} | ${r.limitMs} | ${r.ofLimit} | ${r.overheadPerItemMs} | ${r.overheadRatio ?? '—'} | ${r.requests} | ${r.authCalls} | ${r.peakRssMb} | ${r.aboveIdleMb} |`);
writeFileSync(join(ROOT, 'bench/results/latest.json'), JSON.stringify({ at: new Date().toISOString(), n8n: '2.8.4', machine: '2 cores', rows: table }, null, 2));
writeFileSync(join(ROOT, 'bench/results/latest.svg'), (await import('./chart.mjs')).chart(table));
step('wrote bench/results/latest.json and latest.svg');
