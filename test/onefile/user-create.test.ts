/**
 * User → Create through n8n's engine against the sandbox: the body each role sends, what the
 * output says, and that bad input stops the item before any request.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { SEED, seedFor } from '../../sandbox/onefile';
import { byId, useOneFile } from '../harness/onefile';

const onefile = useOneFile();
const off = seedFor(SEED.organisations.keychainOff.id);
const on = seedFor(SEED.organisations.keychainOn.id);

function createParameters(role: string, org = off, extra: INodeParameters = {}): INodeParameters {
	const parameters: INodeParameters = {
		resource: 'user',
		operation: 'create',
		role,
		organisationId: byId(org.organisation.id),
		firstName: '={{ $json.first }}',
		lastName: '={{ $json.last }}',
		email: '={{ $json.email }}',
	};
	if (role === 'learner') {
		parameters.defaultAssessorId = byId(org.assessors[0].id);
		parameters.classroomId = byId(org.classrooms[0].id);
	}
	if (['learner', 'employer', 'observer'].includes(role)) parameters.placementId = byId(org.placements[0].id);
	return { ...parameters, ...extra };
}

const row = { first: 'Amira', last: 'Khan', email: 'amira.khan@example.com' };

const createBodies = () => onefile.sandbox.requests().filter((r) => r.method === 'POST' && r.path === '/User').map((r) => r.body);

describe('each role sends exactly the documented body', () => {
	test.each([
		['learner', 1, { DefaultAssessorID: off.assessors[0].id, ClassroomID: off.classrooms[0].id, PlacementID: off.placements[0].id }],
		['traineeAssessor', 4, {}],
		['assessor', 5, {}],
		['iqa', 10, {}],
		['employer', 40, { PlacementID: off.placements[0].id }],
		['observer', 45, { PlacementID: off.placements[0].id }],
	])('%s', async (role, roleId, extra) => {
		const result = await onefile.engine.run({ parameters: createParameters(role), items: [row] });
		expect(result.status).toBe('success');
		expect(createBodies()).toEqual([{ OrganisationID: off.organisation.id, FirstName: 'Amira', LastName: 'Khan', Email: 'amira.khan@example.com', Role: roleId, ...extra }]);
		expect(onefile.sandbox.contractViolations()).toEqual([]);
		const created = onefile.sandbox.users().filter((u) => u.Email === row.email);
		expect(created).toHaveLength(1);
		expect(result.json[0]).toEqual(expect.objectContaining({ id: created[0].ID, created: true, loginDetails: 'returned' }));
	});
});

test('optional fields of the role go in Additional Fields, typed and formatted as OneFile expects', async () => {
	const parameters = createParameters('learner', off, {
		additionalFields: { misId: '={{ $json.mis }}', uln: '={{ $json.uln }}', dateOfBirth: '={{ $json.dob }}', startOn: '2025-09-01', supportFunding: true, l13: 'F', nino: 'qq 12 34 56 c' },
	});
	const result = await onefile.engine.run({ parameters, items: [{ ...row, mis: 'C-001', uln: 1234567890, dob: '23/09/2005' }] });
	expect(result.status).toBe('success');
	expect(createBodies()[0]).toEqual(expect.objectContaining({ MISID: 'C-001', ULN: '1234567890', DOB: '2005-09-23T00:00:00.000Z', StartOn: '2025-09-01T00:00:00.000Z', SupportFunding: true, L13: 'F', NINO: 'QQ123456C' }));
	expect(onefile.sandbox.contractViolations()).toEqual([]);
});

describe('what comes back depends on the Keychain centre setting (docs/onefile-api.md §5.4)', () => {
	test('off: the ID and username, and the password only when asked for', async () => {
		const without = await onefile.engine.run({ parameters: createParameters('assessor'), items: [row] });
		expect(without.json[0]).toEqual(expect.objectContaining({ loginDetails: 'returned', username: expect.any(String) }));
		expect(without.json[0].password).toBeUndefined();
		expect(without.json[0].message).toMatch(/OneFile returned the login details; the password is left out/);
		const withPassword = await onefile.engine.run({ parameters: createParameters('assessor', off, { options: { includePassword: true } }), items: [{ ...row, email: 'other@example.com' }] });
		expect(withPassword.json[0].password).toEqual(expect.any(String));
	});

	test('on: a verification email was sent, and the new ID is looked up by email', async () => {
		const result = await onefile.engine.run({ parameters: createParameters('learner', on), items: [row] });
		const created = onefile.sandbox.users().find((u) => u.Email === row.email);
		expect(result.json[0]).toEqual(expect.objectContaining({ id: created?.ID, loginDetails: 'verification email sent' }));
		expect(result.json[0].message).toMatch(/Keychain setting is on .* sent a verification email to amira\.khan@example\.com/);
		expect(onefile.sandbox.requests().map((r) => `${r.method} ${r.path}`).slice(1)).toEqual(['POST /User', 'POST /User/Search/1/10']);
	});
});

describe('bad input stops the item before any request, naming the item, the field and the fix', () => {
	test('a missing mandatory field and a malformed email, for row 2 of 3', async () => {
		const items = [row, { first: 'Ben', last: '', email: 'ben@' }, { ...row, email: 'c@example.com' }];
		const result = await onefile.engine.run({ parameters: createParameters('learner'), items, continueOnFail: true });
		expect(result.json).toHaveLength(3);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(result.json[1].error).toBe('Cannot create the Learner: 2 fields need fixing: Last Name is missing; Email "ben@" is not an email address [item 1]');
		expect(result.json[1].description).toMatch(/^- Last Name: A Learner must have a Last Name.*\n- Email: Use an address like name@example.com/s);
		expect(createBodies().map((b) => (b as IDataObject).Email)).toEqual(['amira.khan@example.com', 'c@example.com']);
	});

	test('without Continue On Fail the run stops at the bad item with the same error', async () => {
		// An empty cell mapped by expression; a literally empty required field is refused by n8n itself.
		const result = await onefile.engine.run({ parameters: createParameters('employer', off, { placementId: byId('={{ $json.placement }}') }), items: [{ ...row, placement: '' }] });
		expect(result.status).toBe('error');
		expect(result.error).toEqual(expect.objectContaining({ name: 'NodeOperationError', message: 'Cannot create the Employer: Placement is missing [item 0]', context: expect.objectContaining({ itemIndex: 0 }) }));
		expect(onefile.sandbox.requests()).toEqual([]);
	});

	test('a learner-only field left over from switching the role is never sent for staff', async () => {
		// n8n drops collection values whose option the role hides; the node's own check (unit-tested) backs it up.
		const result = await onefile.engine.run({ parameters: createParameters('observer', off, { additionalFields: { uln: '1234567890', misId: 'OBS-1' } }), items: [row] });
		expect(result.status).toBe('success');
		expect(createBodies()[0]).toEqual(expect.objectContaining({ MISID: 'OBS-1' }));
		expect(createBodies()[0]).not.toHaveProperty('ULN');
		expect(onefile.sandbox.contractViolations()).toEqual([]);
	});
});

describe("OneFile's refusals in plain words", () => {
	test.each([
		['organisation', { organisationId: byId(999) }, -11],
		['placement', { placementId: byId(999) }, -57],
		['classroom', { classroomId: byId(999) }, -58],
	])('unknown %s', async (what, override, code) => {
		const result = await onefile.engine.run({ parameters: { ...createParameters('learner'), ...override }, items: [row], continueOnFail: true });
		expect(result.json[0].error).toBe(`OneFile could not find that ${what} (code ${code}) while trying to create the Learner`);
		expect(result.json[0].description).toMatch(new RegExp(`^OneFile said: ".+"\\. Check the ${what[0].toUpperCase()}${what.slice(1)}`));
		expect(result.json[0].httpCode).toBe('400');
	});

	test('a placement of another organisation is refused by OneFile, not guessed at by the node', async () => {
		const result = await onefile.engine.run({ parameters: { ...createParameters('learner'), placementId: byId(on.placements[0].id) }, items: [row], continueOnFail: true });
		expect(result.json[0].error).toMatch(/^OneFile (could not find that placement|refused the request)/);
	});
});
