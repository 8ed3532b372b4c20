/**
 * The writing half of the month in a real n8n, checked against the sandbox's own records:
 * example 10 (awarding-body registrations from a CSV → Learning Aim → Update) and example 11
 * (a new starter from a CRM deal: the employer's placement found or created, the employer contact,
 * the learner in that placement with that employer), run twice to show it is rerun-safe.
 */
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { exampleWorkflow } from './examples.mjs';
import { readCsv } from './reports.mjs';
import { ROOT, step } from './runtime.mjs';

async function inspect(origin, what) {
	return await (await fetch(`${origin}/__sandbox/${what}`)).json();
}


export async function checkWriteExamples({ n8n, sandbox, version, check }) {
	step(`n8n ${version}: running example 15 (failed rows to a "to fix" file, by the error output)`);
	copyFileSync(join(ROOT, 'examples/data/new-starters.csv'), join(n8n.files, 'new-starters.csv'));
	const toFix = exampleWorkflow('new-starters-to-fix-csv.json', n8n.files);
	await n8n.importWorkflow(toFix);
	const split = await n8n.execute(toFix.id);
	const sheet = readCsv(join(ROOT, 'examples/data/new-starters.csv'));
	const done = readCsv(join(n8n.files, 'new-starters-done.csv'));
	const fix = readCsv(join(n8n.files, 'new-starters-to-fix.csv'));
	check(`[n8n ${version}] example 15 ran to the end`, split.status === 'success' || !split.data?.resultData?.error, split.data?.resultData?.error?.message ?? split.status);
	check(
		`[n8n ${version}] example 15: the good rows in the done file, the two bad rows (email, date) in the to-fix file with their columns, error and fix`,
		done.length === sheet.length - 2 &&
			JSON.stringify(fix.map((r) => r.mis_id).sort()) === JSON.stringify(['NS-2026-004', 'NS-2026-005']) &&
			fix.every((r) => r.first_name && /Email|Date of Birth/.test(r.error) && r.message),
		JSON.stringify({ done: done.map((r) => [r.mis_id, r.action]), fix }),
	);

	step(`n8n ${version}: running example 10 (awarding-body registrations from a CSV)`);
	copyFileSync(join(ROOT, 'examples/data/registrations.csv'), join(n8n.files, 'registrations.csv'));
	const registrations = exampleWorkflow('registrations-csv.json', n8n.files);
	await n8n.importWorkflow(registrations);
	const run = await n8n.execute(registrations.id);
	check(`[n8n ${version}] example 10 ran to the end`, run.status === 'success' || !run.data?.resultData?.error, run.data?.resultData?.error?.message ?? run.status);
	const input = readCsv(join(ROOT, 'examples/data/registrations.csv'));
	const results = readCsv(join(n8n.files, 'registrations-results.csv'));
	const aims = await inspect(sandbox.origin, 'learning-aims');
	const known = input.filter((row) => aims.some((a) => String(a.ID) === row.learning_aim_id));
	check(
		`[n8n ${version}] example 10: each known aim holds its registration number and date in OneFile, and the row says so`,
		known.length === 2 && known.every((row) => {
			const aim = aims.find((a) => String(a.ID) === row.learning_aim_id);
			const [d, m, y] = row.registration_date.split('/');
			return aim.RegistrationNumber === row.registration_number && String(aim.RegistrationDate ?? '').startsWith(`${y}-${m}-${d}`) && results.find((r) => r.learning_aim_id === row.learning_aim_id)?.recorded === 'yes';
		}),
		JSON.stringify(known.map((row) => aims.find((a) => String(a.ID) === row.learning_aim_id))),
	);
	check(`[n8n ${version}] example 10: the unknown aim is reported in words, not fatal`, results.some((r) => r.learning_aim_id === '999999' && r.recorded === 'no' && r.error !== ''), JSON.stringify(results));

	step(`n8n ${version}: running example 11 (a new starter from a CRM deal), twice`);
	const starter = exampleWorkflow('new-starter-crm.json', n8n.files);
	await n8n.importWorkflow(starter);
	const first = await n8n.execute(starter.id);
	const second = await n8n.execute(starter.id);
	const answers = readdirSync(n8n.files).filter((f) => /^new-starter-\d+\.csv$/.test(f)).sort((a, b) => Number(a.match(/\d+/)[0]) - Number(b.match(/\d+/)[0])).map((f) => readCsv(join(n8n.files, f))[0]);
	const [placements, users] = await Promise.all(['placements', 'users'].map(async (what) => await inspect(sandbox.origin, what)));
	const placement = placements.filter((p) => p.MISID === 'EMP-CRM-0042');
	const employer = users.filter((u) => u.Email === 'dana.reyes@northgate-bakery.example' && u.Role === 40);
	const learner = users.filter((u) => u.MISID === 'L-CRM-0042');
	check(`[n8n ${version}] example 11 ran to the end, twice`, [first, second].every((r) => r.status === 'success' || !r.data?.resultData?.error), [first, second].map((r) => r.data?.resultData?.error?.message ?? r.status).join(' / '));
	check(
		`[n8n ${version}] example 11: one placement, one employer contact in it, one learner in that placement with that employer`,
		placement.length === 1 && employer.length === 1 && learner.length === 1 && employer[0].PlacementID === placement[0].ID && learner[0].PlacementID === placement[0].ID && learner[0].DefaultEmployerID === employer[0].ID,
		JSON.stringify({ placement, employer: employer.map((u) => [u.ID, u.PlacementID]), learner: learner.map((u) => [u.ID, u.PlacementID, u.DefaultEmployerID]) }),
	);
	check(
		`[n8n ${version}] example 11: the first run creates all three, the rerun finds them unchanged`,
		answers.length >= 2 && ['placement_action', 'employer_action', 'learner_action'].every((k) => answers.at(-2)?.[k] === 'created' && answers.at(-1)?.[k] === 'unchanged'),
		JSON.stringify(answers.slice(-2)),
	);
}
