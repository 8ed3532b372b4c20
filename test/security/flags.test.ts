/**
 * Hostile input, round 2, point 1: a yes/no setting set by an expression (a sheet cell TRUE, "yes",
 * 1) means yes, wherever it is read; "maybe" stops the row naming the setting; and a run meant to
 * send nothing (Validate Only) never sends a write, whatever spelling turned it on. Through n8n's
 * engine against the sandbox, whose log shows every request that reached it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { BksbApi } from '../../credentials/BksbApi.credentials';
import { Bksb } from '../../nodes/Bksb/Bksb.node';
import { SEED, seedFor } from '../../sandbox/onefile';
import { Engine } from '../harness/engine';
import { byId, calls, useOneFile } from '../harness/onefile';
import { BKSB_TYPE } from './fixture';
import { json, startHost, type Host } from './hosts';

const onefile = useOneFile();
const org = seedFor(SEED.organisations.keychainOff.id);
const learner = org.learners[0];

const YES = ['TRUE', 'true', 1, '1', 'yes', 'Yes', 'on', true];
const NO = ['FALSE', 'false', 0, '0', 'no', 'off', false];

const newLearner = (n: number): INodeParameters => ({
	resource: 'user',
	operation: 'create',
	role: 'learner',
	organisationId: byId(org.organisation.id),
	firstName: `Flag${n}`,
	lastName: 'Learner',
	email: `flag.${n}@example.com`,
	defaultAssessorId: byId(org.assessors[0].id),
	classroomId: byId(org.classrooms[0].id),
	placementId: byId(org.placements[0].id),
	additionalFields: {},
	options: { validateOnly: '={{ $json.dry }}' },
});
const writes = () => onefile.sandbox.requests().filter((r) => r.method === 'POST' && !/Search|Authentication/.test(r.path));

describe('Validate Only set by an expression', () => {
	test.each(YES.map((dry) => [dry]))('%p: User → Create sends nothing, every row comes out checked', async (dry) => {
		const result = await onefile.engine.run({ parameters: newLearner(1), items: [{ dry }, { dry }] });
		expect(result.status).toBe('success');
		expect(result.json.map((r) => r.valid)).toEqual([true, true]);
		expect(onefile.sandbox.requests()).toEqual([]);
	});

	test.each(YES.map((dry) => [dry]))('%p: User → Create or Update sends nothing', async (dry) => {
		const parameters = { ...newLearner(2), operation: 'upsert', matchBy: 'email' };
		const result = await onefile.engine.run({ parameters, items: [{ dry }] });
		expect(result.json[0].valid).toBe(true);
		expect(onefile.sandbox.requests()).toEqual([]);
	});

	test.each(NO.map((dry) => [dry]))('%p: the learner is created for real', async (dry) => {
		const result = await onefile.engine.run({ parameters: newLearner(3), items: [{ dry }] });
		expect(result.json[0].created).toBe(true);
		expect(writes().map((r) => r.path)).toEqual(['/User']);
	});

	test.each([['maybe'], [2], ['={{ { a: 1 } }}']])('%p: the row fails naming Validate Only, nothing is sent', async (dry) => {
		const parameters = { ...newLearner(4), options: { validateOnly: typeof dry === 'string' && dry.startsWith('=') ? dry : '={{ $json.dry }}' } };
		const result = await onefile.engine.run({ parameters, items: [{ dry }], continueOnFail: true });
		expect(result.json[0].error).toMatch(/^Cannot create the Learner: Validate Only .* is not yes or no \[item 0\]$/);
		expect(onefile.sandbox.requests()).toEqual([]);
	});
});

describe('every other yes/no setting reads a sheet\'s TRUE as yes', () => {
	const run = async (parameters: INodeParameters, items: IDataObject[] = [{ on: 'TRUE' }]) => await onefile.engine.run({ parameters, items, continueOnFail: true });
	const body = (path: RegExp) => onefile.sandbox.requests().find((r) => path.test(r.path))?.body;

	test('Timesheet → Off-the-Job Only', async () => {
		const result = await run({ resource: 'timesheet', operation: 'getAll', learnerId: byId(learner.id), returnAll: true, filters: { offTheJobOnly: '={{ $json.on }}' } });
		const all = onefile.sandbox.timesheets().filter((t) => t.LearnerID === learner.id);
		expect(all.some((t) => !t.IsOffTheJob)).toBe(true);
		expect(result.json.length).toBe(all.filter((t) => t.IsOffTheJob).length);
		expect(result.json.every((t) => t.IsOffTheJob === true)).toBe(true);
	});

	test('Learning Aim → Completed Only', async () => {
		await run({ resource: 'learningAim', operation: 'getAll', learnerId: byId(learner.id), returnAll: true, filters: { completedOnly: '={{ $json.on }}' } });
		expect(body(/LearningAim\/Search/)).toEqual({ UserID: learner.id, LearningAimCompletionStatus: 1 });
	});

	test('Review → Full Records', async () => {
		await run({ resource: 'review', operation: 'getAll', organisationId: byId(org.organisation.id), learnerId: byId(learner.id), returnAll: true, options: { fullRecords: '={{ $json.on }}' } });
		expect(calls(onefile.sandbox).some((c) => /^GET \/Review\/\d+ 200$/.test(c))).toBe(true);
	});

	test('Return All', async () => {
		const large = SEED.organisations.large.id;
		const result = await run({ resource: 'review', operation: 'getAll', organisationId: byId(large), returnAll: '={{ $json.on }}', limit: 5 });
		expect(result.json.length).toBe(onefile.sandbox.reviews().filter((r) => r.OrganisationID === large).length);
	});

	test('User → Assign Placement → Grant Access', async () => {
		await run({ resource: 'user', operation: 'assignPlacement', userId: byId(org.employers[0].id), placementId: byId(org.placements[1].id), grantAccess: '={{ $json.on }}' });
		expect(calls(onefile.sandbox)).toContain(`POST /User/${org.employers[0].id}/AssignPlacement/${org.placements[1].id}/true 200`);
	});

	test('Learning → Assign Framework Template → Only Change Assigned', async () => {
		const template = org.frameworkTemplates[0];
		await run({ resource: 'learning', operation: 'assignFrameworkTemplate', learnerId: byId(learner.id), frameworkTemplateId: byId(template.id), onlyChangeAssigned: '={{ $json.on }}' });
		expect(calls(onefile.sandbox)).toContain(`POST /FrameworkTemplate/${template.id}/Assign/${learner.id}/true 204`);
	});

	test('User → Create → Include Password', async () => {
		const result = await run({ ...newLearner(5), options: { includePassword: '={{ $json.on }}' } });
		expect(typeof result.json[0].password).toBe('string');
	});

	test('a setting that is neither stops the row, naming it, before any request', async () => {
		const result = await run({ resource: 'user', operation: 'assignPlacement', userId: byId(org.employers[0].id), placementId: byId(org.placements[1].id), grantAccess: '={{ $json.on }}' }, [{ on: 'perhaps' }]);
		expect(result.json[0].error).toBe('Cannot assign the placement: Grant Access "perhaps" is not yes or no [item 0]');
		expect(onefile.sandbox.requests()).toEqual([]);
	});
});

describe('bksb → Create → Auto-Enrol on Courses', () => {
	let api: Host;
	beforeAll(async () => {
		api = await startHost('127.0.0.1');
	});
	afterAll(async () => await api.close());

	test.each([['TRUE', true], ['1', true], [0, false], ['no', false]])('%p is sent as %p', async (given, sent) => {
		api.seen.length = 0;
		api.routes = { 'POST /api/users/createUser': (_req, res) => json(res, 200, { UserId: 7 }) };
		const engine = new Engine({ bksbApi: { region: 'custom', url: api.origin, basePath: '/api', accessKeyId: 'key-id', secretKey: 'secret-key' } }, { nodeTypes: { [BKSB_TYPE]: new Bksb() }, credentialTypes: { bksbApi: new BksbApi() } });
		const result = await engine.run({ parameters: { resource: 'user', operation: 'create', username: 'amira', firstname: 'Amira', lastname: 'Khan', additionalFields: { autoEnrolCourses: '={{ $json.on }}' } }, items: [{ on: given }] }, BKSB_TYPE);
		expect(result.status).toBe('success');
		expect(JSON.parse(api.seen[0].body).AutoEnrolCourses).toBe(sent);
	});
});

test('no operation reads a yes/no parameter with === true or !== true (they go through the shared checks)', () => {
	const { execSync } = jest.requireActual<typeof import('node:child_process')>('node:child_process');
	const files = execSync('git ls-files nodes', { cwd: join(__dirname, '../..') }).toString().trim().split('\n').filter((f) => f.endsWith('.ts'));
	const flagNames = ['validateOnly', 'preview', 'offTheJobOnly', 'completedOnly', 'fullRecords', 'grantAccess', 'includePassword', 'fetchFullRecord', 'simplify', 'autoEnrolCourses', 'onlyChangeAssigned', 'returnAll', 'lookUpId'];
	const offenders: string[] = [];
	for (const file of files) {
		const lines = readFileSync(join(__dirname, '../..', file), 'utf8').split('\n');
		lines.forEach((line, i) => {
			const parameterRead = /getNodeParameter[^;]*\)\s*(as [A-Za-z]+\s*)?[!=]==\s*(true|false)/.test(line);
			const flagRead = new RegExp(`\\.(${flagNames.join('|')})\\b[^;]{0,20}[!=]==\\s*(true|false)`).test(line);
			if (parameterRead || flagRead) offenders.push(`${file}:${i + 1}: ${line.trim()}`);
		});
	}
	expect(offenders).toEqual([]);
});
