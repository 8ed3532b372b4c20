import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { Checker } from '../../../shared/checks/checker';
import { updateDisplayOptions } from '../../../shared/descriptions/displayOptions';
import { toItems } from '../../../shared/items/output';
import { optionsCollection } from '../../descriptions/options';
import { locatorProperty } from '../../descriptions/rlc.description';
import { updateFieldsProperty } from '../../descriptions/userFields';
import { updateUserBody } from '../../helpers/userBody';
import { oneFileApiRequest } from '../../transport';

export const properties: INodeProperties[] = [
	locatorProperty({
		name: 'userId',
		displayName: 'User',
		locator: 'user',
		description: 'The OneFile user to change',
	}),
	updateFieldsProperty(),
	optionsCollection(),
];

const displayOptions = { show: { resource: ['user'], operation: ['update'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const check = new Checker(this, itemIndex, 'Cannot update the user', 'OneFile');
	const userId = check.id('User', check.param('userId'));
	const { body, problems } = updateUserBody(check.collection('updateFields'));
	problems.forEach((problem) => check.add(problem));
	if (problems.length === 0 && Object.keys(body).length === 0) {
		check.add({
			field: 'Update Fields',
			problem: 'has nothing to change',
			fix: 'Add at least one field under Update Fields, with a value',
		});
	}
	const { id } = check.done({ id: userId });

	// OneFile answers a partial update with 204 and no body: report what was sent. Sending the same
	// partial update twice leaves the same result, so it is safe to repeat.
	await oneFileApiRequest.call(this, {
		method: 'POST',
		path: ['User', id],
		body,
		itemIndex,
		action: `update user ${id}`,
		idempotent: true,
	});
	return toItems.call(this, { id, updated: true, changed: body }, itemIndex);
}
