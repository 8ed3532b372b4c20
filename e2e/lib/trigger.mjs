/**
 * The OneFile Trigger in a running n8n: example 5 (a CSV row per changed learner) published with
 * the shortest poll n8n allows (pollEvery),
 * the sandbox's users changed in three bursts over OneFile's own API (one while OneFile answers 503,
 * one while n8n is stopped), then n8n's executions read back over its REST API: every change must
 * have arrived exactly once, and the CSV files must hold one row per change. The sandbox plays a
 * OneFile with whole-second stamps, a clock 2 s behind, an exclusive "since" and summary rows.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import { exampleWorkflow, sandboxCredential } from './examples.mjs';
import { createInstance, stopProcess } from './n8n.mjs';
import { ROOT, step } from './runtime.mjs';

const WORKFLOW = 'changed-learners-csv.json';
const AIMS_WORKFLOW = 'aims-achieved-csv.json';
const CHASE_WORKFLOW = 'employer-chase-csv.json';
const TRIGGER = 'Learner changed in OneFile';
/**
 * n8n 2.8 refuses only a `*` in the seconds field, so a list of seconds polls every 5 s; newer n8n
 * refuses anything under a minute, so there the suite polls every minute and waits longer.
 */
function pollEvery(version) {
	return version.startsWith('2.8.') ? { cron: '0,5,10,15,20,25,30,35,40,45,50,55 * * * * *', ms: 5_000 } : { cron: '0 * * * * *', ms: 60_000 };
}
const OWNER = { email: 'trigger-e2e@example.com', firstName: 'Trigger', lastName: 'Check', password: 'OneFile-trigger-2026' };
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** OneFile's own API on the sandbox, as another OneFile client (an assessor's screen) would change users. */
function oneFileClient(sandboxUrl) {
	const { DEMO_CUSTOMER_TOKEN } = createRequire(import.meta.url)(join(ROOT, 'build/sandbox/onefile/index.js'));
	let session;
	const call = async (method, path, body) => {
		if (!session) session = (await (await fetch(`${sandboxUrl}/Authentication`, { method: 'POST', headers: { 'X-CustomerToken': DEMO_CUSTOMER_TOKEN } })).text()).trim();
		const answer = await fetch(`${sandboxUrl}${path}`, { method, headers: { 'X-TokenID': session, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
		if (answer.status >= 300) throw new Error(`${method} ${path}: HTTP ${answer.status} ${await answer.text()}`);
		return answer.status === 200 ? await answer.json().catch(() => undefined) : undefined;
	};
	return {
		update: async (id, misId) => await call('POST', `/User/${id}`, { MISID: misId }),
		create: async (organisation, n, misId) =>
			(
				await call('POST', '/User', {
					OrganisationID: organisation.organisation.id,
					Role: 1,
					FirstName: `Triggered${n}`,
					LastName: 'Learner',
					Email: `triggered.${n}@example.com`,
					MISID: misId,
					DefaultAssessorID: organisation.assessors[0].id,
					ClassroomID: organisation.classrooms[0].id,
					PlacementID: organisation.placements[0].id,
				})
			).ID,
	};
}

/** n8n's REST API as the owner: the trigger's output items of every execution so far. */
async function restSession(n8n) {
	await fetch(`${n8n.url}/rest/owner/setup`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(OWNER) });
	const login = await fetch(`${n8n.url}/rest/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, email: OWNER.email, password: OWNER.password }) });
	if (!login.ok) throw new Error(`n8n login failed: HTTP ${login.status}`);
	return login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

async function emittedItems(n8n, cookie, workflowId, parse) {
	const get = async (path) => {
		const answer = await fetch(`${n8n.url}/rest${path}`, { headers: { cookie } });
		if (!answer.ok) throw new Error(`GET /rest${path}: HTTP ${answer.status}`);
		return (await answer.json()).data;
	};
	const list = await get(`/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}&limit=100`);
	const items = [];
	let failed = 0;
	const errors = [];
	for (const execution of list.results ?? list) {
		const full = await get(`/executions/${execution.id}`);
		const data = typeof full.data === 'string' ? parse(full.data) : full.data;
		if (execution.status && execution.status !== 'success') {
			failed++;
			errors.push(String(data?.resultData?.error?.message ?? execution.status));
		}
		for (const item of data?.resultData?.runData?.[TRIGGER]?.[0]?.data?.main?.[0] ?? []) items.push(item.json);
	}
	return { executions: (list.results ?? list).length, failed, errors, items };
}

export async function checkTrigger({ runtime, work, tarball, sandbox, version, port, check }) {
	const parse = createRequire(join(runtime.folder, 'package.json'))('flatted').parse;
	const organisation = createRequire(import.meta.url)(join(ROOT, 'build/sandbox/onefile/index.js')).seedFor(5740);
	const client = oneFileClient(sandbox.url);
	// Seven learners to change: the seeded four and three made now, before the trigger is active
	// (history, like every change the earlier phases made: none of it may be emitted).
	const learners = organisation.learners.map((l) => l.id);
	for (let i = 0; learners.length < 7; i++) learners.push(await client.create(organisation, `${version.replace(/\./g, '')}0${i}`, `E2E-HISTORY-${i}`));
	const n8n = createInstance(runtime, { folder: join(work, 'trigger'), port, brokerPort: port + 100 });
	await n8n.installPackage(tarball);
	await n8n.importCredentials([sandboxCredential(sandbox.url)]);
	const workflow = exampleWorkflow(WORKFLOW, n8n.files);
	const poll = pollEvery(version);
	workflow.nodes.find((n) => n.name === TRIGGER).parameters.pollTimes = { item: [{ mode: 'custom', cronExpression: poll.cron }] };
	await n8n.importWorkflow(workflow);
	await n8n.cli(['publish:workflow', `--id=${workflow.id}`]);
	// Examples 13 and 14 in the same n8n: the trigger's other two events, polled as often.
	const aimsWorkflow = exampleWorkflow(AIMS_WORKFLOW, n8n.files);
	const chaseWorkflow = exampleWorkflow(CHASE_WORKFLOW, n8n.files);
	for (const extra of [aimsWorkflow, chaseWorkflow]) {
		const node = extra.nodes.find((n) => n.type === 'n8n-nodes-onefile.oneFileTrigger');
		node.parameters.pollTimes = { item: [{ mode: 'custom', cronExpression: poll.cron }] };
		// Each unsigned review read on every poll, so the suite need not wait the hour the example waits.
		if (node.parameters.event === 'reviewSigned') node.parameters.options = { ...node.parameters.options, recheckMinutes: 0 };
		await n8n.importWorkflow(extra);
		await n8n.cli(['publish:workflow', `--id=${extra.id}`]);
	}
	const expected = [];
	const change = async (id, misId) => {
		await client.update(id, misId);
		expected.push(`${id}:${misId}`);
	};
	const configure = async (script) => await fetch(`${sandbox.origin}/__sandbox/config`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ faults: { script } }) });
	// OneFile as it may really keep time (each a guess, sandbox/onefile/README.md): whole-second
	// stamps, a clock 2 s behind n8n's, "modified since" strictly after, summary search rows.
	const clock = async (contract) => await fetch(`${sandbox.origin}/__sandbox/config`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ contract }) });
	await clock({ stampPrecision: 'second', clockOffsetMs: -2000, lastModifiedFilter: 'after', searchRows: 'summary' });

	let child = await n8n.start(join(n8n.folder, 'n8n-1.log'));
	try {
		const cookie = await restSession(n8n);
		const arrived = async () => (await emittedItems(n8n, cookie, workflow.id, parse)).items.map((i) => `${i.id}:${i.user?.MISID}`);
		const waitFor = async (what, timeoutMs = 3 * poll.ms + 30_000) => {
			const until = Date.now() + timeoutMs;
			while (Date.now() < until) {
				const got = await arrived();
				if (what.every((w) => got.includes(w))) return got;
				await sleep(2000);
			}
			return await arrived();
		};
		// The activation poll only records "now"; give it a moment to run before the first change.
		await sleep(6000);
		step(`n8n ${version}: polling every ${poll.ms / 1000} s`);

		step(`n8n ${version}: trigger burst 1 (4 learners changed, an aim achieved, two reviews signed)`);
		for (let i = 0; i < 4; i++) await change(learners[i], `E2E-B1-${i}`);
		const [aims, reviews] = await Promise.all(['learning-aims', 'reviews'].map(async (what) => await (await fetch(`${sandbox.origin}/__sandbox/${what}`)).json()));
		const organisationLearners = new Set(organisation.learners.map((l) => l.id));
		const aim = aims.find((a) => organisationLearners.has(a.UserID) && !a.AchievedDate);
		const unsigned = reviews.filter((r) => r.OrganisationID === 5740 && !r.LearnerSignedOn && Date.parse(r.ScheduledFor) < Date.now());
		const admin = async (what, body) => {
			const answer = await fetch(`${sandbox.origin}/__sandbox/${what}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
			if (!answer.ok) throw new Error(`/__sandbox/${what}: HTTP ${answer.status}`);
		};
		await admin('achieve-aim', { id: aim.ID });
		await admin('sign-review', { id: unsigned[0].ID, learner: true, assessor: true });
		await admin('sign-review', { id: unsigned[1].ID, learner: true, assessor: true, employer: true });
		let got = await waitFor(expected);
		check(`[n8n ${version}] trigger: burst 1 arrived`, expected.every((e) => got.includes(e)), `${got.length} items`);

		step(`n8n ${version}: trigger burst 2 while OneFile answers 503`);
		await configure([{ path: '^/User/Search', fault: 'status503', times: 100000 }]);
		const before = got.length;
		await change(learners[4], 'E2E-B2-0');
		await change(learners[5], 'E2E-B2-1');
		await change(learners[0], 'E2E-B2-2');
		await sleep(2 * poll.ms + 2_000);
		const during = await arrived();
		check(`[n8n ${version}] trigger: nothing emitted while OneFile fails`, during.length === before, `${during.length - before} emitted`);
		await configure([]);
		got = await waitFor(expected);
		check(`[n8n ${version}] trigger: burst 2 arrived once OneFile answered again`, expected.every((e) => got.includes(e)), `${got.length} items`);

		step(`n8n ${version}: trigger burst 3 while n8n is stopped, then a restart`);
		await stopProcess(child);
		child = undefined;
		await change(learners[1], 'E2E-B3-0');
		await change(learners[6], 'E2E-B3-1');
		const created = await client.create(organisation, `${version.replace(/\./g, '')}99`, 'E2E-B3-NEW');
		expected.push(`${created}:E2E-B3-NEW`);
		child = await n8n.start(join(n8n.folder, 'n8n-2.log'));
		got = await waitFor(expected);
		await sleep(2 * poll.ms + 2_000); // two more polls: nothing may come twice
		const { items, failed, errors } = await emittedItems(n8n, cookie, workflow.id, parse);
		got = items.map((i) => `${i.id}:${i.user?.MISID}`);
		const missing = expected.filter((e) => !got.includes(e));
		const doubled = got.filter((g, i) => got.indexOf(g) !== i);
		check(`[n8n ${version}] trigger: after the restart, burst 3 arrived (${expected.length} changes in all)`, missing.length === 0, `missing ${missing.join(', ')}`);
		check(`[n8n ${version}] trigger: history before publishing was not replayed`, !got.some((g) => g.includes('E2E-HISTORY') || g.includes(':NS-')), got.filter((g) => g.includes('HISTORY')).join(', '));
		check(`[n8n ${version}] trigger: every change arrived exactly once, across 3 bursts, a failure and a restart`, doubled.length === 0 && got.length === expected.length, `doubled ${doubled.join(', ')}; ${got.length} items for ${expected.length} changes`);
		check(`[n8n ${version}] trigger: the new learner came as "created"`, items.some((i) => i.id === created && i.event === 'created'), JSON.stringify(items.find((i) => i.id === created) ?? null));
		// n8n records each failed poll as a failed execution, with the node's error: only the outage's.
		check(`[n8n ${version}] trigger: the polls during the outage failed with OneFile's 503 in words, and no other`, failed >= 1 && errors.every((e) => /OneFile .*\(HTTP 503\)/.test(e)), `${failed} failed: ${[...new Set(errors)].join(' | ')}`);
		const rowsOf = (pattern) => readdirSync(n8n.files).filter((f) => pattern.test(f)).flatMap((f) => readFileSync(join(n8n.files, f), 'utf8').trim().split('\n').slice(1));
		const aimRows = rowsOf(/^aims-achieved-\d+\.csv$/);
		check(`[n8n ${version}] example 13: the aim achieved after publishing, once, with its learner (and no aim achieved before)`, aimRows.length === 1 && aimRows[0].includes(String(aim.ID)) && aimRows[0].includes(String(aim.UserID)), aimRows.join(' | '));
		const chaseRows = rowsOf(/^employer-chase-\d+\.csv$/);
		check(`[n8n ${version}] example 14: the review signed by learner and assessor only is on the chase list, once; the one the employer signed is not`, chaseRows.length === 1 && chaseRows[0].startsWith(`${unsigned[0].ID},`), chaseRows.join(' | '));
		const files = readdirSync(n8n.files).filter((f) => /^changed-learners-\d+\.csv$/.test(f));
		const rows = files.flatMap((f) => readFileSync(join(n8n.files, f), 'utf8').trim().split('\n').slice(1));
		check(`[n8n ${version}] example 5 wrote a CSV file per poll with one row per change`, rows.length === expected.length && expected.every((e) => rows.filter((r) => r.includes(e.split(':')[1])).length === 1), `${files.length} files, ${rows.length} rows`);
	} finally {
		if (child) await stopProcess(child);
		await clock({ stampPrecision: null, clockOffsetMs: null, lastModifiedFilter: null, searchRows: null });
	}
}
