import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { Checker } from '../../../shared/checks/checker';
import { updateDisplayOptions } from '../../../shared/descriptions/displayOptions';
import { outputProperties, readOutput } from '../../../shared/descriptions/output';
import { toItems } from '../../../shared/items/output';
import { optionsCollection } from '../../descriptions/options';
import { locatorProperty } from '../../descriptions/rlc.description';
import { REVIEW_SHAPE } from '../../helpers/records';
import { getRecord } from '../records';
import type { RequestSettings } from '../../transport/settings';

/** What Simplify keeps of a review: who, when, and who signed. */
export const SIMPLE_REVIEW_FIELDS = [
	'ID',
	'LearnerID',
	'AssessorID',
	'Status',
	'ScheduledFor',
	'AssessorSignedOn',
	'LearnerSignedOn',
	'EmployerSignedOn',
	'Progress',
];

/** Every field a review is known to hold in client code (docs/onefile-api.md §7): Selected Fields' picker. */
export const REVIEW_FIELDS: readonly string[] = [
	'OrganisationID',
	...(REVIEW_SHAPE.numbers ?? []),
	...(REVIEW_SHAPE.dates ?? []),
];

export const properties: INodeProperties[] = [
	locatorProperty({
		name: 'organisationId',
		displayName: 'Organisation',
		locator: 'organisation',
		description: 'The organisation, used to list reviews',
		required: false,
	}),
	locatorProperty({
		name: 'reviewId',
		displayName: 'Review',
		locator: 'review',
		description: 'The review to get',
	}),
	...outputProperties(SIMPLE_REVIEW_FIELDS, REVIEW_FIELDS),
	optionsCollection(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['review'], operation: ['get'] } },
	properties,
);

/** `GET /Review/{id}` (public client code). */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
): Promise<INodeExecutionData[]> {
	const check = new Checker(this, itemIndex, 'Cannot get the review', 'OneFile');
	const shape = readOutput(check, SIMPLE_REVIEW_FIELDS);
	const { id } = check.done({ id: check.id('Review', check.param('reviewId')) });
	return toItems.call(this, shape(await readReview.call(this, itemIndex, settings, id)), itemIndex);
}

/** One review's whole record, its fields read tolerantly (Get, and Get Many's Full Records). */
export async function readReview(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
	id: number,
): Promise<IDataObject> {
	return await getRecord.call(
		this,
		itemIndex,
		settings,
		['Review', id],
		`get review ${id}`,
		REVIEW_SHAPE,
	);
}
