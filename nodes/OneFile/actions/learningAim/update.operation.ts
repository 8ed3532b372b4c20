import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { Checker } from '../../../shared/checks/checker';
import { updateDisplayOptions } from '../../../shared/descriptions/displayOptions';
import { compact } from '../../../shared/http/body';
import { toItems } from '../../../shared/items/output';
import { optionsCollection } from '../../descriptions/options';
import { learnerLocators, locatorProperty } from '../../descriptions/rlc.description';
import { LEARNING_AIM_SHAPE, readRecord } from '../../helpers/records';
import { oneFileApiRequest } from '../../transport';
import { previewOption, readPreview } from '../sync';
import { learningAimOrganisation, matchStatus, runStatuses, statusError } from '../statuses';
import { fetchRecord } from '../records';
import type { RequestSettings } from '../../transport/settings';

const SUBJECT = 'Cannot update the learning aim';

/** The Update Fields, by OneFile's name (sunsis-core's pushLearningAimsInformation body, §7 [C] C2). */
const FIELDS = [
	{ name: 'registrationNumber', label: 'Registration Number', api: 'RegistrationNumber' },
	{ name: 'registrationDate', label: 'Registration Date', api: 'RegistrationDate' },
	{
		name: 'certificateAppliedDate',
		label: 'Certificate Applied For Date',
		api: 'CertificateAppliedDate',
	},
	{ name: 'achievedDate', label: 'Achieved Date', api: 'AchievedDate' },
	{ name: 'plannedEndDate', label: 'Planned End Date', api: 'PlannedEnd' },
	{ name: 'startDate', label: 'Start Date', api: 'StartDate' },
] as const;

const FIELD_DESCRIPTIONS: Record<(typeof FIELDS)[number]['name'], string> = {
	registrationNumber: "The learner's registration number with the awarding body",
	registrationDate: 'When the learner was registered with the awarding body',
	certificateAppliedDate: 'When the certificate was applied for',
	achievedDate:
		'When the learning aim was achieved (OneFile then counts it as completed in Get Many and the trigger)',
	plannedEndDate: 'When the learning aim is planned to end',
	startDate: 'When the learning aim started',
};

export const properties: INodeProperties[] = [
	// Both only narrow the Learning Aim list: the aim's ID is what the update needs.
	...learnerLocators('The learner whose learning aims the list shows', false),
	locatorProperty({
		name: 'learningAimId',
		displayName: 'Learning Aim',
		locator: 'learningAim',
		description: 'The learning aim to change',
	}),
	{
		displayName: 'Status',
		name: 'status',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		description:
			"The learning aim's new status, one of the learner's organisation's learning aim statuses. By ID also takes the status's name (e.g. Withdrawn, from a sheet or an expression): it must match exactly one of them. Leave empty to keep the status.",
		typeOptions: { loadOptionsDependsOn: ['learningAimId.value'] },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a status...',
				typeOptions: {
					searchListMethod: 'searchLearningAimStatuses',
					searchable: true,
					searchFilterRequired: false,
				},
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 4 or Withdrawn',
			},
		],
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields added here are sent; the others keep their values',
		options: FIELDS.map(({ name, label }) => ({
			displayName: label,
			name,
			type: name === 'registrationNumber' ? 'string' : 'dateTime',
			default: '',
			description: FIELD_DESCRIPTIONS[name],
		})),
	},
	optionsCollection([previewOption]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['learningAim'], operation: ['update'] } },
	properties,
);

/**
 * `POST /LearningAim/{id}` (docs/onefile-api.md §7 [C] C2, sunsis-core's pushLearningAimsInformation):
 * a partial update, only the fields given. A status given by ID or name is resolved against the
 * learner's organisation's learning aim statuses first (the aim, its learner and the list are read):
 * no match, or a name several statuses share, stops the row with the organisation's statuses listed.
 * Sending the same values twice does no harm, so the update may be repeated after a lost answer.
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
): Promise<INodeExecutionData[]> {
	const check = new Checker(this, itemIndex, SUBJECT, 'OneFile');
	const learningAimId = check.id('Learning Aim', check.param('learningAimId'));
	const fields = check.collection('updateFields');
	const body: IDataObject = {};
	for (const { name, label, api } of FIELDS)
		body[api] =
			name === 'registrationNumber'
				? check.text(label, fields[name], { optional: true })
				: check.value('date', label, fields[name], { optional: true });
	const status = check.text('Status', check.param('status'), { optional: true });
	const given = compact(body);
	if (status === undefined && Object.keys(given).length === 0 && check.problems.length === 0)
		check.add({
			field: 'Update Fields',
			problem: 'has nothing to change',
			fix: 'Pick a Status or add at least one field under Update Fields, with a value',
		});
	const preview = readPreview(check, check.collection('options'));
	const { id } = check.done({ id: learningAimId });

	let aim: IDataObject | undefined;
	let statusName: string | undefined;
	if (status !== undefined) {
		const found = await learningAimOrganisation.call(this, id, settings, itemIndex);
		aim = found.aim;
		const statuses = await runStatuses.call(
			this,
			found.organisationId,
			'LearningAimStatuses',
			settings,
			itemIndex,
		);
		const match = matchStatus(status, statuses);
		if (!match.ok)
			throw statusError(
				this,
				SUBJECT,
				'Status',
				match.problem,
				found.organisationId,
				statuses,
				itemIndex,
			);
		given.Status = match.id;
		statusName = match.name;
	}

	if (preview) {
		const current = readRecord(
			aim ??
				(await fetchRecord.call(
					this,
					itemIndex,
					settings,
					['LearningAim', id],
					`read learning aim ${id} (Preview)`,
				)),
			LEARNING_AIM_SHAPE,
		);
		return toItems.call(
			this,
			compact({
				action: 'would update',
				updated: false,
				learningAimId: id,
				fields: given,
				statusName,
				current: Object.fromEntries(Object.keys(given).map((key) => [key, current[key] ?? null])),
				message: `Would update learning aim ${id}: ${Object.keys(given).join(', ')}; nothing was written (Preview).`,
			}),
			itemIndex,
		);
	}

	await oneFileApiRequest.call(this, {
		settings,
		method: 'POST',
		path: ['LearningAim', id],
		body: given,
		itemIndex,
		action: `update learning aim ${id}`,
		idempotent: true,
	});
	return toItems.call(
		this,
		compact({ action: 'updated', updated: true, learningAimId: id, fields: given, statusName }),
		itemIndex,
	);
}
