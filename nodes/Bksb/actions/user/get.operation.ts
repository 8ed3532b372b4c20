import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { Checker } from '../../../shared/checks/checker';
import { updateDisplayOptions } from '../../../shared/descriptions/displayOptions';
import { toItems } from '../../../shared/items/output';
import { userIdField } from '../../descriptions/fields';
import { bksbApiRequest } from '../../transport';
import { bksbRecord } from '../../transport/answers';

export const description = updateDisplayOptions(
	{ show: { resource: ['user'], operation: ['get'] } },
	[userIdField],
);

/** `GET users/user/{userId}`. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const check = new Checker(this, itemIndex, 'Cannot get the bksb user', 'bksb');
	const { userId } = check.done({ userId: check.id('User ID', check.param('userId')) });
	const user = await bksbApiRequest.call(this, {
		method: 'GET',
		path: ['users', 'user', userId],
		itemIndex,
		action: `get bksb user ${userId}`,
		idempotent: true,
	});
	return toItems.call(
		this,
		bksbRecord.call(this, user, { action: `get bksb user ${userId}`, itemIndex }),
		itemIndex,
	);
}
