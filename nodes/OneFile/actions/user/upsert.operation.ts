import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { idFromAnswer } from '../../../shared/checks/values';
import { updateDisplayOptions } from '../../../shared/descriptions/displayOptions';
import { toItems } from '../../../shared/items/output';
import { optionsCollection } from '../../descriptions/options';
import { ROLES } from '../../descriptions/roles';
import {
	additionalFieldsProperty,
	fieldProperty,
	requiredFieldProperties,
	roleProperty,
	userField,
} from '../../descriptions/userFields';
import { updatablePart } from '../../helpers/userBody';
import { oneFileApiRequest } from '../../transport';
import { checkCreateInput, createOptions, validationResult } from './createInput';
import { createUser } from './createUser';
import { findMatchingUsers, MATCH_FIELDS, type MatchBy } from './matching';

export const properties: INodeProperties[] = [
	roleProperty,
	{
		displayName: 'Match By',
		name: 'matchBy',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Email',
				value: 'email',
				description: 'The user with this email, in this organisation and role',
			},
			{
				name: 'MIS ID',
				value: 'misId',
				description: 'The user with this MIS ID, in this organisation and role',
			},
		],
		default: 'email',
		description:
			'How to recognise a user who is already in OneFile. Found: the user is updated. Not found: the user is created. Two found: the item fails, nothing is changed.',
	},
	{
		...fieldProperty(userField('MISID'), { required: true, asLocator: false }),
		displayOptions: { show: { matchBy: ['misId'] } },
	},
	...requiredFieldProperties(),
	additionalFieldsProperty({ misId: { '/matchBy': ['misId'] } }),
	optionsCollection(createOptions),
];

const displayOptions = { show: { resource: ['user'], operation: ['upsert'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const matchBy = this.getNodeParameter('matchBy', itemIndex) as MatchBy;
	const misId =
		matchBy === 'misId'
			? { misId: this.getNodeParameter('misId', itemIndex, '') as IDataObject[string] }
			: {};
	const checked = checkCreateInput.call(this, itemIndex, misId, 'create or update');
	const { role, body, options, check } = checked;
	const roleName = ROLES[role].name;
	const { apiName, label } = MATCH_FIELDS[matchBy];
	if (body[apiName] === undefined && !check.problems.some((p) => p.field === 'MIS ID')) {
		check.add({
			field: 'MIS ID',
			problem: 'is missing',
			fix: 'Match By is MIS ID, so every row needs one: fill it in, or match by Email',
		});
	}
	if (checked.validateOnly) return toItems.call(this, validationResult(checked), itemIndex);
	check.done();

	const matches = await findMatchingUsers.call(this, itemIndex, matchBy, body);
	if (matches.length > 1) {
		throw new NodeOperationError(
			this.getNode(),
			`${matches.length} ${roleName}s in organisation ${String(body.OrganisationID)} have the ${label} ${String(body[apiName])}: cannot tell which to update [item ${itemIndex}]`,
			{
				itemIndex,
				description: `Nothing was changed. Their IDs: ${matches.map((m) => String(idFromAnswer(m.ID) ?? '?')).join(', ')}. ${matchBy === 'email' ? 'Match by MIS ID instead, or' : 'Give each user its own MIS ID in OneFile, or'} remove the duplicate in OneFile.`,
			},
		);
	}
	if (matches.length === 0) {
		const created = await createUser.call(this, itemIndex, role, body, {
			...options,
			matchBy,
			knownAbsent: true,
		});
		return toItems.call(this, { action: 'created', ...created }, itemIndex);
	}

	// The ID comes from OneFile's answer: checked before it goes into a path.
	const id = idFromAnswer(matches[0].ID);
	if (id === undefined) {
		throw new NodeOperationError(
			this.getNode(),
			`OneFile's search found the ${roleName} but answered with an ID that is not a OneFile ID [item ${itemIndex}]`,
			{
				itemIndex,
				description: `Nothing was changed. OneFile's answer held ${JSON.stringify(matches[0].ID ?? null).slice(0, 40)} as the user's ID. Check the Base URL points at OneFile's API; if it does, report this to OneFile Support.`,
			},
		);
	}
	const changes = updatablePart(body);
	await oneFileApiRequest.call(this, {
		method: 'POST',
		path: ['User', id],
		body: changes,
		itemIndex,
		action: `update ${roleName} ${id}`,
		idempotent: true,
	});
	return toItems.call(
		this,
		{
			action: 'updated',
			id,
			role: roleName,
			firstName: body.FirstName,
			lastName: body.LastName,
			email: body.Email,
			...(body.MISID !== undefined ? { misId: body.MISID } : {}),
			created: false,
			changed: changes,
			message: `Updated ${roleName} ${String(body.FirstName)} ${String(body.LastName)} (ID ${id}), found by ${label}.`,
		},
		itemIndex,
	);
}
