import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { readParam, toItems } from '../../../OneFile/helpers/params';
import type { Problem } from '../../../OneFile/helpers/userBody';
import { updateDisplayOptions } from '../../../OneFile/helpers/displayOptions';
import { bksbApiRequest } from '../../transport';
import { idFrom, simpleDateTime, stopIfProblems, userIdField } from '../fields';

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['updateDateOfBirth'] } }, [
	userIdField,
	{ displayName: 'Date of Birth', name: 'dateOfBirth', type: 'dateTime', default: '', required: true, description: 'A date: 2001-09-23 or 23/09/2001 (day first)' },
]);

/** `POST users/user/{userId}/updateDateOfBirth` with a bare SimpleDateTime; bksb answers a GenericResponseMessage. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const problems: Problem[] = [];
	const userId = idFrom.call(this, 'userId', 'User ID', itemIndex, problems);
	const date = simpleDateTime(readParam.call(this, 'dateOfBirth', itemIndex), 'Date of Birth', problems);
	stopIfProblems.call(this, 'Cannot update the date of birth', itemIndex, problems);
	const answer = (await bksbApiRequest.call(this, { method: 'POST', path: `/users/user/${String(userId)}/updateDateOfBirth`, body: date, itemIndex, action: `update the date of birth of bksb user ${String(userId)}`, idempotent: true })) as IDataObject | undefined;
	return toItems.call(this, { userId, updated: true, dateOfBirth: date ?? null, bksbSaid: answer?.Description ?? null }, itemIndex);
}
