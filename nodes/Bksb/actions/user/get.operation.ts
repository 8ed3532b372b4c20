import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { toItems } from '../../../OneFile/helpers/params';
import type { Problem } from '../../../OneFile/helpers/userBody';
import { updateDisplayOptions } from '../../../OneFile/helpers/displayOptions';
import { bksbApiRequest } from '../../transport';
import { idFrom, stopIfProblems, userIdField } from '../fields';

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['get'] } }, [userIdField]);

/** `GET users/user/{userId}`. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const problems: Problem[] = [];
	const userId = idFrom.call(this, 'userId', 'User ID', itemIndex, problems);
	stopIfProblems.call(this, 'Cannot get the bksb user', itemIndex, problems);
	const user = await bksbApiRequest.call(this, { method: 'GET', path: `/users/user/${String(userId)}`, itemIndex, action: `get bksb user ${String(userId)}`, idempotent: true });
	return toItems.call(this, (user ?? {}) as IDataObject, itemIndex);
}
