import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { Checker } from '../../../shared/checks/checker';
import { isBlank } from '../../../shared/checks/values';
import { updateDisplayOptions } from '../../../shared/descriptions/displayOptions';
import {
	filtersCollection,
	readLimit,
	returnAllOrLimit,
} from '../../../shared/descriptions/returnAllOrLimit';
import { compact } from '../../../shared/http/body';
import { toItems } from '../../../shared/items/output';
import { optionsCollection } from '../../descriptions/options';
import { locatorProperty } from '../../descriptions/rlc.description';
import { ALL_ROLES, isRole, ROLES } from '../../descriptions/roles';
import { ONEFILE_LISTS, oneFileSearchAll } from '../../transport/paging';
import type { RequestSettings } from '../../transport/settings';

export const properties: INodeProperties[] = [
	locatorProperty({
		name: 'organisationId',
		displayName: 'Organisation',
		locator: 'organisation',
		description: 'The organisation whose users to list',
	}),
	...returnAllOrLimit,
	filtersCollection([
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			default: '',
			placeholder: 'e.g. amira.khan@example.com',
			description:
				"Only the user with this email address: the way to find a person's OneFile ID from their email",
		},
		{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
		{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
		{ displayName: 'MIS ID', name: 'misId', type: 'string', default: '' },
		{
			displayName: 'Modified Since',
			name: 'modifiedSince',
			type: 'dateTime',
			default: '',
			description: 'Only users changed at or after this time',
		},
		{
			displayName: 'Role',
			name: 'role',
			type: 'options',
			options: ALL_ROLES.map((role) => ({ name: ROLES[role].name, value: role })),
			default: 'learner',
		},
	]),
	optionsCollection(),
];

const displayOptions = { show: { resource: ['user'], operation: ['getAll'] } };

export const description = updateDisplayOptions(displayOptions, properties);

const TEXT_FILTERS = [
	['email', 'Email', 'Email'],
	['firstName', 'First Name', 'FirstName'],
	['lastName', 'Last Name', 'LastName'],
	['misId', 'MIS ID', 'MISID'],
] as const;

/** OneFile answers with summary rows `{ID, FirstName, LastName, MISID}`; use User → Get for more. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
): Promise<INodeExecutionData[]> {
	const check = new Checker(this, itemIndex, 'Cannot list users', 'OneFile');
	const body: IDataObject = {
		OrganisationID: check.id('Organisation', check.param('organisationId')),
	};
	const filters = check.collection('filters');
	for (const [param, label, apiName] of TEXT_FILTERS)
		body[apiName] = check.text(label, filters[param], { optional: true });
	if (!isBlank(filters.role)) {
		if (isRole(filters.role)) body.Role = ROLES[filters.role].id;
		else
			check.add({
				field: 'Role',
				problem: `"${String(filters.role)}" is not a OneFile role`,
				fix: 'Pick a role from the list',
			});
	}
	body.LastModified = check.value('dateTime', 'Modified Since', filters.modifiedSince, {
		optional: true,
	});
	const limit = readLimit(check);
	check.done();
	const rows = await oneFileSearchAll.call(this, ONEFILE_LISTS.user, compact(body), {
		settings,
		itemIndex,
		limit,
		action: 'list users',
	});
	return toItems.call(this, rows, itemIndex);
}
