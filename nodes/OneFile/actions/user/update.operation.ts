import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { locatorProperty } from '../../descriptions/rlc.description';
import { updateFieldsProperty } from '../../descriptions/userFields';
import { updateDisplayOptions } from '../../helpers/displayOptions';
import { readCollection, readId, throwIfProblems, toItems } from '../../helpers/params';
import { updateUserBody } from '../../helpers/userBody';
import { oneFileApiRequest } from '../../transport';

export const properties: INodeProperties[] = [
	locatorProperty({ name: 'userId', displayName: 'User', locator: 'user', description: 'The OneFile user to change' }),
	updateFieldsProperty(),
];

const displayOptions = { show: { resource: ['user'], operation: ['update'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const subject = 'Cannot update the user';
	const userId = readId.call(this, 'userId', 'User', itemIndex, subject);
	const { body, problems } = updateUserBody(readCollection.call(this, 'updateFields', itemIndex));
	if (problems.length === 0 && Object.keys(body).length === 0) {
		problems.push({ field: 'Update Fields', problem: 'has nothing to change', fix: 'Add at least one field under Update Fields, with a value' });
	}
	throwIfProblems.call(this, subject, itemIndex, problems);

	// OneFile answers a partial update with 204 and no body: report what was sent.
	await oneFileApiRequest.call(this, {
		method: 'POST',
		endpoint: `/User/${userId}`,
		body,
		itemIndex,
		action: `update user ${userId}`,
		// Sending the same partial update twice leaves the same result.
		idempotent: true,
	});
	return toItems.call(this, { id: userId, updated: true, changed: body }, itemIndex);
}
