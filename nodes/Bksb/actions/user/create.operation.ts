import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { readCollection, readParam, toItems } from '../../../OneFile/helpers/params';
import type { Problem } from '../../../OneFile/helpers/userBody';
import { normaliseValue } from '../../../OneFile/helpers/values';
import { updateDisplayOptions } from '../../../OneFile/helpers/displayOptions';
import { bksbApiRequest } from '../../transport';
import { isBlank, simpleDateTime, stopIfProblems } from '../fields';

export const properties: INodeProperties[] = [
	{ displayName: 'Username', name: 'username', type: 'string', default: '', required: true, placeholder: 'e.g. amira.khan', description: 'The login name, unique in your bksb organisation' },
	{ displayName: 'First Name', name: 'firstname', type: 'string', default: '', required: true },
	{ displayName: 'Last Name', name: 'lastname', type: 'string', default: '', required: true },
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'e.g. amira.khan@example.com', default: '' },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Auto-Enrol on Courses', name: 'autoEnrolCourses', type: 'boolean', default: false, description: "Whether bksb enrols the user on the organisation's courses" },
			{ displayName: 'Date of Birth', name: 'dateOfBirth', type: 'dateTime', default: '', description: 'A date: 2001-09-23 or 23/09/2001 (day first)' },
			{ displayName: 'Password', name: 'password', type: 'string', typeOptions: { password: true }, default: '', description: "Leave empty to use your organisation's default password" },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['create'] } }, properties);

const TEXT = [
	['username', 'Username', 'Username'],
	['firstname', 'First Name', 'Firstname'],
	['lastname', 'Last Name', 'Lastname'],
] as const;

/** `POST users/createUser` with an AddUserRequest; bksb answers with the new User. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const problems: Problem[] = [];
	const body: IDataObject = {};
	for (const [param, label, apiName] of TEXT) {
		const raw = readParam.call(this, param, itemIndex);
		if (isBlank(raw)) problems.push({ field: label, problem: 'is missing', fix: `bksb needs a ${label} for every user: fill it in, or map a column that has it on every row` });
		else body[apiName] = String(raw).trim();
	}
	const email = readParam.call(this, 'email', itemIndex);
	if (!isBlank(email)) {
		const checked = normaliseValue('email', email);
		if (checked.ok) body.Email = checked.value as string;
		else problems.push({ field: 'Email', problem: checked.problem, fix: checked.fix });
	}
	const extra = readCollection.call(this, 'additionalFields', itemIndex);
	if (!isBlank(extra.dateOfBirth)) {
		const date = simpleDateTime(extra.dateOfBirth, 'Date of Birth', problems);
		if (date) body.DateOfBirth = date;
	}
	if (!isBlank(extra.password)) body.Password = String(extra.password);
	if (extra.autoEnrolCourses !== undefined) body.AutoEnrolCourses = extra.autoEnrolCourses === true;
	stopIfProblems.call(this, 'Cannot create the bksb user', itemIndex, problems);
	const user = await bksbApiRequest.call(this, { method: 'POST', path: '/users/createUser', body, itemIndex, action: `create bksb user ${String(body.Username)}`, idempotent: false });
	return toItems.call(this, (user ?? {}) as IDataObject, itemIndex);
}
