import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { Checker } from '../../../shared/checks/checker';
import { updateDisplayOptions } from '../../../shared/descriptions/displayOptions';
import {
	filtersCollection,
	readLimit,
	returnAllOrLimit,
} from '../../../shared/descriptions/returnAllOrLimit';
import { compact } from '../../../shared/http/body';
import { toItems } from '../../../shared/items/output';
import { optionsCollection } from '../../descriptions/options';
import { learnerLocators } from '../../descriptions/rlc.description';
import { LEARNING_AIM_SHAPE, readRecord } from '../../helpers/records';
import { ONEFILE_LISTS, oneFileSearchAll } from '../../transport/paging';
import type { RequestSettings } from '../../transport/settings';

export const properties: INodeProperties[] = [
	...learnerLocators('The learner whose learning aims to list'),
	...returnAllOrLimit,
	filtersCollection([
		{
			displayName: 'Completed Only',
			name: 'completedOnly',
			type: 'boolean',
			default: true,
			description:
				"Whether to list only achieved aims (OneFile's LearningAimCompletionStatus 1, as public client code uses it)",
		},
		{
			displayName: 'Achieved or Changed From',
			name: 'from',
			type: 'dateTime',
			default: '',
			description:
				'With Completed Only: achieved at or after this time; otherwise changed at or after it',
		},
		{
			displayName: 'Achieved or Changed To',
			name: 'to',
			type: 'dateTime',
			default: '',
			description:
				'With Completed Only: achieved at or before this time; otherwise changed at or before it',
		},
	]),
	optionsCollection(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['learningAim'], operation: ['getAll'] } },
	properties,
);

/** `POST /LearningAim/Search/{page}/{size}` with `UserID` (OneFile guide) and the client-code filters. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
): Promise<INodeExecutionData[]> {
	const check = new Checker(this, itemIndex, 'Cannot list learning aims', 'OneFile');
	const filters = check.collection('filters');
	const body: IDataObject = {
		UserID: check.id('Learner', check.param('learnerId')),
		LearningAimCompletionStatus: check.flag('Completed Only', filters.completedOnly, false)
			? 1
			: undefined,
		DateFrom: check.value('dateTime', 'Achieved or Changed From', filters.from, { optional: true }),
		DateTo: check.value('dateTime', 'Achieved or Changed To', filters.to, { optional: true }),
	};
	const limit = readLimit(check);
	check.done();
	const rows = await oneFileSearchAll.call(this, ONEFILE_LISTS.learningAim, compact(body), {
		settings,
		itemIndex,
		limit,
		action: `list the learning aims of learner ${String(body.UserID)}`,
	});
	return toItems.call(
		this,
		rows.map((row) => readRecord(row, LEARNING_AIM_SHAPE)),
		itemIndex,
	);
}
