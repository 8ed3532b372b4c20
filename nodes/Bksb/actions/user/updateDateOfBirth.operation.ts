import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { Checker } from '../../../shared/checks/checker';
import { updateDisplayOptions } from '../../../shared/descriptions/displayOptions';
import { toItems } from '../../../shared/items/output';
import { userIdField } from '../../descriptions/fields';
import { simpleDateTime } from '../../helpers/simpleDateTime';
import { bksbApiRequest } from '../../transport';

export const description = updateDisplayOptions(
	{ show: { resource: ['user'], operation: ['updateDateOfBirth'] } },
	[
		userIdField,
		{
			displayName: 'Date of Birth',
			name: 'dateOfBirth',
			type: 'dateTime',
			default: '',
			required: true,
			description: 'A date: 2001-09-23 or 23/09/2001 (day first)',
		},
	],
);

/** `POST users/user/{userId}/updateDateOfBirth` with a bare SimpleDateTime; bksb answers a GenericResponseMessage. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const check = new Checker(this, itemIndex, 'Cannot update the date of birth', 'bksb');
	const { userId, date } = check.done({
		userId: check.id('User ID', check.param('userId')),
		date: check.value('birthDate', 'Date of Birth', check.param('dateOfBirth')) as
			| string
			| undefined,
	});
	const dateOfBirth = simpleDateTime(date);
	const answer = (await bksbApiRequest.call(this, {
		method: 'POST',
		path: ['users', 'user', userId, 'updateDateOfBirth'],
		body: dateOfBirth,
		itemIndex,
		action: `update the date of birth of bksb user ${userId}`,
		idempotent: true,
	})) as IDataObject | undefined;
	return toItems.call(
		this,
		{ userId, updated: true, dateOfBirth, bksbSaid: answer?.Description ?? null },
		itemIndex,
	);
}
