import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { filtersCollection, returnAllOrLimit } from '../../descriptions/common.descriptions';
import { locatorProperty } from '../../descriptions/rlc.description';
import { ALL_ROLES, ROLES, isRole } from '../../descriptions/roles';
import { updateDisplayOptions } from '../../helpers/displayOptions';
import { readCollection, readLimit, readParam, throwIfProblems, toItems } from '../../helpers/params';
import type { Problem } from '../../helpers/userBody';
import { isBlank, normaliseId, normaliseValue } from '../../helpers/values';
import { oneFileSearchAll } from '../../transport/paging';

export const properties: INodeProperties[] = [
	locatorProperty({ name: 'organisationId', displayName: 'Organisation', locator: 'organisation', description: 'The organisation whose users to list' }),
	...returnAllOrLimit,
	filtersCollection([
			{ displayName: 'Email', name: 'email', type: 'string', default: '', placeholder: 'e.g. amira.khan@example.com' },
			{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
			{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
			{ displayName: 'MIS ID', name: 'misId', type: 'string', default: '' },
			{ displayName: 'Modified Since', name: 'modifiedSince', type: 'dateTime', default: '', description: 'Only users changed at or after this time' },
			{
				displayName: 'Role',
				name: 'role',
				type: 'options',
				options: ALL_ROLES.map((role) => ({ name: ROLES[role].name, value: role })),
				default: 'learner',
			},
	]),
];

const displayOptions = { show: { resource: ['user'], operation: ['getAll'] } };

export const description = updateDisplayOptions(displayOptions, properties);

const TEXT_FILTERS = { email: 'Email', firstName: 'FirstName', lastName: 'LastName', misId: 'MISID' } as const;

/** OneFile answers with summary rows `{ID, FirstName, LastName, MISID}`; use User → Get for more. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const problems: Problem[] = [];
	const body: IDataObject = {};
	const organisation = normaliseId(readParam.call(this, 'organisationId', itemIndex));
	if (organisation.ok) body.OrganisationID = organisation.value as number;
	else problems.push({ field: 'Organisation', problem: organisation.problem, fix: organisation.fix });
	const filters = readCollection.call(this, 'filters', itemIndex);
	for (const [param, apiName] of Object.entries(TEXT_FILTERS)) {
		if (!isBlank(filters[param])) body[apiName] = String(filters[param]).trim();
	}
	if (!isBlank(filters.role)) {
		if (isRole(filters.role)) body.Role = ROLES[filters.role].id;
		else problems.push({ field: 'Role', problem: `"${String(filters.role)}" is not a OneFile role`, fix: 'Pick a role from the list' });
	}
	if (!isBlank(filters.modifiedSince)) {
		const since = normaliseValue('dateTime', filters.modifiedSince);
		if (since.ok) body.LastModified = since.value as string;
		else problems.push({ field: 'Modified Since', problem: since.problem, fix: since.fix });
	}
	throwIfProblems.call(this, 'Cannot list users', itemIndex, problems);
	const rows = await oneFileSearchAll.call(this, '/User/Search', body, { itemIndex, limit: readLimit.call(this, itemIndex), action: 'list users' });
	return toItems.call(this, rows, itemIndex);
}
