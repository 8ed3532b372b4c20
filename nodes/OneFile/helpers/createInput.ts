import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { isRole, requiredFields, ROLES, type Role } from '../descriptions/roles';
import type { CreateOptions } from './createUser';
import { readCollection, readParam, throwIfProblems } from './params';
import { createUserBody } from './userBody';

export interface CreateInput {
	role: Role;
	body: IDataObject;
	options: CreateOptions;
}

/** The role, the checked body of `POST /User` and the options, or an item error naming every problem. */
export function readCreateInput(this: IExecuteFunctions, itemIndex: number, extra: IDataObject = {}): CreateInput {
	const role = this.getNodeParameter('role', itemIndex) as string;
	if (!isRole(role)) {
		throwIfProblems.call(this, 'Cannot create the user', itemIndex, [{ field: 'Role', problem: `"${role}" is not a OneFile role`, fix: `Pick one of: ${Object.values(ROLES).map((r) => r.name).join(', ')}` }]);
	}
	const userRole = role as Role;
	const required = Object.fromEntries(requiredFields(userRole).map((f) => [f.param, readParam.call(this, f.param, itemIndex)]));
	const additional = { ...readCollection.call(this, 'additionalFields', itemIndex), ...extra };
	const { body, problems } = createUserBody(userRole, required, additional);
	throwIfProblems.call(this, `Cannot create the ${ROLES[userRole].name}`, itemIndex, problems);
	const options = readCollection.call(this, 'options', itemIndex);
	return { role: userRole, body, options: { includePassword: options.includePassword === true, lookUpId: options.lookUpId !== false } };
}
