import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { Checker } from '../../../shared/checks/checker';
import { updateDisplayOptions } from '../../../shared/descriptions/displayOptions';
import { toItems } from '../../../shared/items/output';
import { optionsCollection } from '../../descriptions/options';
import { locatorProperty } from '../../descriptions/rlc.description';
import { oneFileApiRequest } from '../../transport';
import { previewOption, previewWrite, readPreview } from '../sync';
import type { RequestSettings } from '../../transport/settings';

export const properties: INodeProperties[] = [
	locatorProperty({
		name: 'organisationId',
		displayName: 'Organisation',
		locator: 'organisation',
		description: 'The organisation of the employer, used to list employers and placements',
		required: false,
	}),
	locatorProperty({
		name: 'userId',
		displayName: 'Employer',
		locator: 'employer',
		description: 'The employer user to link to the placement',
	}),
	locatorProperty({
		name: 'placementId',
		displayName: 'Placement',
		locator: 'placement',
		description: 'The workplace the employer belongs to',
	}),
	{
		displayName: 'Grant Access',
		name: 'grantAccess',
		type: 'boolean',
		default: false,
		description: "Whether the employer may see the placement's learners in OneFile",
	},
	optionsCollection([previewOption]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['user'], operation: ['assignPlacement'] } },
	properties,
);

/**
 * `POST /User/{userId}/AssignPlacement/{placementId}/{grantAccess}` (public client code, used to
 * onboard employers: link the employer, then set the learner's placement and assign the employer).
 * Whether OneFile links twice when asked twice is unknown: not repeated after a lost answer.
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
): Promise<INodeExecutionData[]> {
	const check = new Checker(this, itemIndex, 'Cannot assign the placement', 'OneFile');
	const grantAccess = check.flag('Grant Access', check.param('grantAccess', false), false);
	const preview = readPreview(check, check.collection('options'));
	const { userId, placementId } = check.done({
		userId: check.id('Employer', check.param('userId')),
		placementId: check.id('Placement', check.param('placementId')),
	});
	if (preview)
		return toItems.call(
			this,
			await previewWrite.call(this, itemIndex, settings, [['User', userId]], {
				action: 'would assign',
				assigned: false,
				userId,
				placementId,
				grantAccess,
				message: `Would link employer ${userId} to placement ${placementId}`,
			}),
			itemIndex,
		);
	await oneFileApiRequest.call(this, {
		settings,
		method: 'POST',
		path: ['User', userId, 'AssignPlacement', placementId, grantAccess],
		itemIndex,
		action: `link employer ${userId} to placement ${placementId}`,
		idempotent: false,
	});
	return toItems.call(this, { assigned: true, userId, placementId, grantAccess }, itemIndex);
}
