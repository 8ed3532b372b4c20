/**
 * The form n8n shows is computed by n8n's own NodeHelpers from the node description. These tests
 * ask n8n which fields it would show per role and level, and compare with the role table's rows
 * written out by hand from docs/onefile-api.md §5 and §6.2 (not derived from the table under test).
 */
import { NodeHelpers, type INodeParameters, type INodeProperties } from 'n8n-workflow';

import { OneFile } from '../../nodes/OneFile/OneFile.node';

const description = new OneFile().description;

/** Top-level parameter names n8n would keep (i.e. display) for these values. */
function shownFields(values: INodeParameters): string[] {
	const resolved = NodeHelpers.getNodeParameters(description.properties, values, true, false, { typeVersion: 1 }, description) ?? {};
	return Object.keys(resolved).sort();
}

/** Options of a collection that n8n offers for these values. */
function offeredOptions(collection: string, values: INodeParameters): string[] {
	const candidates = description.properties.filter((p) => p.name === collection && NodeHelpers.displayParameter(values, p, { typeVersion: 1 }, description));
	expect(candidates).toHaveLength(1);
	const options = (candidates[0].options ?? []) as INodeProperties[];
	return options.filter((o) => NodeHelpers.displayParameterPath(values, o, collection, { typeVersion: 1 }, description)).map((o) => o.name).sort();
}

const COMMON_CREATE = ['resource', 'operation', 'role', 'organisationId', 'firstName', 'lastName', 'email', 'additionalFields', 'options'];
const STAFF_OPTIONAL = ['createdOn', 'dateOfBirth', 'homeAddress', 'misId', 'mobileNumber', 'telephone', 'website', 'workAddress'];
const LEARNER_OPTIONAL = [
	...STAFF_OPTIONAL,
	'centreRegister', 'companyName', 'defaultEmployerId', 'episodeName', 'l12', 'l13', 'l14', 'l15', 'l16',
	'learnerStatusId', 'nino', 'plannedEndDate', 'providerId', 'startOn', 'supportFunding', 'uln',
].sort();

describe('User → Create shows exactly what each role needs (docs/onefile-api.md §5.2–5.3)', () => {
	test.each([
		['learner', ['defaultAssessorId', 'classroomId', 'placementId'], LEARNER_OPTIONAL],
		['employer', ['placementId'], STAFF_OPTIONAL],
		['observer', ['placementId'], STAFF_OPTIONAL],
		['assessor', [], STAFF_OPTIONAL],
		['traineeAssessor', [], STAFF_OPTIONAL],
		['iqa', [], STAFF_OPTIONAL],
	])('%s', (role, extraRequired, optional) => {
		const values = { resource: 'user', operation: 'create', role };
		expect(shownFields(values)).toEqual([...COMMON_CREATE, ...extraRequired].sort());
		expect(offeredOptions('additionalFields', values)).toEqual([...optional].sort());
	});

	test('the mandatory fields are marked required in the form', () => {
		const required = description.properties.filter((p) => p.required && p.displayOptions?.show?.resource?.includes('user') && p.displayOptions?.show?.operation?.includes('create')).map((p) => p.name);
		expect(required.sort()).toEqual(['classroomId', 'defaultAssessorId', 'email', 'firstName', 'lastName', 'organisationId', 'placementId']);
	});

	test('IDs of other records are dropdowns loaded from OneFile, with a By ID mode for sheets', () => {
		for (const name of ['organisationId', 'defaultAssessorId', 'classroomId', 'placementId']) {
			const property = description.properties.find((p) => p.name === name && p.displayOptions?.show?.resource?.includes('user') && p.displayOptions?.show?.operation?.includes('create'));
			expect(property?.type).toBe('resourceLocator');
			expect(property?.modes?.map((m) => m.name)).toEqual(['list', 'id']);
		}
	});
});

describe('User → Assign shows the level’s fields and roles (docs/onefile-api.md §6.2)', () => {
	test.each([
		['learningAim', ['standardId'], ['assessor', 'iqa', 'traineeAssessor']],
		['unitSummary', ['unitId'], ['assessor', 'iqa', 'traineeAssessor']],
		['additional', [], ['assessor', 'employer', 'iqa', 'observer', 'traineeAssessor']],
	])('%s', (level, extra, roles) => {
		const values = { resource: 'user', operation: 'assign', level };
		expect(shownFields(values)).toEqual(['resource', 'operation', 'organisationId', 'learnerId', 'level', 'assigneeRole', 'assigneeId', 'options', ...extra].sort());
		const roleField = description.properties.find((p) => p.name === 'assigneeRole' && NodeHelpers.displayParameter(values, p, { typeVersion: 1 }, description));
		expect((roleField?.options ?? []).map((o) => ('value' in o ? o.value : '')).sort()).toEqual(roles);
	});
});

describe('operations follow n8n naming', () => {
	test('every resource offered has operations, and every operation the router runs is offered', () => {
		const resources = (description.properties.find((p) => p.name === 'resource')?.options ?? []).map((o) => ('value' in o ? String(o.value) : ''));
		const offered = description.properties
			.filter((p) => p.name === 'operation')
			.flatMap((p) => (p.displayOptions?.show?.resource as string[]).flatMap((r) => (p.options ?? []).map((o) => `${r}.${'value' in o ? String(o.value) : ''}`)));
		expect([...new Set(offered.map((o) => o.split('.')[0]))].sort()).toEqual([...resources].sort());
		expect(offered.sort()).toEqual([
			'classroom.create', 'classroom.get', 'classroom.getAll', 'classroom.update', 'classroom.upsert', 'frameworkTemplate.getAll', 'learning.assignFrameworkTemplate', 'learning.assignStandard', 'learning.assignUnit',
			'learningAim.get', 'learningAim.getAll', 'learningAim.update', 'offTheJob.getSummary', 'organisation.checkCompatibility',
			'organisation.getAll', 'organisation.getLearnerStatuses', 'organisation.getLearningAimStatuses', 'placement.create', 'placement.get', 'placement.getAll', 'placement.update', 'placement.upsert', 'plan.get', 'plan.getAll', 'review.get', 'review.getAll', 'review.schedule', 'standard.getAll', 'timesheet.getAll', 'unit.getAll',
			'user.archive', 'user.assign', 'user.assignPlacement', 'user.create', 'user.get', 'user.getAll', 'user.unarchive', 'user.update', 'user.upsert',
		]);
	});

	test('resources and operations', () => {
		const operations = description.properties.filter((p) => p.name === 'operation');
		const names = operations.flatMap((p) => (p.options ?? []).map((o) => ('name' in o ? o.name : '')));
		expect([...new Set(names)].sort()).toEqual(['Archive', 'Assign', 'Assign Framework Template', 'Assign Placement', 'Assign Standard', 'Assign Unit', 'Check Compatibility', 'Create', 'Create or Update', 'Get', 'Get Learner Statuses', 'Get Learning Aim Statuses', 'Get Many', 'Get Summary', 'Schedule', 'Unarchive', 'Update']);
		for (const option of operations.flatMap((p) => p.options ?? [])) {
			expect(option).toEqual(expect.objectContaining({ action: expect.stringMatching(/^[A-Z][a-z]+( or [a-z]+)? (a|an|many) /) }));
		}
	});
});
