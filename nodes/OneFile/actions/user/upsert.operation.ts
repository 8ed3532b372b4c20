import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ROLES } from '../../descriptions/roles';
import { additionalFieldsProperty, fieldProperty, requiredFieldProperties, roleProperty, userField } from '../../descriptions/userFields';
import { readCreateInput } from '../../helpers/createInput';
import { createUser } from '../../helpers/createUser';
import { updateDisplayOptions } from '../../helpers/displayOptions';
import { findMatchingUsers, MATCH_FIELDS, type MatchBy } from '../../helpers/matching';
import { readParam, throwIfProblems, toItems } from '../../helpers/params';
import { oneFileApiRequest } from '../../transport';

export const properties: INodeProperties[] = [
	roleProperty,
	{
		displayName: 'Match By',
		name: 'matchBy',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Email', value: 'email', description: 'The user with this email, in this organisation and role' },
			{ name: 'MIS ID', value: 'misId', description: 'The user with this MIS ID, in this organisation and role' },
		],
		default: 'email',
		description: 'How to recognise a user who is already in OneFile. Found: the user is updated. Not found: the user is created. Two found: the item fails, nothing is changed.',
	},
	{ ...fieldProperty(userField('MISID'), { required: true, asLocator: false }), displayOptions: { show: { matchBy: ['misId'] } } },
	...requiredFieldProperties(),
	additionalFieldsProperty({ misId: { '/matchBy': ['misId'] } }),
];

const displayOptions = { show: { resource: ['user'], operation: ['upsert'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** Fields a create sends that an update must not: they identify where the user lives. */
const FIXED_ON_UPDATE = ['Role', 'OrganisationID'];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const matchBy = this.getNodeParameter('matchBy', itemIndex) as MatchBy;
	const { role, body, options } = readCreateInput.call(this, itemIndex, matchBy === 'misId' ? { misId: readParam.call(this, 'misId', itemIndex) as IDataObject[string] } : {});
	const roleName = ROLES[role].name;
	const { apiName, label } = MATCH_FIELDS[matchBy];
	if (body[apiName] === undefined) {
		throwIfProblems.call(this, `Cannot create or update the ${roleName}`, itemIndex, [{ field: 'MIS ID', problem: 'is missing', fix: 'Match By is MIS ID, so every row needs one: fill it in, or match by Email' }]);
	}

	const matches = await findMatchingUsers.call(this, itemIndex, matchBy, body);
	if (matches.length > 1) {
		throw new NodeOperationError(this.getNode(), `${matches.length} ${roleName}s in organisation ${String(body.OrganisationID)} have the ${label} ${String(body[apiName])}: cannot tell which to update [item ${itemIndex}]`, {
			itemIndex,
			description: `Nothing was changed. Their IDs: ${matches.map((m) => String(m.ID)).join(', ')}. ${matchBy === 'email' ? 'Match by MIS ID instead, or' : 'Give each user its own MIS ID in OneFile, or'} remove the duplicate in OneFile.`,
		});
	}
	if (matches.length === 0) {
		const created = await createUser.call(this, itemIndex, role, body, { ...options, matchBy, knownAbsent: true });
		return toItems.call(this, { action: 'created', ...created }, itemIndex);
	}

	const id = matches[0].ID as number;
	const changes: IDataObject = Object.fromEntries(Object.entries(body).filter(([key]) => !FIXED_ON_UPDATE.includes(key)));
	await oneFileApiRequest.call(this, { method: 'POST', endpoint: `/User/${id}`, body: changes, itemIndex, action: `update ${roleName} ${id}`, idempotent: true });
	return toItems.call(this, {
		action: 'updated',
		id,
		role: roleName,
		firstName: body.FirstName,
		lastName: body.LastName,
		email: body.Email,
		...(body.MISID !== undefined ? { misId: body.MISID } : {}),
		created: false,
		changed: changes,
		message: `Updated ${roleName} ${String(body.FirstName)} ${String(body.LastName)} (ID ${id}), found by ${label}.`,
	}, itemIndex);
}
