#!/usr/bin/env node
/**
 * Browser suite: the OneFile node's form in the real n8n editor (n8n 2.8.4, the package installed
 * as a community package), in headless Debian Chromium. Sets up the owner account, creates the
 * credential through the editor (its Test against the sandbox, and a bad token), adds the node
 * and checks, per role and per assign level, the fields the form shows against the role table
 * the package is built from; the dropdowns, Assign's levels and the progress and write-side forms;
 * the icon per theme, and each icon's contrast at 16 px on that theme's panel background
 * (lib/contrast.mjs); example 6 on the canvas. Then it runs workflows in the editor: a failed item
 * (three wrong fields in one row), whose error in the output pane must read as the node wrote it
 * (compared with n8n's record of the run, fetched through the REST API, never with fixed wording),
 * each field's fix on its own line; and the execution hints of Requests in Parallel (Auto) and
 * Preview. Screenshots go to test-results/ui/; `--update-screenshots` also copies the README's ones
 * (all but the 16 px icon renders) into docs/screenshots/.
 * Ends with `N passed, N failed`; exits 1 on any failure.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ensureChromium, launchBrowser } from './lib/browser.mjs';
import { editor } from './lib/editor.mjs';
import { createInstance, packPackage, startSandbox, stopProcess } from './lib/n8n.mjs';
import { ensureRuntime, ROOT, run, step } from './lib/runtime.mjs';
import { checks } from './lib/checks.mjs';
import { exampleWorkflow } from './lib/examples.mjs';
import { backgroundBehind, measureIcons, MIN_CONTRAST } from './lib/contrast.mjs';

const VERSION = '2.8.4';
const OWNER = { email: 'ui-test@example.com', firstName: 'Ui', lastName: 'Test', password: 'OneFile-ui-2026' };
const ARTEFACTS = join(ROOT, 'test-results/ui');
const README_SHOTS = join(ROOT, 'docs/screenshots');
/** The node panel's title bar, where its icon is. */
const PANEL_HEADER = { x: 0, y: 0, width: 560, height: 90 };
const updateScreenshots = process.argv.includes('--update-screenshots');

const { check, finish } = checks();
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const show = (list) => JSON.stringify(list);

step('building the package and the sandbox');
await run('npm', ['run', 'build'], { quiet: true });
await run('npx', ['tsc', '-p', 'tsconfig.tools.json'], { quiet: true });
const require = createRequire(import.meta.url);
// What the form must show comes from the package's own role table (the one source of truth); what
// the dropdowns must list comes from the sandbox's seed (independent of the package).
const { ROLES, ALL_ROLES, USER_FIELDS, requiredFields } = require(join(ROOT, 'dist/nodes/OneFile/descriptions/roles.js'));
const optionalFields = (role) => USER_FIELDS.filter((f) => f.optionalFor.includes(role));
const { ASSIGN_LEVELS } = require(join(ROOT, 'dist/nodes/OneFile/descriptions/assignLevels.js'));
const { SEED, DEMO_CUSTOMER_TOKEN } = require(join(ROOT, 'build/sandbox/onefile/index.js'));
const fieldLabel = (param) => USER_FIELDS.find((f) => f.param === param).displayName;

await ensureChromium(step);
const runtime = await ensureRuntime(VERSION);
mkdirSync(ARTEFACTS, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'onefile-ui-'));
const children = [];
let browser;

/** The failed-item workflow: which row is bad, and in which fields (by parameter name). */
const FAILING_NODE = 'Create learners';
const BAD_ROW = 1;
const BAD_FIELDS = ['lastName', 'email', 'dateOfBirth'];
/** The hints' openings, as OneFile.node.ts runHints words them. */
const AUTO_HINT = 'Requests in Parallel (Auto) ran up to';
const PREVIEW_HINT = 'Preview: nothing was written to OneFile';
const AUTO_NODE = 'Get 12 learners';
const PREVIEW_NODE = 'Preview archive';

const ONEFILE = 'n8n-nodes-onefile.oneFile';
const byId = (value) => ({ __rl: true, mode: 'id', value: String(value) });
const workflowNode = (name, type, typeVersion, position, parameters, credential) => ({
	id: randomUUID(),
	name,
	type,
	typeVersion,
	position,
	parameters,
	...(credential ? { credentials: { oneFileApi: { id: credential.id, name: credential.name } } } : {}),
});
const codeNode = (name, rows, position) => workflowNode(name, 'n8n-nodes-base.code', 2, position, { jsCode: `return ${JSON.stringify(rows.map((json) => ({ json })))};` });
const trigger = workflowNode('When clicking ‘Execute workflow’', 'n8n-nodes-base.manualTrigger', 1, [0, 0], {});
const main = (...targets) => ({ main: [targets.map((node) => ({ node, type: 'main', index: 0 }))] });

/**
 * Three rows for User → Create (version 1.2, Validate Only off): rows 0 and 2 are fine; row 1 has no
 * last name, an address that is not an email and a date of birth in the future.
 */
function failedItemWorkflow(credential) {
	const business = SEED.organisations.keychainOff;
	const assessor = SEED.assessors.find((a) => a.organisationId === business.id);
	const classroom = SEED.classrooms.find((c) => c.organisationId === business.id);
	const placement = SEED.placements.find((p) => p.organisationId === business.id);
	const stamp = Date.now();
	const rows = [
		{ firstName: 'Maya', lastName: 'Okafor', email: `maya.okafor.${stamp}@example.com`, dateOfBirth: '2004-03-12' },
		{ firstName: 'Tom', lastName: '', email: 'tom.at.example.com', dateOfBirth: `${new Date().getFullYear() + 5}-01-01` },
		{ firstName: 'Priya', lastName: 'Shah', email: `priya.shah.${stamp}@example.com`, dateOfBirth: '2003-07-30' },
	];
	const oneFile = workflowNode(FAILING_NODE, ONEFILE, 1.2, [440, 0], {
		resource: 'user',
		operation: 'create',
		role: 'learner',
		organisationId: byId(business.id),
		firstName: '={{ $json.firstName }}',
		lastName: '={{ $json.lastName }}',
		email: '={{ $json.email }}',
		defaultAssessorId: byId(assessor.id),
		classroomId: byId(classroom.id),
		placementId: byId(placement.id),
		additionalFields: { dateOfBirth: '={{ $json.dateOfBirth }}' },
		options: { validateOnly: false },
	}, credential);
	const rowsNode = codeNode('Three learners', rows, [220, 0]);
	return { name: 'UI: a failed item', nodes: [trigger, rowsNode, oneFile], connections: { [trigger.name]: main(rowsNode.name), [rowsNode.name]: main(oneFile.name) }, settings: { executionOrder: 'v1' }, active: false };
}

/** Twelve sandbox learners: User → Get at Auto (the default), and User → Archive with Preview on. */
function hintsWorkflow(credential) {
	const { firstId } = SEED.generatedLearners;
	const ids = Array.from({ length: 12 }, (_, i) => ({ id: firstId + i }));
	const rowsNode = codeNode('Twelve learner IDs', ids, [220, 0]);
	const get = workflowNode(AUTO_NODE, ONEFILE, 1.2, [440, -100], { resource: 'user', operation: 'get', userId: byId('={{ $json.id }}'), options: {} }, credential);
	const archive = workflowNode(PREVIEW_NODE, ONEFILE, 1.2, [440, 100], { resource: 'user', operation: 'archive', userId: byId('={{ $json.id }}'), options: { preview: true } }, credential);
	return { name: 'UI: execution hints', nodes: [trigger, rowsNode, get, archive], connections: { [trigger.name]: main(rowsNode.name), [rowsNode.name]: main(get.name, archive.name) }, settings: { executionOrder: 'v1' }, active: false };
}

async function shot(page, name, clip, { readme = true } = {}) {
	const file = join(ARTEFACTS, `${name}.png`);
	await page.screenshot({ path: file, clip });
	if (updateScreenshots && readme) {
		mkdirSync(README_SHOTS, { recursive: true });
		copyFileSync(file, join(README_SHOTS, `${name}.png`));
	}
	return file;
}

try {
	const sandbox = await startSandbox(work);
	children.push(sandbox.child);
	const n8n = createInstance(runtime, { folder: work, port: 5710, brokerPort: 5711 });
	step(`n8n ${VERSION}: installing the package and starting the editor`);
	await n8n.installPackage(await packPackage(work));
	children.push(await n8n.start(join(work, 'n8n.log')));

	step('opening the editor in headless Chromium');
	browser = await launchBrowser({ viewport: { width: 1440, height: 1000 } });
	const { page } = browser;
	const ui = editor(page, n8n.url);
	try {
		await ui.setUpOwner(OWNER);
		check('the owner account is set up through the editor', true);

		await ui.newWorkflow();
		await ui.addNodeAction('OneFile', 'Create a user');
		check('the OneFile node is found in the node creator and User → Create opens its panel', (await ui.ndv().innerText()).includes('Create a user'));

		step('creating the credential in the editor: a wrong token, then the right one');
		await ui.openNewCredential();
		await ui.fillCredential({ options: { environment: 'Custom Base URL' }, text: { baseUrl: sandbox.url, customerToken: 'not-the-customer-token-0000' } });
		const refused = await ui.saveCredential();
		await shot(page, 'credential-test-failed');
		check('the credential Test fails for a bad token, in plain words', refused.kind === 'error' && /OneFile rejected the customer token/.test(refused.text) && !refused.text.includes('not-the-customer-token'), show(refused));
		await ui.fillCredential({ text: { customerToken: DEMO_CUSTOMER_TOKEN } });
		const accepted = await ui.saveCredential();
		check('the credential Test succeeds against the sandbox', accepted.kind === 'success' && /tested successfully/i.test(accepted.text), show(accepted));
		await ui.closeCredential();

		step('User → Create: the fields per role');
		const TOP = ['Resource', 'Operation', 'Role'];
		const BOTTOM = ['Additional Fields', 'Options'];
		const shownByRole = {};
		for (const role of ALL_ROLES) {
			await ui.selectOption('role', ROLES[role].name);
			const shown = (await ui.visibleParameterLabels()).filter((label) => label !== 'Credential to connect with');
			shownByRole[role] = shown;
			const expected = [...TOP, ...requiredFields(role).map((f) => f.displayName), ...BOTTOM];
			check(`[${ROLES[role].name}] the form shows exactly the role's required fields`, same(shown, expected), `shown ${show(shown)}, role table ${show(expected)}`);
			const offered = await ui.collectionOptions('Additional Fields');
			const optional = optionalFields(role).map((f) => f.displayName).sort((a, b) => a.localeCompare(b));
			check(`[${ROLES[role].name}] Additional Fields offers exactly the role's optional fields`, same(offered, optional), `offered ${show(offered)}, role table ${show(optional)}`);
		}
		const placeFields = (role) => (shownByRole[role] ?? []).filter((label) => ['Default Assessor', 'Classroom', 'Placement'].includes(label));
		check('Learner shows Default Assessor, Classroom and Placement; Employer shows Placement; Assessor neither', same(placeFields('learner'), ['Default Assessor', 'Classroom', 'Placement']) && same(placeFields('employer'), ['Placement']) && same(placeFields('assessor'), []), show({ learner: placeFields('learner'), employer: placeFields('employer'), assessor: placeFields('assessor') }));

		step('dropdowns load from the sandbox');
		await ui.selectOption('role', ROLES.learner.name);
		const organisations = await ui.locatorEntries('organisationId');
		const seedOrganisations = Object.values(SEED.organisations).map((o) => o.name);
		check('the Organisation dropdown lists the sandbox\'s organisations', seedOrganisations.every((name) => organisations.some((entry) => entry.includes(name))), `listed ${show(organisations)}`);
		const business = SEED.organisations.keychainOff;
		await ui.pickLocatorEntry('organisationId', business.name);
		const classrooms = await ui.locatorEntries('classroomId');
		const seedClassrooms = SEED.classrooms.filter((c) => c.organisationId === business.id).map((c) => c.name);
		check('the Classroom dropdown lists that organisation\'s classrooms only', seedClassrooms.length > 0 && seedClassrooms.every((name) => classrooms.some((e) => e.includes(name))) && classrooms.length === seedClassrooms.length, `listed ${show(classrooms)}, seed ${show(seedClassrooms)}`);
		await ui.pickLocatorEntry('classroomId', seedClassrooms[0]);
		await ui.pickFirstLocatorEntry('defaultAssessorId');
		await ui.pickFirstLocatorEntry('placementId');
		await shot(page, 'create-learner');
		await ui.selectOption('role', ROLES.employer.name);
		await shot(page, 'create-employer');

		step('User → Assign: the fields per level');
		await ui.selectOption('operation', 'Assign');
		for (const [level, spec] of Object.entries(ASSIGN_LEVELS)) {
			await ui.selectOption('level', spec.name);
			const shown = await ui.visibleParameterLabels();
			const wants = { standard: spec.needs === 'standard', unit: spec.needs === 'unit' };
			check(`[Assign, ${spec.name}] Standard ${wants.standard ? 'shown' : 'hidden'}, Unit ${wants.unit ? 'shown' : 'hidden'}`, shown.includes('Standard') === wants.standard && shown.includes('Unit') === wants.unit, show(shown));
			const roles = await ui.optionNames('assigneeRole');
			const allowed = spec.roles.map((r) => ROLES[r].name);
			check(`[Assign, ${spec.name}] Assignee Role offers exactly the roles OneFile allows`, same([...roles].sort(), [...allowed].sort()), `offered ${show(roles)}, allowed ${show(allowed)}`);
		}
		await ui.selectOption('level', ASSIGN_LEVELS.learningAim.name);
		for (const locator of ['learnerId', 'assigneeId', 'standardId']) await ui.pickFirstLocatorEntry(locator);
		await shot(page, 'assign-learning-aim');

		step('progress, compliance and write-side resources: the forms render');
		const PROGRESS_FORMS = [
			['Learning Aim', 'Get Many', ['Organisation', 'Learner', 'Return All', 'Limit', 'Filters', 'Options']],
			['Review', 'Get Many', ['Organisation', 'Learner', 'Return All', 'Limit', 'Filters', 'Output', 'Options']],
			['Off-the-Job', 'Get Summary', ['Organisation', 'Learner', 'Options']],
			['Timesheet', 'Get Many', ['Organisation', 'Learner', 'Return All', 'Limit', 'Filters', 'Options']],
			['Plan', 'Get Many', ['Organisation', 'Learner', 'Return All', 'Limit', 'Options']],
			// The writing half of the month (issue: onboarding without stops).
			['Placement', 'Create', ['Organisation', 'Name', 'Additional Fields', 'Options']],
			['Classroom', 'Create or Update', ['Organisation', 'Match By', 'MIS ID', 'Name', 'Additional Fields', 'Options']],
			['Learning Aim', 'Update', ['Organisation', 'Learner', 'Learning Aim', 'Status', 'Update Fields', 'Options']],
			['Review', 'Schedule', ['Organisation', 'Learner', 'Scheduled For', 'Visit Type', 'Assessor', 'Employer', 'Options']],
			['Organisation', 'Get Learner Statuses', ['Organisation', 'Options']],
		];
		for (const [resource, operation, fields] of PROGRESS_FORMS) {
			await ui.selectOption('resource', resource);
			await ui.selectOption('operation', operation);
			const shown = (await ui.visibleParameterLabels()).filter((label) => label !== 'Credential to connect with');
			check(`[${resource} → ${operation}] the form shows its fields`, same(shown, ['Resource', 'Operation', ...fields]), show(shown));
			if (['Create', 'Schedule'].includes(operation)) await shot(page, `${resource}-${operation}`.toLowerCase().replace(/\s+/g, '-'));
		}
		await ui.selectOption('resource', 'User');
		await ui.selectOption('operation', 'Assign');

		step('Options → Requests in Parallel (node version 1.2): Auto or Fixed');
		const requestOptions = (names) => names.filter((name) => ['Requests in Parallel', 'Number in Parallel', "Auto's Most in Parallel"].includes(name));
		const offeredAtFirst = requestOptions(await ui.collectionOptions('Options'));
		check('Options offers Requests in Parallel and Auto\'s cap, not the number, while Auto is the default', same(offeredAtFirst, ['Auto\'s Most in Parallel', 'Requests in Parallel']), show(offeredAtFirst));
		await ui.addCollectionOption('Options', 'Requests in Parallel');
		const choices = await ui.optionNames('parallel');
		check('Requests in Parallel is a choice of Auto and Fixed', same(choices, ['Auto', 'Fixed']), show(choices));
		await ui.selectOption('parallel', 'Fixed');
		const offeredFixed = requestOptions(await ui.collectionOptions('Options'));
		check('with Fixed, Options offers Number in Parallel and no longer Auto\'s cap', same(offeredFixed, ['Number in Parallel']), show(offeredFixed));
		await ui.addCollectionOption('Options', 'Number in Parallel');
		const shownFixed = requestOptions(await ui.visibleParameterLabels());
		check('with Fixed, the form shows Requests in Parallel and Number in Parallel', same([...shownFixed].sort(), ['Number in Parallel', 'Requests in Parallel']), show(shownFixed));
		await shot(page, 'requests-in-parallel');
		await ui.selectOption('parallel', 'Auto');
		const shownAuto = requestOptions(await ui.visibleParameterLabels());
		check('back on Auto, Number in Parallel is hidden', same(shownAuto, ['Requests in Parallel']), show(shownAuto));

		step('the icon in light and dark mode');
		const light = await ui.panelIcon();
		check('light mode: the panel shows the light icon, rendered', light.rendered && /onefile\.svg$/.test(light.src), show(light));
		await shot(page, 'icon-light', PANEL_HEADER);
		await iconContrast('light', light.src);
		await ui.saveWorkflow();
		await ui.setTheme('dark');
		await ui.openNodeWithIcon('onefile');
		const dark = await ui.panelIcon();
		check('dark mode: the panel shows the dark icon, rendered', dark.rendered && /onefile\.dark\.svg$/.test(dark.src), show(dark));
		await shot(page, 'icon-dark', PANEL_HEADER);
		await iconContrast('dark', dark.src);

		step('example 6 (monthly compliance report) on the canvas');
		await ui.setTheme('light');
		const report = exampleWorkflow('compliance-report-csv.json', n8n.files);
		await n8n.importWorkflow(report);
		await page.goto(`${n8n.url}/workflow/${report.id}`);
		await page.getByTestId('canvas-node').first().waitFor();
		await page.keyboard.press('Shift+1'); // zoom to fit
		await page.waitForTimeout(800);
		const nodes = await page.getByTestId('canvas-node').count();
		check('example 6 opens in the editor with all its nodes', nodes === report.nodes.length, `${nodes} of ${report.nodes.length} nodes`);
		await shot(page, 'compliance-report');

		// Workflows the next steps run, made through n8n's REST API with the credential made above.
		const credentials = await ui.rest('/rest/credentials');
		const credential = credentials.find((c) => c.type === 'oneFileApi');
		const parse = createRequire(join(runtime.folder, 'package.json'))('flatted').parse;
		const execution = async (id) => {
			const full = await ui.rest(`/rest/executions/${id}`);
			return typeof full.data === 'string' ? parse(full.data) : full.data;
		};
		const visibleText = (locator) => locator.evaluate((element) => element.innerText);
		const squash = (text) => String(text ?? '').replace(/\s+/g, ' ').trim();

		step('a failed item in the editor: the message and each field\'s fix');
		const failing = await ui.rest('/rest/workflows', { method: 'POST', body: failedItemWorkflow(credential) });
		await page.goto(`${n8n.url}/workflow/${failing.id}`);
		await page.getByTestId('canvas-node').first().waitFor();
		const failedRun = await execution(await ui.executeWorkflow());
		// What the node itself said, from n8n's record of the run: the editor is not asked.
		const nodeError = failedRun.resultData.runData[FAILING_NODE]?.[0]?.error ?? failedRun.resultData.error ?? {};
		await ui.openNodeNamed(FAILING_NODE);
		const pane = ui.outputPane();
		await pane.getByTestId('node-error-message').waitFor();
		const shownMessage = squash(await visibleText(pane.getByTestId('node-error-message')));
		const description = pane.getByTestId('node-error-description');
		const shownLines = (await description.count()) ? (await visibleText(description)).split('\n').map(squash).filter(Boolean) : [];
		// The fixes as the node wrote them: list entries when the description is HTML, else its lines
		// (n8n renders the description as sanitised HTML, backticks as <code>: compare visible text).
		const fixes = await page.evaluate((html) => {
			const box = document.createElement('div');
			box.innerHTML = String(html ?? '').replace(/`(.*?)`/g, '<code>$1</code>');
			const items = [...box.querySelectorAll('li')];
			return items.length > 0 ? items.map((li) => li.textContent) : box.textContent.split('\n');
		}, nodeError.description);
		const expectedFixes = fixes.map(squash).filter(Boolean);
		const expectedMessage = squash(nodeError.message);
		const itemIndex = nodeError.context?.itemIndex ?? BAD_ROW;
		check('failed item: the output pane shows the node\'s message as written', expectedMessage !== '' && (shownMessage === expectedMessage || shownMessage === `${expectedMessage} [item ${itemIndex}]`), show({ shown: shownMessage, node: expectedMessage }));
		const names = BAD_FIELDS.map(fieldLabel);
		check('failed item: the message names the row and every field to fix', itemIndex === BAD_ROW && new RegExp(`\\bitem ${BAD_ROW}\\b|\\brow ${BAD_ROW + 1}\\b`, 'i').test(shownMessage) && names.every((name) => shownMessage.includes(name)), show({ shown: shownMessage, fields: names, itemIndex }));
		const shownDescription = squash(shownLines.join(' '));
		check('failed item: every field\'s fix is shown as written', expectedFixes.length >= names.length && expectedFixes.every((fix) => shownDescription.includes(fix)), show({ shown: shownDescription, node: expectedFixes }));
		const linesNaming = names.map((name) => shownLines.findIndex((line) => line.toLowerCase().includes(name.toLowerCase())));
		check('failed item: each field\'s fix on its own line', shownLines.length >= names.length && expectedFixes.every((fix) => shownLines.includes(fix)) && new Set(linesNaming).size === names.length && !linesNaming.includes(-1), show({ lines: shownLines, fixes: expectedFixes }));
		await ui.dismissToasts();
		await shot(page, 'failed-item', await pane.boundingBox());
		await ui.closeNode();

		step('execution hints in the output pane: Requests in Parallel (Auto), Preview');
		const hinting = await ui.rest('/rest/workflows', { method: 'POST', body: hintsWorkflow(credential) });
		await page.goto(`${n8n.url}/workflow/${hinting.id}`);
		await page.getByTestId('canvas-node').first().waitFor();
		const hintRun = await execution(await ui.executeWorkflow());
		const hintsOf = (node) => (hintRun.resultData.runData[node]?.[0]?.hints ?? []).map((h) => squash(h.message));
		for (const [node, prefix, name, screenshot] of [
			[AUTO_NODE, AUTO_HINT, 'Auto hint: the output pane shows what Requests in Parallel (Auto) did', 'auto-hint'],
			[PREVIEW_NODE, PREVIEW_HINT, 'Preview hint: the output pane says nothing was written to OneFile', undefined],
		]) {
			await ui.openNodeNamed(node);
			const pane = ui.outputPane();
			await pane.getByTestId('node-hint').first().waitFor();
			const shown = (await pane.getByTestId('node-hint').locator('visible=true').allInnerTexts()).map(squash);
			const given = hintsOf(node).filter((hint) => hint.startsWith(prefix));
			check(name, given.length === 1 && shown.includes(given[0]), show({ shown, node: hintsOf(node), items: hintRun.resultData.runData[node]?.[0]?.data?.main?.[0]?.length }));
			await ui.dismissToasts();
			if (screenshot) await shot(page, screenshot, await pane.boundingBox());
			await ui.closeNode();
		}
	} catch (error) {
		check('the browser steps ran', false, error.message.split('\n')[0]);
		await page.screenshot({ path: join(ARTEFACTS, 'failure.png') }).catch(() => undefined);
		const marks = await page.locator('[data-test-id]').evaluateAll((els) => [...new Set(els.filter((e) => e.checkVisibility()).map((e) => e.getAttribute('data-test-id')))]).catch(() => []);
		writeFileSync(join(ARTEFACTS, 'failure.txt'), `${error.stack}\n\nvisible data-test-id marks:\n${marks.join('\n')}\n`);
		console.log(`     (screenshot and visible marks in ${ARTEFACTS}/failure.*)`);
	}
	/**
	 * The four node icons at 16 px on the background of the panel that shows the icon now (this
	 * theme's), each's contrast printed and checked (see lib/contrast.mjs for how it is measured).
	 */
	async function iconContrast(theme, panelSrc) {
		const icon = ui.ndv().locator('img[src*="icons"]').first();
		const background = await backgroundBehind(icon);
		const base = new URL(panelSrc, n8n.url).href.replace(/[^/]+\.svg$/, '');
		const files = ['onefile.svg', 'onefile.dark.svg', 'bksb.svg', 'bksb.dark.svg'].filter((f) => f.includes('.dark.') === (theme === 'dark'));
		const measured = await measureIcons(page, { sources: files.map((f) => base + f), background, file: join(ARTEFACTS, `icon-16-${theme}.png`) });
		for (const [index, m] of measured.entries()) {
			console.log(`     ${theme}: ${files[index]} on ${m.background} (${background}): mark ${m.mark ?? 'none'} (${(m.share * 100).toFixed(0)} % of the icon), contrast ${m.ratio.toFixed(2)}:1`);
			check(`[${theme}] ${files[index]} at 16 px: contrast at least ${MIN_CONTRAST}:1 with the panel background`, m.mark !== undefined && m.ratio >= MIN_CONTRAST, show(m));
		}
	}
} catch (error) {
	check('the suite ran', false, error.message);
} finally {
	await browser?.close();
	await Promise.all(children.map((child) => stopProcess(child)));
	if (!process.env.KEEP_E2E) rmSync(work, { recursive: true, force: true });
}
finish();
