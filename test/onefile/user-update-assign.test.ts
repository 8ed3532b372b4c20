/** User → Update, Get and Assign through n8n's engine against the sandbox. */
import type { INodeParameters } from 'n8n-workflow';

import { SEED, seedFor } from '../../sandbox/onefile';
import { byId, calls, useOneFile } from '../harness/onefile';

const onefile = useOneFile();
const off = seedFor(SEED.organisations.keychainOff.id);
const learner = off.learners[0];

describe('User → Update', () => {
	test('sets the default assessor and default employer with a partial update, and says what changed', async () => {
		const parameters = {
			resource: 'user',
			operation: 'update',
			userId: byId(learner.id),
			updateFields: { defaultAssessorId: off.assessors[1].id, defaultEmployerId: '={{ $json.employer }}', misId: 'NEW-7' },
		};
		const result = await onefile.engine.run({ parameters, items: [{ employer: String(off.employers[0].id) }] });
		expect(result.status).toBe('success');
		const request = onefile.sandbox.requests().find((r) => r.path === `/User/${learner.id}` && r.method === 'POST');
		expect(request?.body).toEqual({ DefaultAssessorID: off.assessors[1].id, DefaultEmployerID: off.employers[0].id, MISID: 'NEW-7' });
		expect(request?.status).toBe(204);
		expect(result.json).toEqual([{ id: learner.id, updated: true, changed: { DefaultAssessorID: off.assessors[1].id, DefaultEmployerID: off.employers[0].id, MISID: 'NEW-7' } }]);
		const stored = onefile.sandbox.users().find((u) => u.ID === learner.id);
		expect(stored).toEqual(expect.objectContaining({ DefaultAssessorID: off.assessors[1].id, DefaultEmployerID: off.employers[0].id, MISID: 'NEW-7' }));
	});

	test('nothing to change is an item error before any request', async () => {
		const result = await onefile.engine.run({ parameters: { resource: 'user', operation: 'update', userId: byId(learner.id), updateFields: { misId: '' } }, continueOnFail: true });
		expect(result.json[0].error).toBe('Cannot update the user: Update Fields has nothing to change [item 0]');
		expect(onefile.sandbox.requests()).toEqual([]);
	});

	test('User → Get returns the OneFile record', async () => {
		const result = await onefile.engine.run({ parameters: { resource: 'user', operation: 'get', userId: byId(learner.id) } });
		expect(result.json[0]).toEqual(expect.objectContaining({ ID: learner.id, FirstName: learner.firstName, Email: learner.email }));
	});
});

describe('User → Assign at each level (docs/onefile-api.md §6.2)', () => {
	function assign(level: string, assigneeRole: string, assigneeId: number, extra: INodeParameters = {}): INodeParameters {
		return { resource: 'user', operation: 'assign', organisationId: byId(off.organisation.id), learnerId: byId(learner.id), level, assigneeRole, assigneeId: byId(assigneeId), ...extra };
	}

	test.each([
		['learningAim', 'assessor', off.assessors[1].id, { standardId: byId(301) }, { Level: 3, StandardID: 301 }],
		['learningAim', 'iqa', off.iqas[0].id, { standardId: byId(301) }, { Level: 3, StandardID: 301 }],
		['unitSummary', 'assessor', off.assessors[0].id, { unitId: byId('BA3_U01') }, { Level: 2, UnitID: 'BA3_U01' }],
		['additional', 'employer', off.employers[0].id, {}, { Level: 1 }],
		['additional', 'observer', off.observers[0].id, {}, { Level: 1 }],
	])('%s: %s', async (level, role, assigneeId, extra, body) => {
		const result = await onefile.engine.run({ parameters: assign(level, role, assigneeId, extra) });
		expect(result.status).toBe('success');
		// The path carries the assignee, the body the learner (public client code; see README).
		const request = onefile.sandbox.requests().find((r) => r.path.endsWith('/Assign'));
		expect(request).toEqual(expect.objectContaining({ method: 'POST', path: `/User/${assigneeId}/Assign`, body: { LearnerID: learner.id, ...body }, status: 200 }));
		expect(result.json[0]).toEqual(expect.objectContaining({ assigned: true, learnerId: learner.id, assigneeId }));
		expect(onefile.sandbox.contractViolations()).toEqual([]);
	});

	test('a role the level does not allow is refused before any request', async () => {
		// e.g. a workflow saved with Additional → Employer, then switched to Learning Aim
		const result = await onefile.engine.run({ parameters: assign('learningAim', 'employer', off.employers[0].id, { standardId: byId(301) }), continueOnFail: true });
		expect(result.json[0].error).toBe('Cannot assign the user: Assignee Role Employer cannot be assigned at Learning Aim level [item 0]');
		expect(result.json[0].description).toMatch(/allows Assessor \/ Tutor, Trainee Assessor, IV \/ IQA; use the Additional level for employers and observers/);
		expect(onefile.sandbox.requests()).toEqual([]);
	});

	test('a missing standard or unit is refused before any request', async () => {
		const result = await onefile.engine.run({
			parameters: assign('unitSummary', 'assessor', off.assessors[0].id, { unitId: byId('={{ $json.unit }}') }),
			items: [{ unit: '' }],
			continueOnFail: true,
		});
		expect(result.json[0].error).toMatch(/^Cannot assign the user: Unit is missing \[item 0\]$/);
		expect(onefile.sandbox.requests()).toEqual([]);
	});

	test("OneFile's own refusal (an assignee who is not the role chosen) comes back in words", async () => {
		// The form says Assessor, but the ID is an employer's: only OneFile can know.
		const result = await onefile.engine.run({ parameters: assign('learningAim', 'assessor', off.employers[0].id, { standardId: byId(301) }), continueOnFail: true });
		expect(result.json[0].error).toMatch(/^OneFile refused the request \(code -?\d+, HTTP 400\) while trying to assign user \d+ to learner \d+$/);
		expect(result.json[0].description).toMatch(/^OneFile said: ".+"\./);
		expect(calls(onefile.sandbox).filter((c) => c.includes('/Assign'))).toHaveLength(1);
	});
});
