import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { isRecord } from '../../../shared/answers';
import { Checker } from '../../../shared/checks/checker';
import { describeValue } from '../../../shared/checks/values';
import { updateDisplayOptions } from '../../../shared/descriptions/displayOptions';
import { compact } from '../../../shared/http/body';
import { toItems } from '../../../shared/items/output';
import { simpleDateTime } from '../../helpers/simpleDateTime';
import { bksbApiRequest } from '../../transport';

export const properties: INodeProperties[] = [
	{
		displayName: 'Username',
		name: 'username',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. amira.khan',
		description: 'The login name, unique in your bksb organisation',
	},
	{ displayName: 'First Name', name: 'firstname', type: 'string', default: '', required: true },
	{ displayName: 'Last Name', name: 'lastname', type: 'string', default: '', required: true },
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'e.g. amira.khan@example.com',
		default: '',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Auto-Enrol on Courses',
				name: 'autoEnrolCourses',
				type: 'boolean',
				default: false,
				description: "Whether bksb enrols the user on the organisation's courses",
			},
			{
				displayName: 'Date of Birth',
				name: 'dateOfBirth',
				type: 'dateTime',
				default: '',
				description: 'A date: 2001-09-23 or 23/09/2001 (day first)',
			},
			{
				displayName: 'Password',
				name: 'password',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description: "Leave empty to use your organisation's default password",
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['user'], operation: ['create'] } },
	properties,
);

/** `POST users/createUser` with an AddUserRequest; bksb answers with the new User. Not repeated after a lost answer. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const check = new Checker(this, itemIndex, 'Cannot create the bksb user', 'bksb');
	const extra = check.collection('additionalFields');
	const body: IDataObject = {
		Username: check.text('Username', check.param('username')),
		Firstname: check.text('First Name', check.param('firstname')),
		Lastname: check.text('Last Name', check.param('lastname')),
		Email: check.value('email', 'Email', check.param('email'), { optional: true }),
	};
	const dateOfBirth = check.value('birthDate', 'Date of Birth', extra.dateOfBirth, {
		optional: true,
	}) as string | undefined;
	Object.assign(body, {
		DateOfBirth: dateOfBirth === undefined ? undefined : simpleDateTime(dateOfBirth),
		Password: readPassword(check, extra.password),
		AutoEnrolCourses:
			extra.autoEnrolCourses === undefined
				? undefined
				: check.flag('Auto-Enrol on Courses', extra.autoEnrolCourses, false),
	});
	check.done();
	const user = await bksbApiRequest.call(this, {
		method: 'POST',
		path: ['users', 'createUser'],
		body: compact(body),
		itemIndex,
		action: `create bksb user ${String(body.Username)}`,
		idempotent: false,
	});
	// bksb said yes (2xx): the user exists now, whatever the body holds; never an error that invites a rerun.
	const created = isRecord(user)
		? user
		: {
				created: true,
				Username: body.Username,
				note: 'bksb confirmed the create but sent no user record back: look the user up in bksb for its ID',
			};
	return toItems.call(this, created, itemIndex);
}

/**
 * The Password: sent as given (spaces in it are the user's own); a sheet's column of digits
 * arrives as a number and is that password. Empty means the organisation's default. Anything else
 * (a yes/no, an object, a list) is a problem: leaving it out would create the user with the
 * default password and report success.
 */
function readPassword(check: Checker, raw: unknown): string | undefined {
	if (raw === undefined || raw === null || raw === '') return undefined;
	if (typeof raw === 'string') return raw;
	if (typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0) return String(raw);
	check.add({
		field: 'Password',
		problem: `is not text (it is ${describeValue(raw)})`,
		fix: "Map the password as text (a cell of letters and digits), or leave it empty for the organisation's default password",
	});
	return undefined;
}
