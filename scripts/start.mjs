#!/usr/bin/env node
/**
 * `npm start`: a local n8n with this package installed as a community package, the OneFile
 * sandbox with demo data, a credential pointing at it and the example workflows, ready to open.
 * The n8n runtime is installed once into ~/.cache/n8n-nodes-onefile and reused; the demo n8n
 * keeps its data in ~/.cache/n8n-nodes-onefile/demo. Ctrl-C stops everything.
 *   npm start -- --check   start, check the editor and the login, then stop (used by CI)
 */
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { bksbCredential, exampleWorkflow, sandboxCredential } from '../e2e/lib/examples.mjs';
import { createInstance, packPackage, startSandbox, stopProcess } from '../e2e/lib/n8n.mjs';
import { CACHE, ensureRuntime, ROOT, run, step } from '../e2e/lib/runtime.mjs';
import { freePort } from '../e2e/lib/system.mjs';

const VERSION = '2.8.4';
const OWNER = { email: 'demo@example.com', firstName: 'Demo', lastName: 'Ops', password: 'OneFile-demo-2026' };
const check = process.argv.includes('--check');
const children = [];

// `npm start | tee log` and Ctrl-C: tee dies first, and writing to its closed pipe must not crash
// this script before it has stopped n8n (which runs in its own process group and would live on).
process.stdout.on('error', () => {});
process.stderr.on('error', () => {});

let stopping = false;
async function stop(code = 0) {
	if (stopping) return;
	stopping = true;
	await Promise.all(children.map((child) => stopProcess(child)));
	process.exit(code);
}
process.on('SIGINT', () => {
	process.stdout.write('\nStopping n8n and the sandbox (n8n may take a few seconds)…\n');
	void stop(0);
});
process.on('SIGTERM', () => void stop(0));

try {
	step('building the package and the sandbox');
	await run('npm', ['run', 'build'], { quiet: true });
	await run('npx', ['tsc', '-p', 'tsconfig.tools.json'], { quiet: true });
	const runtime = await ensureRuntime(VERSION);

	const folder = join(CACHE, 'demo');
	mkdirSync(folder, { recursive: true });
	step('starting the OneFile and bksb sandboxes');
	const sandbox = await startSandbox(folder);
	children.push(sandbox.child);
	const bksb = await startSandbox(folder, [], 'bksb');
	children.push(bksb.child);

	const port = await freePort(5678);
	const n8n = createInstance(runtime, { folder, port, brokerPort: await freePort(port + 1) });
	step('installing this package into n8n as a community package');
	await n8n.installPackage(await packPackage(folder));
	step('importing the sandbox credential and the example workflows');
	await n8n.importCredentials([sandboxCredential(sandbox.url), bksbCredential(bksb.url)]);
	copyFileSync(join(ROOT, 'examples/data/new-starters.csv'), join(n8n.files, 'new-starters.csv'));
	const examples = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.json'));
	for (const file of examples) await n8n.importWorkflow(exampleWorkflow(file, n8n.files));

	step(`starting the n8n editor on ${n8n.url}`);
	await n8n.start(join(folder, 'n8n.log'), (server) => children.push(server));
	const setup = await fetch(`${n8n.url}/rest/owner/setup`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(OWNER) });
	const login = await fetch(`${n8n.url}/rest/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, email: OWNER.email, password: OWNER.password }) });
	if (!login.ok) throw new Error(`n8n is up but the demo login failed (owner setup ${setup.status}, login ${login.status}); see ${join(folder, 'n8n.log')}`);

	console.log(`
Ready.
  Open        ${n8n.url}
  Log in as   ${OWNER.email} / ${OWNER.password}
  Try         the workflow "OneFile: new starters from a spreadsheet (CSV)" → Execute workflow.
              It reads ${join(n8n.files, 'new-starters.csv')} and writes new-starters-results.csv beside it.
  Credentials "OneFile (sandbox)" → ${sandbox.url}
              "bksb (sandbox)" → ${bksb.url}
  Sandbox log ${sandbox.origin}/__sandbox/requests
  Stop        Ctrl-C
`);
	if (check) {
		step('check passed: editor up, login works; stopping');
		await stop(0);
	}
} catch (error) {
	console.error(`npm start failed: ${error.message}`);
	await stop(1);
}
