import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { Checker } from '../../../shared/checks/checker';
import { updateDisplayOptions } from '../../../shared/descriptions/displayOptions';
import { readLimit, returnAllOrLimit } from '../../../shared/descriptions/returnAllOrLimit';
import { compact } from '../../../shared/http/body';
import { toItems } from '../../../shared/items/output';
import { optionsCollection } from '../../descriptions/options';
import { locatorProperty } from '../../descriptions/rlc.description';
import { PLAN_SHAPE, readRecord } from '../../helpers/records';
import { ONEFILE_LISTS, oneFileSearchAll } from '../../transport/paging';
import type { RequestSettings } from '../../transport/settings';

export const properties: INodeProperties[] = [
	locatorProperty({
		name: 'organisationId',
		displayName: 'Organisation',
		locator: 'organisation',
		description: 'The organisation whose plans to list',
	}),
	locatorProperty({
		name: 'learnerId',
		displayName: 'Learner',
		locator: 'learner',
		description: "Only this learner's plans; leave empty for the whole organisation",
		required: false,
	}),
	...returnAllOrLimit,
	optionsCollection(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['plan'], operation: ['getAll'] } },
	properties,
);

/** `POST /Plan/Search[/{page}/{size}]` with `OrganisationID`, `LearnerID` (public client code). */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
): Promise<INodeExecutionData[]> {
	const check = new Checker(this, itemIndex, 'Cannot list plans', 'OneFile');
	const body: IDataObject = {
		OrganisationID: check.id('Organisation', check.param('organisationId')),
		LearnerID: check.id('Learner', check.param('learnerId'), { optional: true }),
	};
	const limit = readLimit(check);
	check.done();
	const rows = await oneFileSearchAll.call(this, ONEFILE_LISTS.plan, compact(body), {
		settings,
		itemIndex,
		limit,
		action: 'list plans',
	});
	return toItems.call(
		this,
		rows.map((row) => readRecord(row, PLAN_SHAPE)),
		itemIndex,
	);
}
