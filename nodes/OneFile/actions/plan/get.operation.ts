import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { Checker } from '../../../shared/checks/checker';
import { updateDisplayOptions } from '../../../shared/descriptions/displayOptions';
import { toItems } from '../../../shared/items/output';
import { optionsCollection } from '../../descriptions/options';
import { locatorProperty } from '../../descriptions/rlc.description';
import { PLAN_SHAPE } from '../../helpers/records';
import { getRecord } from '../records';
import type { RequestSettings } from '../../transport/settings';

export const properties: INodeProperties[] = [
	locatorProperty({
		name: 'organisationId',
		displayName: 'Organisation',
		locator: 'organisation',
		description: 'The organisation, used to list plans',
		required: false,
	}),
	locatorProperty({
		name: 'planId',
		displayName: 'Plan',
		locator: 'plan',
		description: 'The plan to get',
	}),
	optionsCollection(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['plan'], operation: ['get'] } },
	properties,
);

/** `GET /Plan/{id}` (public client code). */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
): Promise<INodeExecutionData[]> {
	const check = new Checker(this, itemIndex, 'Cannot get the plan', 'OneFile');
	const { id } = check.done({ id: check.id('Plan', check.param('planId')) });
	return toItems.call(
		this,
		await getRecord.call(this, itemIndex, settings, ['Plan', id], `get plan ${id}`, PLAN_SHAPE),
		itemIndex,
	);
}
