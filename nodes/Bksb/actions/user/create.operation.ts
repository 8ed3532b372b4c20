import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { Checker } from '../../../shared/checks/checker';
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
	const dateOfBirth = check.value('date', 'Date of Birth', extra.dateOfBirth, {
		optional: true,
	}) as string | undefined;
	Object.assign(body, {
		DateOfBirth: dateOfBirth === undefined ? undefined : simpleDateTime(dateOfBirth),
		// A password is sent as given: spaces in it are the user's own.
		Password:
			typeof extra.password === 'string' && extra.password !== '' ? extra.password : undefined,
		AutoEnrolCourses:
			extra.autoEnrolCourses === undefined ? undefined : extra.autoEnrolCourses === true,
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
	return toItems.call(this, (user ?? {}) as IDataObject, itemIndex);
}
