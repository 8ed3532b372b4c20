import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { Checker } from '../../../shared/checks/checker';
import { updateDisplayOptions } from '../../../shared/descriptions/displayOptions';
import { outputProperties, readOutput } from '../../../shared/descriptions/output';
import { toItems } from '../../../shared/items/output';
import { optionsCollection } from '../../descriptions/options';
import { locatorProperty } from '../../descriptions/rlc.description';
import { SIMPLE_USER_FIELDS, USER_RECORD_FIELDS } from '../../helpers/userRecord';
import { oneFileApiRequest } from '../../transport';
import { oneFileRecord } from '../../transport/answers';
import type { RequestSettings } from '../../transport/settings';

export const properties: INodeProperties[] = [
	locatorProperty({
		name: 'userId',
		displayName: 'User',
		locator: 'user',
		description: "The OneFile user to get: the user's whole-number OneFile ID",
	}),
	...outputProperties(SIMPLE_USER_FIELDS, USER_RECORD_FIELDS),
	// Before Output existed, a boolean Simplify chose raw (false) or main fields: kept, hidden, so a
	// workflow saved then still gets what it got.
	{ displayName: 'Simplify', name: 'simplify', type: 'hidden', default: true },
	optionsCollection(),
];

const displayOptions = { show: { resource: ['user'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
): Promise<INodeExecutionData[]> {
	const check = new Checker(this, itemIndex, 'Cannot get the user', 'OneFile');
	const shape = readOutput(check, SIMPLE_USER_FIELDS, { simplifyParam: 'simplify' });
	const { userId } = check.done({ userId: check.id('User', check.param('userId')) });
	const { body } = await oneFileApiRequest.call(this, {
		settings,
		method: 'GET',
		path: ['User', userId],
		itemIndex,
		action: `get user ${userId}`,
		idempotent: true,
	});
	const action = `get user ${userId}`;
	return toItems.call(
		this,
		shape(oneFileRecord.call(this, body, { action, itemIndex })),
		itemIndex,
	);
}
