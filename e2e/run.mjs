#!/usr/bin/env node
/**
 * End-to-end suite: a real n8n loads the packed tarball as a community package and runs the
 * example workflows against the OneFile sandbox. Checks n8n's execution output, the files it
 * wrote and the sandbox's request log. Usage:
 *   node e2e/run.mjs --n8n 2.8.4 | --n8n newest | --n8n all      (default: 2.8.4)
 * Ends with `N passed, N failed`; exits 1 on any failure.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createInstance, packPackage, startSandbox, stopProcess } from './lib/n8n.mjs';
import { ensureRuntime, NEWEST, ROOT, run, step } from './lib/runtime.mjs';
import { bksbCredential, exampleWorkflow, sandboxCredential, SANDBOX_CREDENTIAL_ID } from './lib/examples.mjs';
import { checks } from './lib/checks.mjs';
import { checkRedirects } from './lib/redirect.mjs';
import { checkReportExamples } from './lib/reports.mjs';
import { checkWriteExamples } from './lib/writes.mjs';
import { checkTrigger } from './lib/trigger.mjs';

const args = process.argv.slice(2);
const wanted = args[args.indexOf('--n8n') + 1] ?? '2.8.4';
const versions = wanted === 'all' ? ['2.8.4', NEWEST] : [wanted === 'newest' ? NEWEST : wanted];

const { check, finish } = checks();

async function sandboxJson(origin, path) {
	return await (await fetch(`${origin}/__sandbox/${path}`)).json();
}

async function suite(version) {
	const runtime = await ensureRuntime(version);
	const work = mkdtempSync(join(tmpdir(), `onefile-e2e-${version}-`));
	const sandbox = await startSandbox(work);
	const bksb = await startSandbox(work, [], 'bksb');
	try {
		const tarball = await packPackage(work);
		const n8n = createInstance(runtime, { folder: work, port: 5690 + versions.indexOf(version), brokerPort: 5790 + versions.indexOf(version) });
		const installed = await n8n.installPackage(tarball);
		const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
		const shipped = [...pkg.n8n.nodes, ...pkg.n8n.credentials, 'dist/icons/onefile.svg', 'dist/icons/onefile.dark.svg', 'dist/nodes/OneFile/OneFile.node.json'];
		const missing = shipped.filter((file) => !existsSync(join(installed, file)));
		check(`[n8n ${version}] the installed package holds its n8n block's files, both icons and the codex`, missing.length === 0, missing.join(', '));

		step(`n8n ${version}: importing the credential and example 1`);
		await n8n.importCredentials([sandboxCredential(sandbox.url), bksbCredential(bksb.url)]);
		copyFileSync(join(ROOT, 'examples/data/new-starters.csv'), join(n8n.files, 'new-starters.csv'));
		const workflow = exampleWorkflow('new-starters-csv.json', n8n.files);
		await n8n.importWorkflow(workflow);

		step(`n8n ${version}: running example 1 (new starters from a CSV file)`);
		const before = await sandboxJson(sandbox.origin, 'counters');
		const first = await n8n.execute(workflow.id);
		const runData = first.data?.resultData?.runData ?? {};
		const error = first.data?.resultData?.error;
		check(`[n8n ${version}] example 1 ran to the end`, first.status === 'success' || (!error && runData['Write results']), error ? `${error.message}` : first.status);
		const upserts = runData['Create or Update Learner']?.[0]?.data?.main?.[0]?.map((i) => i.json) ?? [];
		check(`[n8n ${version}] n8n loaded the OneFile node and it answered every row`, upserts.length === 6, `${upserts.length} rows`);
		check(`[n8n ${version}] 4 learners created`, upserts.filter((r) => r.action === 'created').length === 4, JSON.stringify(upserts.map((r) => r.action ?? r.error)));
		check(`[n8n ${version}] the bad email of row 4 is named before sending`, /Email "dev\.patel@example" is not an email address \[item 3\]/.test(String(upserts[3]?.error)), String(upserts[3]?.error));
		check(`[n8n ${version}] the impossible date of row 5 is named before sending`, /Date of Birth "31\/02\/2005" is not a date \[item 4\]/.test(String(upserts[4]?.error)), String(upserts[4]?.error));
		const assigns = runData['Assign Employer']?.[0]?.data?.main?.[0]?.map((i) => i.json) ?? [];
		check(`[n8n ${version}] employers assigned to the 4 new learners`, assigns.filter((a) => a.assigned === true).length === 4, JSON.stringify(assigns));
		const results = join(n8n.files, 'new-starters-results.csv');
		const resultRows = existsSync(results) ? readFileSync(results, 'utf8').trim().split('\n') : [];
		check(`[n8n ${version}] results written back as CSV: a header and 6 rows with OneFile IDs and errors`, resultRows.length === 7 && /onefile_id/.test(resultRows[0]) && /is not an email address/.test(resultRows.join('\n')), resultRows.slice(0, 3).join(' | '));

		const log = await sandboxJson(sandbox.origin, 'requests');
		const entries = Array.isArray(log) ? log : log.entries ?? log.requests ?? [];
		const auth = entries.filter((r) => r.path === '/Authentication');
		const api = entries.filter((r) => r.path !== '/Authentication');
		check(`[n8n ${version}] one sign-in, with X-CustomerToken`, auth.length === 1 && 'x-customertoken' in (auth[0]?.headers ?? {}), `${auth.length} sign-ins`);
		check(`[n8n ${version}] every API call carried X-TokenID and used that session`, api.length > 0 && api.every((r) => 'x-tokenid' in r.headers && r.sessionNo === 1), `${api.length} calls`);
		const creates = entries.filter((r) => r.method === 'POST' && r.path === '/User');
		check(`[n8n ${version}] create bodies as documented (Role 1, MIS ID, DOB as midnight UTC)`, creates.length === 4 && creates.every((r) => r.body.Role === 1 && /^NS-2026-/.test(r.body.MISID) && /T00:00:00\.000Z$/.test(r.body.DOB)), JSON.stringify(creates[0]?.body));
		const violations = await sandboxJson(sandbox.origin, 'violations');
		check(`[n8n ${version}] no request OneFile's contract refuses`, Array.isArray(violations) ? violations.length === 0 : (violations.violations ?? []).length === 0, JSON.stringify(violations).slice(0, 200));

		step(`n8n ${version}: running example 1 again (rerun safety)`);
		const second = await n8n.execute(workflow.id);
		const rerun = second.data?.resultData?.runData?.['Create or Update Learner']?.[0]?.data?.main?.[0]?.map((i) => i.json) ?? [];
		const after = await sandboxJson(sandbox.origin, 'counters');
		check(`[n8n ${version}] the rerun updates the 4 learners and creates none`, rerun.filter((r) => r.action === 'updated').length === 4 && after.creates - before.creates === 4, `creates ${after.creates - before.creates}, ${JSON.stringify(rerun.map((r) => r.action ?? 'error'))}`);
		check(`[n8n ${version}] no duplicates`, after.duplicates.byEmail === 0 && after.duplicates.byMisid === 0, JSON.stringify(after.duplicates));
		check(`[n8n ${version}] the session token was kept in n8n's credential store: no sign-in on the rerun`, after.authCalls === 1, `${after.authCalls} sign-ins`);

		step(`n8n ${version}: running example 4 (a learner in OneFile and bksb)`);
		const both = exampleWorkflow('learner-onefile-and-bksb.json', n8n.files);
		await n8n.importWorkflow(both);
		const fourth = await n8n.execute(both.id);
		const summary = fourth.data?.resultData?.runData?.Summary?.[0]?.data?.main?.[0]?.[0]?.json ?? {};
		check(`[n8n ${version}] example 4: the learner exists in OneFile and in bksb, with an assessment link`, fourth.status === 'success' && typeof summary.onefile_id === 'number' && typeof summary.bksb_user_id === 'number' && /^https:/.test(String(summary.english_assessment_link)), JSON.stringify(fourth.data?.resultData?.error?.message ?? summary));

		const exported = await n8n.cli(['export:credentials', `--id=${SANDBOX_CREDENTIAL_ID}`, '--decrypted', `--output=${join(work, 'exported.json')}`]).then(() => readFileSync(join(work, 'exported.json'), 'utf8'), () => '');
		check(`[n8n ${version}] n8n stored the session token in the credential`, /"sessionToken":\s*"[A-Za-z0-9+/=]{100,}"/.test(exported), 'no session token stored');

		await checkReportExamples({ n8n, sandbox, version, check });
		await checkWriteExamples({ n8n, sandbox, version, check });

		step(`n8n ${version}: the OneFile Trigger in a running n8n (example 5)`);
		await checkTrigger({ runtime, work, tarball, sandbox, version, port: 5720 + versions.indexOf(version), check });

		step(`n8n ${version}: a redirect to a second host (127.0.0.2)`);
		await checkRedirects({ n8n, sandboxOrigin: sandbox.origin, version, check });
	} finally {
		await stopProcess(sandbox.child);
		await stopProcess(bksb.child);
		if (!process.env.KEEP_E2E) rmSync(work, { recursive: true, force: true });
	}
}

step('building the package and the sandbox');
await run('npm', ['run', 'build'], { quiet: true });
await run('npx', ['tsc', '-p', 'tsconfig.tools.json'], { quiet: true });
for (const version of versions) {
	try {
		await suite(version);
	} catch (error) {
		check(`[n8n ${version}] suite ran`, false, error.message);
	}
}
finish();
