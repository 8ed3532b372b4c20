/**
 * Examples 6 (monthly compliance report), 7 (leavers) and 12 (ILR reconciliation) in a real n8n,
 * checked against the sandbox's own records: the report's figures are worked out here from the
 * sandbox's inspection API (and, for 12, the ILR file read here), independently of the node.
 */
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import { exampleWorkflow } from './examples.mjs';
import { ROOT, step } from './runtime.mjs';

const DAY = 86_400_000;

async function inspect(origin, what) {
	return await (await fetch(`${origin}/__sandbox/${what}`)).json();
}

/** A CSV written by n8n's Convert to File: a header line and rows, values quoted where needed. */
export function readCsv(file) {
	if (!existsSync(file)) return [];
	const [header, ...lines] = readFileSync(file, 'utf8').trim().split('\n');
	const split = (line) => (line.match(/("([^"]|"")*"|[^,]*)(,|$)/g) ?? []).map((cell) => cell.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"')).slice(0, header.split(',').length);
	const keys = split(header);
	return lines.map((line) => Object.fromEntries(split(line).map((value, i) => [keys[i], value])));
}

/** The first moment of this month in Europe/London (the example's time zone), as epoch ms. */
function londonMonthStart(now) {
	const format = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', hourCycle: 'h23' });
	const parts = (time) => Object.fromEntries(format.formatToParts(new Date(time)).map((p) => [p.type, Number(p.value)]));
	const today = parts(now);
	const utcMidnight = Date.UTC(today.year, today.month - 1, 1);
	// London is on UTC or UTC+1: the month starts at whichever of the two is midnight there.
	return [utcMidnight - 3_600_000, utcMidnight].find((time) => parts(time).day === 1 && parts(time).hour === 0) ?? utcMidnight;
}

export async function checkReportExamples({ n8n, sandbox, version, check }) {
	step(`n8n ${version}: running example 6 (monthly compliance report)`);
	const report = exampleWorkflow('compliance-report-csv.json', n8n.files);
	await n8n.importWorkflow(report);
	const started = Date.now();
	const run = await n8n.execute(report.id);
	check(`[n8n ${version}] example 6 ran to the end`, run.status === 'success' || !run.data?.resultData?.error, run.data?.resultData?.error?.message ?? run.status);
	const rows = readCsv(join(n8n.files, 'compliance-report.csv'));
	const [users, figures, reviews, aims] = await Promise.all(['users', 'offthejob', 'reviews', 'learning-aims'].map((what) => inspect(sandbox.origin, what)));
	const learners = users.filter((u) => u.OrganisationID === 5740 && u.Role === 1);
	const monthStart = londonMonthStart(started);
	const expected = learners.map((learner) => ({
		learner_id: String(learner.ID),
		otj_percent_of_planned: String(figures.find((f) => f.LearnerID === learner.ID)?.PercentOfPlanned ?? ''),
		reviews_overdue: String(reviews.filter((r) => r.LearnerID === learner.ID && Date.parse(r.ScheduledFor) <= started && !(r.AssessorSignedOn && r.LearnerSignedOn)).length),
		aims_completed_this_month: String(aims.filter((a) => a.UserID === learner.ID && a.AchievedDate && Date.parse(a.AchievedDate) >= monthStart && Date.parse(a.AchievedDate) <= started + DAY).length),
	}));
	const got = rows.map((r) => ({ learner_id: r.learner_id, otj_percent_of_planned: r.otj_percent_of_planned, reviews_overdue: r.reviews_overdue, aims_completed_this_month: r.aims_completed_this_month }));
	const sort = (list) => [...list].sort((a, b) => a.learner_id.localeCompare(b.learner_id));
	check(`[n8n ${version}] example 6: one CSV row per learner of the organisation (${learners.length})`, rows.length === learners.length, `${rows.length} rows`);
	check(
		`[n8n ${version}] example 6: off-the-job %, overdue reviews and aims completed this month match the sandbox's records`,
		JSON.stringify(sort(got)) === JSON.stringify(sort(expected)),
		`got ${JSON.stringify(sort(got))}; expected ${JSON.stringify(sort(expected))}`,
	);
	check(`[n8n ${version}] example 6: the report is not all zeros (the sandbox has overdue reviews and aims completed this month)`, expected.some((e) => e.reviews_overdue !== '0') && expected.some((e) => e.aims_completed_this_month !== '0'), JSON.stringify(expected));

	step(`n8n ${version}: running example 7 (leavers from a CSV of withdrawals)`);
	copyFileSync(join(ROOT, 'examples/data/leavers.csv'), join(n8n.files, 'leavers.csv'));
	const leavers = exampleWorkflow('leavers-csv.json', n8n.files);
	await n8n.importWorkflow(leavers);
	const archiveRun = await n8n.execute(leavers.id);
	check(`[n8n ${version}] example 7 ran to the end`, archiveRun.status === 'success' || !archiveRun.data?.resultData?.error, archiveRun.data?.resultData?.error?.message ?? archiveRun.status);
	const results = readCsv(join(n8n.files, 'leavers-results.csv'));
	const input = readCsv(join(ROOT, 'examples/data/leavers.csv'));
	const after = await inspect(sandbox.origin, 'users');
	const known = input.filter((row) => after.some((u) => String(u.ID) === row.onefile_id));
	check(`[n8n ${version}] example 7: a result row per leaver`, results.length === input.length, `${results.length} rows`);
	check(`[n8n ${version}] example 7: every known leaver archived in OneFile, and reported so`, known.every((row) => after.find((u) => String(u.ID) === row.onefile_id)?.Archived === true && results.find((r) => r.onefile_id === row.onefile_id)?.archived === 'yes'), JSON.stringify(results));
	check(
		`[n8n ${version}] example 7: each known leaver's status set first, by name (Withdrawn or Completed as the reason says), and reported so`,
		known.every((row) => {
			const wanted = row.reason.startsWith('Completed') ? 'Completed' : 'Withdrawn';
			return typeof after.find((u) => String(u.ID) === row.onefile_id)?.LearnerStatusID === 'number' && results.find((r) => r.onefile_id === row.onefile_id)?.learner_status === wanted;
		}),
		JSON.stringify(known.map((row) => [row.onefile_id, after.find((u) => String(u.ID) === row.onefile_id)?.LearnerStatusID, results.find((r) => r.onefile_id === row.onefile_id)?.learner_status])),
	);
	check(`[n8n ${version}] example 7: the unknown ID is reported in words, not fatal`, results.some((r) => r.archived === 'no' && /could not find that record/.test(r.error)), JSON.stringify(results.filter((r) => r.archived === 'no')));

	await checkIlrExample({ n8n, sandbox, version, check });
}

const ILR_FILE = 'examples/data/ilr-2025-26-sample.xml';

/**
 * What a MIS-fed OneFile would hold for the ILR's learners (examples/data/ilr-2025-26-sample.xml):
 * LearnRefNumber as MIS ID and the ULN. The sandbox's MIS IDs (`BUS-L50`, example 1's `NS-2026-001`)
 * hold a hyphen, which an ILR LearnRefNumber cannot ([A-Za-z0-9 ]{1,12}), so they are set here first.
 * Amelia Rahman gets another ULN than the ILR's; the rest agree, except where the ILR says otherwise
 * (Oscar Whitaker withdrawn, Amira Khan's family name Rashid); BUSL60 and BUSL61 are not in OneFile.
 */
const MIS_FED = [
	{ misid: 'BUS-L50', to: 'BUSL50', uln: '2619730693' },
	{ misid: 'BUS-L51', to: 'BUSL51', uln: '5239384990' },
	{ misid: 'BUS-L52', to: 'BUSL52', uln: '1622758691' },
	{ misid: 'BUS-L53', to: 'BUSL53', uln: '1777778688' },
	{ misid: 'NS-2026-001', to: 'NS2026001', uln: '9818365533' },
	{ misid: 'NS-2026-002', to: 'NS2026002', uln: '6753989225' },
];

/** OneFile's own API on the sandbox, signed in with the demo customer token. */
async function oneFileCall(sandboxUrl, method, path, body) {
	const { DEMO_CUSTOMER_TOKEN } = createRequire(import.meta.url)(join(ROOT, 'build/sandbox/onefile/index.js'));
	const session = (await (await fetch(`${sandboxUrl}/Authentication`, { method: 'POST', headers: { 'X-CustomerToken': DEMO_CUSTOMER_TOKEN } })).text()).trim();
	const answer = await fetch(`${sandboxUrl}${path}`, { method, headers: { 'X-TokenID': session, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
	if (answer.status >= 300) throw new Error(`${method} ${path}: HTTP ${answer.status} ${await answer.text()}`);
}

/** The ILR's learners, read with regular expressions (not n8n's XML parser): the fields example 12 compares. */
function ilrLearners(xml) {
	const field = (block, name) => block.match(new RegExp(`<${name}>([^<]*)</${name}>`))?.[1]?.trim() ?? '';
	return [...xml.matchAll(/<Learner>([\s\S]*?)<\/Learner>/g)].map(([, block]) => {
		const programme = [...block.matchAll(/<LearningDelivery>([\s\S]*?)<\/LearningDelivery>/g)].map((m) => m[1]).find((d) => field(d, 'AimType') === '1') ?? '';
		return {
			ref: field(block, 'LearnRefNumber'),
			uln: field(block, 'ULN'),
			first: field(block, 'GivenNames').replace(/&apos;/g, "'"),
			last: field(block, 'FamilyName').replace(/&apos;/g, "'"),
			compStatus: field(programme, 'CompStatus'),
		};
	});
}

/** Example 12's findings for one ILR learner, worked out from the sandbox's own user records. */
function expectedFindings(learner, users) {
	const same = (a, b) => String(a ?? '').trim().replace(/\s+/g, ' ').toLowerCase() === String(b ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
	const matches = users.filter((u) => u.OrganisationID === 5740 && u.Role === 1 && u.MISID === learner.ref);
	if (matches.length === 0) return [{ ref: learner.ref, finding: 'in ILR not in OneFile', id: '' }];
	return matches.flatMap((user) => {
		const findings = [
			learner.compStatus === '3' && user.Archived !== true ? 'withdrawn in ILR, active in OneFile' : '',
			String(user.ULN ?? '') !== learner.uln ? 'ULN differs' : '',
			!same(user.FirstName, learner.first) || !same(user.LastName, learner.last) ? 'name differs' : '',
		].filter(Boolean);
		return (findings.length ? findings : ['matches']).map((finding) => ({ ref: learner.ref, finding, id: String(user.ID) }));
	});
}

/** Example 12 (the ILR as the source of truth): run after example 1, whose new starters it names. */
export async function checkIlrExample({ n8n, sandbox, version, check }) {
	step(`n8n ${version}: running example 12 (ILR reconciliation)`);
	const before = await inspect(sandbox.origin, 'users');
	const fed = MIS_FED.map((m) => ({ ...m, user: before.find((u) => u.OrganisationID === 5740 && u.Role === 1 && u.MISID === m.misid) }));
	check(`[n8n ${version}] example 12: the sandbox has the learners the ILR names (seeded and example 1's new starters)`, fed.every((m) => m.user), fed.filter((m) => !m.user).map((m) => m.misid).join(', '));
	for (const m of fed.filter((f) => f.user)) await oneFileCall(sandbox.url, 'POST', `/User/${m.user.ID}`, { MISID: m.to, ULN: m.uln });

	copyFileSync(join(ROOT, ILR_FILE), join(n8n.files, 'ilr-2025-26-sample.xml'));
	const workflow = exampleWorkflow('ilr-reconciliation.json', n8n.files);
	await n8n.importWorkflow(workflow);
	const lastSeq = (await inspect(sandbox.origin, 'requests')).at(-1)?.seq ?? 0;
	const run = await n8n.execute(workflow.id);
	check(`[n8n ${version}] example 12 ran to the end`, run.status === 'success' || !run.data?.resultData?.error, run.data?.resultData?.error?.message ?? run.status);

	const rows = readCsv(join(n8n.files, 'ilr-reconciliation.csv'));
	const users = await inspect(sandbox.origin, 'users');
	const learners = ilrLearners(readFileSync(join(ROOT, ILR_FILE), 'utf8'));
	const expected = learners.flatMap((learner) => expectedFindings(learner, users));
	const key = (r) => `${r.ref}|${r.finding}|${r.id}`;
	const got = rows.map((r) => key({ ref: r.learn_ref_number, finding: r.finding, id: r.onefile_id })).sort();
	const want = expected.map(key).sort();
	check(`[n8n ${version}] example 12: the ILR has ${learners.length} learners and the data covers every finding`, learners.length === 8 && ['in ILR not in OneFile', 'withdrawn in ILR, active in OneFile', 'ULN differs', 'name differs', 'matches'].every((f) => expected.some((e) => e.finding === f)), JSON.stringify(expected));
	check(`[n8n ${version}] example 12: one CSV row per finding, as the sandbox's records and the ILR say (${want.length})`, JSON.stringify(got) === JSON.stringify(want), `got ${JSON.stringify(got)}; expected ${JSON.stringify(want)}`);
	check(`[n8n ${version}] example 12: each row says what to do`, rows.every((r) => (r.finding === 'matches') === (r.what_to_do === '')), JSON.stringify(rows.map((r) => [r.finding, r.what_to_do])));

	const preview = readCsv(join(n8n.files, 'ilr-preview.csv'));
	const missing = expected.filter((e) => e.finding === 'in ILR not in OneFile' && learners.find((l) => l.ref === e.ref)?.compStatus !== '3').map((e) => e.ref).sort();
	const writes = (await inspect(sandbox.origin, `requests?since=${lastSeq}`)).filter((r) => r.method !== 'GET' && r.path !== '/Authentication' && !/\/Search/i.test(r.path));
	check(`[n8n ${version}] example 12: ilr-preview.csv says "would create" for each learner missing from OneFile (${missing.join(', ')})`, JSON.stringify(preview.map((r) => r.learn_ref_number).sort()) === JSON.stringify(missing) && preview.every((r) => r.action === 'would create' && r.error === ''), JSON.stringify(preview));
	check(`[n8n ${version}] example 12: Preview wrote nothing to OneFile (reads and searches only)`, writes.length === 0 && !users.some((u) => missing.includes(u.MISID)), JSON.stringify(writes.map((r) => `${r.method} ${r.path}`)));
}
