import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { Checker } from '../../../shared/checks/checker';
import { updateDisplayOptions } from '../../../shared/descriptions/displayOptions';
import { toItems } from '../../../shared/items/output';
import { optionsCollection } from '../../descriptions/options';
import { locatorProperty } from '../../descriptions/rlc.description';
import { LEARNING_AIM_SHAPE } from '../../helpers/records';
import { getRecord } from '../records';
import type { RequestSettings } from '../../transport/settings';

export const properties: INodeProperties[] = [
	locatorProperty({
		name: 'learnerId',
		displayName: 'Learner',
		locator: 'learner',
		description: 'The learner whose learning aims the list shows',
		required: false,
	}),
	locatorProperty({
		name: 'learningAimId',
		displayName: 'Learning Aim',
		locator: 'learningAim',
		description: 'The learning aim (a standard the learner is working towards) to get',
	}),
	optionsCollection(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['learningAim'], operation: ['get'] } },
	properties,
);

/** `GET /LearningAim/{id}` (public client code): status, progress, dates. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
): Promise<INodeExecutionData[]> {
	const check = new Checker(this, itemIndex, 'Cannot get the learning aim', 'OneFile');
	const { id } = check.done({ id: check.id('Learning Aim', check.param('learningAimId')) });
	return toItems.call(
		this,
		await getRecord.call(
			this,
			itemIndex,
			settings,
			['LearningAim', id],
			`get learning aim ${id}`,
			LEARNING_AIM_SHAPE,
		),
		itemIndex,
	);
}
