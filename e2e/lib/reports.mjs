/**
 * Examples 6 (monthly compliance report) and 7 (leavers) in a real n8n, checked against the
 * sandbox's own records: the report's figures are worked out here from the sandbox's inspection
 * API, independently of the node.
 */
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { exampleWorkflow } from './examples.mjs';
import { ROOT, step } from './runtime.mjs';

const DAY = 86_400_000;

async function inspect(origin, what) {
	return await (await fetch(`${origin}/__sandbox/${what}`)).json();
}

/** A CSV written by n8n's Convert to File: a header line and rows, values quoted where needed. */
function readCsv(file) {
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
	check(`[n8n ${version}] example 7: the unknown ID is reported in words, not fatal`, results.some((r) => r.archived === 'no' && /could not find that record/.test(r.error)), JSON.stringify(results.filter((r) => r.archived === 'no')));
}
