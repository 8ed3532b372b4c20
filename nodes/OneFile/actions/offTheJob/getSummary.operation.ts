import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { withOwnFields } from '../../../shared/answers';
import { Checker } from '../../../shared/checks/checker';
import { updateDisplayOptions } from '../../../shared/descriptions/displayOptions';
import { toItems } from '../../../shared/items/output';
import { optionsCollection } from '../../descriptions/options';
import { learnerLocators } from '../../descriptions/rlc.description';
import { OFF_THE_JOB_SHAPE, readNumber } from '../../helpers/records';
import { getRecord } from '../records';
import type { RequestSettings } from '../../transport/settings';

export const properties: INodeProperties[] = [
	...learnerLocators('The learner whose off-the-job training hours to get'),
	optionsCollection(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['offTheJob'], operation: ['getSummary'] } },
	properties,
);

/**
 * `GET /User/{id}/offthejob` (public client code): planned, minimum and actual hours and the
 * percentage of planned, in plain names first, OneFile's own fields after them.
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
): Promise<INodeExecutionData[]> {
	const check = new Checker(this, itemIndex, 'Cannot get the off-the-job summary', 'OneFile');
	const { learnerId } = check.done({ learnerId: check.id('Learner', check.param('learnerId')) });
	const figures = await getRecord.call(
		this,
		itemIndex,
		settings,
		['User', learnerId, 'offthejob'],
		`get the off-the-job hours of learner ${learnerId}`,
		OFF_THE_JOB_SHAPE,
	);
	return toItems.call(this, summary(learnerId, figures), itemIndex);
}

/** OneFile's percentage when it sends one, else actual ÷ planned (one decimal); null when neither is known. */
export function summary(learnerId: number, figures: IDataObject): IDataObject {
	const planned = readNumber(figures.PlannedOTJ);
	const actual = readNumber(figures.CachedActualHours);
	const computed = planned && actual !== null ? Math.round((actual / planned) * 1000) / 10 : null;
	const own = {
		learnerId,
		plannedHours: planned,
		minimumHours: readNumber(figures.MinimumOTJ),
		actualHours: actual,
		percentOfPlanned: readNumber(figures.PercentOfPlanned) ?? computed,
	};
	return withOwnFields(own, figures, 'OneFile');
}
