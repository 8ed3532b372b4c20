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
import { idFromAnswer } from '../../../shared/checks/values';
import { outputProperties, readOutput } from '../../../shared/descriptions/output';
import { toItems } from '../../../shared/items/output';
import { optionsCollection } from '../../descriptions/options';
import { locatorProperty } from '../../descriptions/rlc.description';
import { readRecord, REVIEW_SHAPE } from '../../helpers/records';
import { ONEFILE_LISTS, oneFileSearchAll } from '../../transport/paging';
import { readReview, SIMPLE_REVIEW_FIELDS, REVIEW_FIELDS } from './get.operation';
import type { RequestSettings } from '../../transport/settings';

export const properties: INodeProperties[] = [
	locatorProperty({
		name: 'organisationId',
		displayName: 'Organisation',
		locator: 'organisation',
		description: 'The organisation whose reviews to list',
	}),
	locatorProperty({
		name: 'learnerId',
		displayName: 'Learner',
		locator: 'learner',
		description: "Only this learner's reviews; leave empty for the whole organisation",
		required: false,
	}),
	...returnAllOrLimit,
	filtersCollection([
		{
			displayName: 'Scheduled From',
			name: 'scheduledFrom',
			type: 'dateTime',
			default: '',
			description: 'Only reviews scheduled at or after this time',
		},
		{
			displayName: 'Scheduled To',
			name: 'scheduledTo',
			type: 'dateTime',
			default: '',
			description:
				'Only reviews scheduled at or before this time, e.g. now for reviews that are due',
		},
		{
			displayName: 'Status',
			name: 'status',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 0 },
			default: 1,
			description:
				'OneFile\'s review status number. Public client code disagrees on what the numbers mean (one calls 1 "scheduled", another reports 1 as completed): check them in your OneFile first.',
		},
	]),
	...outputProperties(SIMPLE_REVIEW_FIELDS, REVIEW_FIELDS),
	optionsCollection([
		{
			displayName: 'Full Records',
			name: 'fullRecords',
			type: 'boolean',
			default: false,
			description:
				"Whether to get each review's whole record (who signed and when, progress): one more request per review. OneFile's search rows hold only ID, learner, assessor, status and scheduled date.",
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['review'], operation: ['getAll'] } },
	properties,
);

/** `POST /Review/Search[/{page}/{size}]` (public client code), and `GET /Review/{id}` per row with Full Records. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
): Promise<INodeExecutionData[]> {
	const check = new Checker(this, itemIndex, 'Cannot list reviews', 'OneFile');
	const filters = check.collection('filters');
	const body: IDataObject = {
		OrganisationID: check.id('Organisation', check.param('organisationId')),
		LearnerID: check.id('Learner', check.param('learnerId'), { optional: true }),
		Status: readStatus(check, filters.status),
		DateFrom: check.value('dateTime', 'Scheduled From', filters.scheduledFrom, { optional: true }),
		DateTo: check.value('dateTime', 'Scheduled To', filters.scheduledTo, { optional: true }),
	};
	const limit = readLimit(check);
	const shape = readOutput(check, SIMPLE_REVIEW_FIELDS);
	const fullRecords = check.flag('Full Records', check.collection('options').fullRecords, false);
	check.done();
	const rows = await oneFileSearchAll.call(this, ONEFILE_LISTS.review, compact(body), {
		settings,
		itemIndex,
		limit,
		action: 'list reviews',
	});
	if (!fullRecords)
		return toItems.call(
			this,
			rows.map((row) => shape(readRecord(row, REVIEW_SHAPE))),
			itemIndex,
		);
	const reviews: IDataObject[] = [];
	for (const row of rows) {
		const id = idFromAnswer(row.ID);
		if (id === undefined) continue;
		reviews.push(shape(await readReview.call(this, itemIndex, settings, id)));
	}
	return toItems.call(this, reviews, itemIndex);
}

/** OneFile's status number: a whole number, 0 included. */
function readStatus(check: Checker, raw: unknown): number | undefined {
	if (raw === undefined || raw === null || raw === '') return undefined;
	const status = Number(raw);
	if (Number.isInteger(status) && status >= 0) return status;
	check.add({
		field: 'Status',
		problem: `${JSON.stringify(raw)} is not a status number`,
		fix: "Use OneFile's whole-number review status, e.g. 1",
	});
	return undefined;
}
