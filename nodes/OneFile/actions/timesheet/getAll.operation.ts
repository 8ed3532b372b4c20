import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { Checker } from '../../../shared/checks/checker';
import { updateDisplayOptions } from '../../../shared/descriptions/displayOptions';
import {
	filtersCollection,
	readLimit,
	returnAllOrLimit,
} from '../../../shared/descriptions/returnAllOrLimit';
import { toItems } from '../../../shared/items/output';
import { readPages } from '../../../shared/paging';
import { optionsCollection } from '../../descriptions/options';
import { learnerLocators } from '../../descriptions/rlc.description';
import { readRecord, TIMESHEET_SHAPE } from '../../helpers/records';
import { withOwnFields } from '../../../shared/answers';
import { oneFileApiRequest } from '../../transport';
import { oneFileList } from '../../transport/answers';
import type { RequestSettings } from '../../transport/settings';

export const properties: INodeProperties[] = [
	...learnerLocators('The learner whose timesheet entries to list'),
	...returnAllOrLimit,
	filtersCollection([
		{
			displayName: 'Off-the-Job Only',
			name: 'offTheJobOnly',
			type: 'boolean',
			default: true,
			description: 'Whether to list only entries that count as off-the-job training',
		},
		{
			displayName: 'From',
			name: 'from',
			type: 'dateTime',
			default: '',
			description: 'Only entries that start at or after this time',
		},
		{
			displayName: 'To',
			name: 'to',
			type: 'dateTime',
			default: '',
			description: 'Only entries that start at or before this time',
		},
	]),
	optionsCollection(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['timesheet'], operation: ['getAll'] } },
	properties,
);

/**
 * `GET /Timesheet/Learner/{id}` (public client code): OneFile answers every entry at once, with no
 * filters or pages, so the filters apply here and Return All/Limit to the one answer.
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
): Promise<INodeExecutionData[]> {
	const check = new Checker(this, itemIndex, 'Cannot list timesheet entries', 'OneFile');
	const filters = check.collection('filters');
	const learnerId = check.id('Learner', check.param('learnerId'));
	const from = check.value('dateTime', 'From', filters.from, { optional: true }) as
		| string
		| undefined;
	const to = check.value('dateTime', 'To', filters.to, { optional: true }) as string | undefined;
	// Not added to Filters: every entry, off-the-job or not.
	const offTheJobOnly = check.flag('Off-the-Job Only', filters.offTheJobOnly, false);
	const limit = readLimit(check);
	const ids = check.done({ learnerId });
	const action = `list the timesheet of learner ${ids.learnerId}`;
	const wanted = (entry: IDataObject) =>
		(!offTheJobOnly || entry.IsOffTheJob === true) &&
		(from === undefined || (typeof entry.FromDate === 'string' && entry.FromDate >= from)) &&
		(to === undefined || (typeof entry.FromDate === 'string' && entry.FromDate <= to));
	const entries = await readPages(
		async () => {
			const { body } = await oneFileApiRequest.call(this, {
				settings,
				method: 'GET',
				path: ['Timesheet', 'Learner', ids.learnerId],
				itemIndex,
				action,
				idempotent: true,
			});
			const list = oneFileList.call(this, body, { action, itemIndex });
			return {
				rows: list
					.map((entry) =>
						withOwnFields(
							{ learnerId: ids.learnerId },
							readRecord(entry, TIMESHEET_SHAPE),
							'OneFile',
						),
					)
					.filter(wanted),
				last: true,
			};
		},
		{
			pageSize: Number.MAX_SAFE_INTEGER,
			limit,
			service: 'OneFile',
			action: 'list timesheet entries',
			fail: (message, description) =>
				new NodeApiError(this.getNode(), {}, { message, description, itemIndex }),
		},
	);
	return toItems.call(this, entries, itemIndex);
}
