import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { Checker } from '../../../shared/checks/checker';
import { idFromAnswer } from '../../../shared/checks/values';
import { updateDisplayOptions } from '../../../shared/descriptions/displayOptions';
import { compact } from '../../../shared/http/body';
import { toItems } from '../../../shared/items/output';
import { optionsCollection } from '../../descriptions/options';
import { locatorProperty } from '../../descriptions/rlc.description';
import { answerTime } from '../../helpers/userRecord';
import { oneFileApiRequest } from '../../transport';
import { ONEFILE_LISTS, oneFileSearchAll } from '../../transport/paging';
import { learnerOrganisation } from '../statuses';
import { previewOption, readPreview, withKeyLock } from '../sync';
import { VISIT_TYPES } from './visitTypes';
import type { RequestSettings } from '../../transport/settings';

const SUBJECT = 'Cannot schedule the review';

/** `Status` of a new review: 1 is "scheduled" (docs/onefile-api.md §7 [C] C1, sunsis-core's createVisits). */
const SCHEDULED = 1;

export const properties: INodeProperties[] = [
	locatorProperty({
		name: 'organisationId',
		displayName: 'Organisation',
		locator: 'organisation',
		description: 'The organisation of the learner, used to list learners, assessors and employers',
		required: false,
	}),
	locatorProperty({
		name: 'learnerId',
		displayName: 'Learner',
		locator: 'learner',
		description: 'The learner the review is for',
	}),
	{
		displayName: 'Scheduled For',
		name: 'scheduledFor',
		type: 'dateTime',
		default: '',
		required: true,
		description:
			'When the review (and the visit booked for it) starts. A time without an offset is UTC. A review already scheduled for the learner on the same day (UTC) is not scheduled again.',
	},
	{
		displayName: 'Visit Type',
		name: 'visitType',
		type: 'resourceLocator',
		default: { mode: 'list', value: '1', cachedResultName: 'Not Specified' },
		description: "The visit's type: Not Specified, Remote Session or Face-to-face",
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a visit type...',
				typeOptions: {
					searchListMethod: 'searchVisitTypes',
					searchable: true,
					searchFilterRequired: false,
				},
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 3',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^\\s*[0-9]+\\s*$',
							errorMessage: 'Not a valid OneFile visit type ID: a whole number, e.g. 3',
						},
					},
				],
			},
		],
	},
	locatorProperty({
		name: 'assessorId',
		displayName: 'Assessor',
		locator: 'assessor',
		description: "Who holds the visit and review; leave empty for the learner's default assessor",
		required: false,
	}),
	locatorProperty({
		name: 'employerId',
		displayName: 'Employer',
		locator: 'employer',
		description: 'The employer who takes part in the review; leave empty for none',
		required: false,
	}),
	optionsCollection([
		{
			displayName: 'Visit Ends',
			name: 'visitEnds',
			type: 'dateTime',
			default: '',
			description: 'When the visit ends (not before Scheduled For); leave it out for none',
		},
		{
			displayName: 'SMS Reminder',
			name: 'smsReminder',
			type: 'boolean',
			default: false,
			description: 'Whether OneFile sends the learner a text message reminder of the visit',
		},
		previewOption,
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['review'], operation: ['schedule'] } },
	properties,
);

/**
 * `POST /Visit`, then `POST /Review` with the visit's ID and Status 1, scheduled (docs/onefile-api.md
 * §7 [C] C1/C2, sunsis-core's createVisits); each answers the new ID bare. Look before create: the
 * learner's reviews are searched first, and one already scheduled for that learner on the same day
 * (UTC) is answered as `exists`, nothing created. Items of one run for the same learner and day run
 * one after another, so a sheet that names the review twice books it once. Neither create is
 * repeated after a lost answer. When the visit was booked but the review refused, the item error
 * names the visit so the review can be completed by hand.
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
): Promise<INodeExecutionData[]> {
	const check = new Checker(this, itemIndex, SUBJECT, 'OneFile');
	const options = check.collection('options');
	const learner = check.id('Learner', check.param('learnerId'));
	const scheduled = check.value('dateTime', 'Scheduled For', check.param('scheduledFor')) as
		| string
		| undefined;
	const visitEnds = check.value('dateTime', 'Visit Ends', options.visitEnds, {
		optional: true,
	}) as string | undefined;
	if (scheduled !== undefined && visitEnds !== undefined && visitEnds < scheduled)
		check.add({
			field: 'Visit Ends',
			problem: `(${visitEnds}) is before Scheduled For (${scheduled})`,
			fix: 'Give a time at or after Scheduled For, or leave Visit Ends out',
		});
	const visitType = check.id('Visit Type', check.param('visitType'), { optional: true }) ?? 1;
	const assessorId = check.id('Assessor', check.param('assessorId'), { optional: true });
	const employerId = check.id('Employer', check.param('employerId'), { optional: true });
	const smsReminder =
		options.smsReminder === undefined
			? undefined
			: check.flag('SMS Reminder', options.smsReminder, false);
	const preview = readPreview(check, options);
	const { learnerId, scheduledFor } = check.done({ learnerId: learner, scheduledFor: scheduled });

	const organisationId = await learnerOrganisation.call(this, learnerId, settings, itemIndex);
	const day = scheduledFor.slice(0, 10);
	const visit = compact({
		LearnerID: learnerId,
		OrganisationID: organisationId,
		AssessorID: assessorId,
		DateFrom: scheduledFor,
		DateTo: visitEnds,
		VisitTypeID: visitType,
		SMSReminder: smsReminder,
	});
	const review = compact({
		LearnerID: learnerId,
		Status: SCHEDULED,
		ScheduledFor: scheduledFor,
		AssessorID: assessorId,
		EmployerID: employerId,
	});
	const about = { learnerId, organisationId, scheduledFor };
	const result = await withKeyLock(this, `review:${learnerId}:${day}`, async () => {
		const existing = await scheduledOn.call(
			this,
			itemIndex,
			settings,
			organisationId,
			learnerId,
			day,
		);
		if (existing !== undefined)
			return {
				action: 'exists',
				scheduled: false,
				reviewId: existing.id,
				...about,
				existingScheduledFor: existing.scheduledFor,
				message: `Learner ${learnerId} already has review ${existing.id} scheduled on ${day}: nothing was created${preview ? ' (Preview)' : ''}.`,
			};
		if (preview)
			return {
				action: 'would schedule',
				scheduled: false,
				...about,
				visitType: visitTypeName(visitType),
				wouldSend: { visit, review },
				message: `Would book a visit and schedule a review for learner ${learnerId} at ${scheduledFor}; nothing was written (Preview).`,
			};
		const visitId = await bookVisit.call(this, itemIndex, settings, visit);
		const reviewId = await createReview.call(this, itemIndex, settings, {
			...review,
			VisitID: visitId,
		});
		return {
			action: 'scheduled',
			scheduled: true,
			reviewId,
			visitId,
			...about,
			visitType: visitTypeName(visitType),
		};
	});
	return toItems.call(this, compact(result), itemIndex);
}

function visitTypeName(id: number): string | undefined {
	return VISIT_TYPES.find((t) => t.id === id)?.name;
}

/** The learner's review scheduled on this day (UTC), if any: the lowest ID. */
async function scheduledOn(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
	organisationId: number,
	learnerId: number,
	day: string,
): Promise<{ id: number; scheduledFor: string } | undefined> {
	const rows = await oneFileSearchAll.call(
		this,
		ONEFILE_LISTS.review,
		{
			OrganisationID: organisationId,
			LearnerID: learnerId,
			DateFrom: `${day}T00:00:00.000Z`,
			DateTo: `${day}T23:59:59.999Z`,
		},
		{ settings, itemIndex, action: `look for a review of learner ${learnerId} on ${day}` },
	);
	// OneFile's filters are known from client code only: the learner and the day are checked here too.
	const found = rows
		.map((row) => ({
			id: idFromAnswer(row.ID),
			learner: row.LearnerID === undefined ? learnerId : idFromAnswer(row.LearnerID),
			time: answerTime(row.ScheduledFor),
		}))
		.filter(
			(row): row is { id: number; learner: number; time: number } =>
				row.id !== undefined &&
				row.learner === learnerId &&
				row.time !== undefined &&
				new Date(row.time).toISOString().slice(0, 10) === day,
		)
		.sort((a, b) => a.id - b.id);
	return found.length === 0
		? undefined
		: { id: found[0].id, scheduledFor: new Date(found[0].time).toISOString() };
}

/** A create's answer: the new ID bare (§7 [C]), or `{ID}`; undefined when neither is usable. */
function createdId(body: unknown): number | undefined {
	if (body && typeof body === 'object' && !Array.isArray(body))
		return idFromAnswer((body as IDataObject).ID);
	return idFromAnswer(body);
}

async function bookVisit(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
	body: IDataObject,
): Promise<number> {
	const { body: answer } = await oneFileApiRequest.call(this, {
		settings,
		method: 'POST',
		path: ['Visit'],
		body,
		itemIndex,
		action: `book a visit for learner ${String(body.LearnerID)}`,
		idempotent: false,
	});
	const visitId = createdId(answer);
	if (visitId === undefined)
		throw new NodeOperationError(
			this.getNode(),
			`${SUBJECT}: OneFile booked the visit but its answer held no usable visit ID, so no review was created [item ${itemIndex}]`,
			{
				itemIndex,
				description: `Find the visit booked for learner ${String(body.LearnerID)} at ${String(body.DateFrom)} in OneFile and add its review by hand; running the row again would book another visit.`,
			},
		);
	return visitId;
}

async function createReview(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
	body: IDataObject,
): Promise<number> {
	const visitId = Number(body.VisitID);
	let answer: unknown;
	try {
		({ body: answer } = await oneFileApiRequest.call(this, {
			settings,
			method: 'POST',
			path: ['Review'],
			body,
			itemIndex,
			action: `create the review for visit ${visitId}`,
			idempotent: false,
		}));
	} catch (error) {
		const said = error instanceof Error ? error.message : String(error);
		const why = (error as { description?: unknown }).description;
		throw new NodeOperationError(
			this.getNode(),
			`${SUBJECT}: visit ${visitId} was booked, but the review was not created: ${said}`,
			{
				itemIndex,
				description: `${typeof why === 'string' && why ? `${why}\n` : ''}Complete it by hand: in OneFile, add the review to visit ${visitId} of learner ${String(body.LearnerID)} (or delete the visit). If the review was created after all, running the row again finds it and creates nothing; if not, running it again books another visit.`,
			},
		);
	}
	const reviewId = createdId(answer);
	if (reviewId === undefined)
		throw new NodeOperationError(
			this.getNode(),
			`${SUBJECT}: visit ${visitId} was booked and OneFile took the review, but its answer held no usable review ID [item ${itemIndex}]`,
			{
				itemIndex,
				description:
					'Running the row again finds the review (same learner, same day) and creates nothing; or look it up with Review → Get Many.',
			},
		);
	return reviewId;
}
