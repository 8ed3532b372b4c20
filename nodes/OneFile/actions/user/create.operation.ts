import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { additionalFieldsProperty, requiredFieldProperties, roleProperty } from '../../descriptions/userFields';
import { isRole, requiredFields, ROLES, type Role } from '../../descriptions/roles';
import { readCollection, readParam, throwIfProblems, toItems } from '../../helpers/params';
import { createUserBody } from '../../helpers/userBody';
import { updateDisplayOptions } from '../../helpers/displayOptions';
import { oneFileApiRequest } from '../../transport';
import { oneFileSearchAll } from '../../transport/paging';

export const properties: INodeProperties[] = [
	roleProperty,
	...requiredFieldProperties(),
	additionalFieldsProperty(),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Include Password',
				name: 'includePassword',
				type: 'boolean',
				default: false,
				description: 'Whether to put the new login password in the output when OneFile returns one (Keychain setting off). Off by default so passwords do not end up in sheets or logs.',
			},
			{
				displayName: 'Look Up New User ID',
				name: 'lookUpId',
				type: 'boolean',
				default: true,
				description: "Whether to find the new user's ID by email when OneFile does not return it (Keychain setting on). Costs one search per user.",
			},
		],
	},
];

const displayOptions = { show: { resource: ['user'], operation: ['create'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const role = this.getNodeParameter('role', itemIndex) as string;
	if (!isRole(role)) {
		throwIfProblems.call(this, 'Cannot create the user', itemIndex, [{ field: 'Role', problem: `"${role}" is not a OneFile role`, fix: `Pick one of: ${Object.values(ROLES).map((r) => r.name).join(', ')}` }]);
	}
	const userRole = role as Role;
	const roleName = ROLES[userRole].name;
	const required = Object.fromEntries(requiredFields(userRole).map((f) => [f.param, readParam.call(this, f.param, itemIndex)]));
	const { body, problems } = createUserBody(userRole, required, readCollection.call(this, 'additionalFields', itemIndex));
	throwIfProblems.call(this, `Cannot create the ${roleName}`, itemIndex, problems);

	const options = readCollection.call(this, 'options', itemIndex);
	const response = await oneFileApiRequest.call(this, {
		method: 'POST',
		endpoint: '/User',
		body,
		itemIndex,
		action: `create the ${roleName}`,
		idempotent: false,
	});

	const summary: IDataObject = {
		id: null,
		role: roleName,
		firstName: body.FirstName,
		lastName: body.LastName,
		email: body.Email,
		...(body.MISID !== undefined ? { misId: body.MISID } : {}),
		created: true,
	};
	const returned = readCreateResponse(response.body);
	const name = `${String(body.FirstName)} ${String(body.LastName)}`;
	if (returned.id !== undefined) {
		// Keychain setting off: OneFile returns the login details (onefile-api.md §5.4).
		summary.id = returned.id;
		summary.username = returned.username;
		summary.loginDetails = 'returned';
		summary.message = `Created ${roleName} ${name} (ID ${returned.id}). OneFile returned the login details${options.includePassword ? '' : '; the password is left out of the output (Options → Include Password)'}.`;
		if (options.includePassword && returned.password !== undefined) summary.password = returned.password;
		return toItems.call(this, summary, itemIndex);
	}
	// Keychain setting on: only 200 OK; OneFile emails the user to verify the account.
	summary.loginDetails = 'verification email sent';
	summary.message = `Created ${roleName} ${name}. The Keychain setting is on for this organisation, so OneFile sent a verification email to ${String(body.Email)} instead of returning login details.`;
	if (options.lookUpId !== false) {
		const matches = await oneFileSearchAll.call(this, '/User/Search', { OrganisationID: body.OrganisationID, Role: body.Role, Email: body.Email }, { itemIndex, action: `look up the new ${roleName}'s ID`, limit: 2 });
		if (matches.length === 1) summary.id = matches[0].ID ?? null;
		else summary.idLookup = matches.length === 0 ? 'not found yet' : `${matches.length} users share this email; look the ID up in OneFile`;
	}
	return toItems.call(this, summary, itemIndex);
}

interface CreateResponse {
	id?: number;
	username?: string;
	password?: string;
}

/** `{ID, Username, Password}` when OneFile returns login details; key case tolerated. */
function readCreateResponse(body: unknown): CreateResponse {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return {};
	const record = Object.fromEntries(Object.entries(body as IDataObject).map(([k, v]) => [k.toLowerCase(), v]));
	const id = typeof record.id === 'number' ? record.id : typeof record.id === 'string' && /^\d+$/.test(record.id) ? Number(record.id) : undefined;
	return {
		id,
		username: typeof record.username === 'string' ? record.username : undefined,
		password: typeof record.password === 'string' ? record.password : undefined,
	};
}
