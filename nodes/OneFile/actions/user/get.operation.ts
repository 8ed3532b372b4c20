import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { Checker } from '../../../shared/checks/checker';
import { updateDisplayOptions } from '../../../shared/descriptions/displayOptions';
import { pick, toItems } from '../../../shared/items/output';
import { optionsCollection } from '../../descriptions/options';
import { locatorProperty } from '../../descriptions/rlc.description';
import { SIMPLE_USER_FIELDS } from '../../helpers/userRecord';
import { oneFileApiRequest } from '../../transport';

export const properties: INodeProperties[] = [
	locatorProperty({
		name: 'userId',
		displayName: 'User',
		locator: 'user',
		description: 'The OneFile user to get',
	}),
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description:
			'Whether to return only the main fields (ID, names, email, MIS ID, role, organisation, classroom, placement, default assessor and employer) instead of the whole record',
	},
	optionsCollection(),
];

const displayOptions = { show: { resource: ['user'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const check = new Checker(this, itemIndex, 'Cannot get the user', 'OneFile');
	const { userId } = check.done({ userId: check.id('User', check.param('userId')) });
	const { body } = await oneFileApiRequest.call(this, {
		method: 'GET',
		path: ['User', userId],
		itemIndex,
		action: `get user ${userId}`,
		idempotent: true,
	});
	const user = (body ?? {}) as IDataObject;
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	return toItems.call(this, simplify ? pick(user, SIMPLE_USER_FIELDS) : user, itemIndex);
}
