import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { Checker } from '../../../shared/checks/checker';
import { isRole, requiredFields, ROLES, type Role } from '../../descriptions/roles';
import { createUserBody } from '../../helpers/userBody';
import type { CreateOptions } from './createUser';

/** The options of Create and Create or Update (with the request options, see options.ts). */
export const createOptions: INodeProperties[] = [
	{
		displayName: 'Include Password',
		name: 'includePassword',
		type: 'boolean',
		default: false,
		description:
			'Whether to put the new login password in the output when OneFile returns one (Keychain setting off). Off by default so passwords do not end up in sheets or logs.',
	},
	{
		displayName: 'Look Up New User ID',
		name: 'lookUpId',
		type: 'boolean',
		default: true,
		description:
			"Whether to find the new user's ID by email (or MIS ID) when OneFile does not return it (Keychain setting on). Costs one search per user.",
	},
];

export interface CreateInput {
	role: Role;
	body: IDataObject;
	options: CreateOptions;
}

/** The role, the checked body of `POST /User` and the options, or an item error naming every problem. */
export function readCreateInput(
	this: IExecuteFunctions,
	itemIndex: number,
	extra: IDataObject = {},
): CreateInput {
	const role = this.getNodeParameter('role', itemIndex) as string;
	if (!isRole(role)) {
		const check = new Checker(this, itemIndex, 'Cannot create the user', 'OneFile');
		check.add({
			field: 'Role',
			problem: `"${role}" is not a OneFile role`,
			fix: `Pick one of: ${Object.values(ROLES)
				.map((r) => r.name)
				.join(', ')}`,
		});
		check.done();
	}
	const userRole = role as Role;
	const check = new Checker(
		this,
		itemIndex,
		`Cannot create the ${ROLES[userRole].name}`,
		'OneFile',
	);
	const required = Object.fromEntries(
		requiredFields(userRole).map((f) => [f.param, check.param(f.param)]),
	);
	const { body, problems } = createUserBody(userRole, required, {
		...check.collection('additionalFields'),
		...extra,
	});
	problems.forEach((problem) => check.add(problem));
	check.done();
	const options = check.collection('options');
	return {
		role: userRole,
		body,
		options: {
			includePassword: options.includePassword === true,
			lookUpId: options.lookUpId !== false,
		},
	};
}
