import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { Checker } from '../../../shared/checks/checker';
import { updateDisplayOptions } from '../../../shared/descriptions/displayOptions';
import { toItems } from '../../../shared/items/output';
import { optionsCollection } from '../../descriptions/options';
import { locatorProperty } from '../../descriptions/rlc.description';
import { updateFieldsProperty } from '../../descriptions/userFields';
import { updateUserBody } from '../../helpers/userBody';
import { oneFileApiRequest } from '../../transport';
import { compareWithRecord, everyField } from '../../helpers/compare';
import { withLearnerStatusId } from './learnerStatus';
import { comparesBeforeWriting, currentUser, previewOption, readPreview } from '../sync';
import type { RequestSettings } from '../../transport/settings';

export const properties: INodeProperties[] = [
	locatorProperty({
		name: 'userId',
		displayName: 'User',
		locator: 'user',
		description: 'The OneFile user to change',
	}),
	updateFieldsProperty(),
	optionsCollection([previewOption]),
];

const displayOptions = { show: { resource: ['user'], operation: ['update'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
): Promise<INodeExecutionData[]> {
	const check = new Checker(this, itemIndex, 'Cannot update the user', 'OneFile');
	const userId = check.id('User', check.param('userId'));
	const { body, problems } = updateUserBody(check.collection('updateFields'));
	problems.forEach((problem) => check.add(problem));
	if (problems.length === 0 && Object.keys(body).length === 0) {
		check.add({
			field: 'Update Fields',
			problem: 'has nothing to change',
			fix: 'Add at least one field under Update Fields, with a value',
		});
	}
	const preview = readPreview(check, check.collection('options'));
	const { id } = check.done({ id: userId });
	if (typeof body.LearnerStatusID === 'string') {
		// A status by name belongs to the user's organisation: read it from the record.
		const { OrganisationID } = await currentUser.call(this, itemIndex, settings, id);
		Object.assign(
			body,
			await withLearnerStatusId.call(this, itemIndex, settings, body, Number(OrganisationID)),
		);
	}
	if (!comparesBeforeWriting.call(this) && !preview) {
		await send.call(this, itemIndex, settings, id, body);
		return toItems.call(this, { id, updated: true, changed: body }, itemIndex);
	}
	const record = await currentUser.call(this, itemIndex, settings, id);
	const { send: differs, changes } = comparesBeforeWriting.call(this)
		? compareWithRecord(body, record)
		: everyField(body, record);
	if (Object.keys(differs).length === 0)
		return toItems.call(
			this,
			{
				id,
				action: 'unchanged',
				updated: false,
				changes: {},
				message: `User ${id} already holds these values: nothing was sent.`,
			},
			itemIndex,
		);
	if (preview)
		return toItems.call(
			this,
			{
				id,
				action: 'would update',
				updated: false,
				changes,
				message: `Would update user ${id}: ${Object.keys(changes).join(', ')}; nothing was written (Preview).`,
			},
			itemIndex,
		);
	await send.call(this, itemIndex, settings, id, differs);
	return toItems.call(
		this,
		{ id, action: 'updated', updated: true, changed: differs, changes },
		itemIndex,
	);
}

async function send(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
	id: number,
	body: IDataObject,
): Promise<void> {
	await oneFileApiRequest.call(this, {
		settings,
		method: 'POST',
		path: ['User', id],
		body,
		itemIndex,
		action: `update user ${id}`,
		idempotent: true,
	});
}
