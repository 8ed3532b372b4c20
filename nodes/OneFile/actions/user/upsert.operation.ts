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
import {
	checkCreateInput,
	createOptions,
	validationResult,
	wouldCreate,
	type CheckedCreate,
} from './createInput';
import { createUser } from './createUser';
import { withLearnerStatusId } from './learnerStatus';
import { findMatchingUsers, MATCH_FIELDS, type MatchBy } from './matching';
import {
	addToIndex,
	comparesBeforeWriting,
	currentUser,
	MAX_INDEXED_USERS,
	misIdIndex,
	misIdKey,
	withKeyLock,
} from '../sync';
import type { MisIdIndex } from '../../transport/runState';
import { compareWithRecord, everyField } from '../../helpers/compare';
import type { RequestSettings } from '../../transport/settings';

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
	settings: RequestSettings,
): Promise<INodeExecutionData[]> {
	const matchBy = this.getNodeParameter('matchBy', itemIndex) as MatchBy;
	const misId =
		matchBy === 'misId'
			? { misId: this.getNodeParameter('misId', itemIndex, '') as IDataObject[string] }
			: {};
	const checked = checkCreateInput.call(this, itemIndex, misId, 'create or update');
	const { body, check } = checked;
	const { apiName } = MATCH_FIELDS[matchBy];
	if (body[apiName] === undefined && !check.problems.some((p) => p.field === 'MIS ID')) {
		check.add({
			field: 'MIS ID',
			problem: 'is missing',
			fix: 'Match By is MIS ID, so every row needs one: fill it in, or match by Email',
		});
	}
	if (checked.validateOnly) return toItems.call(this, validationResult(checked), itemIndex);
	check.done();
	// Rows naming the same user run one after another: a sheet that lists a learner twice never
	// creates two (the second finds the first, and updates it or leaves it unchanged).
	const key = `${String(body.OrganisationID)}:${String(body.Role)}:${matchBy}:${misIdKey(body[apiName])}`;
	return await withKeyLock(this, key, async () => {
		return toItems.call(
			this,
			await upsertOne.call(this, itemIndex, settings, checked, matchBy),
			itemIndex,
		);
	});
}

async function upsertOne(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
	checked: CheckedCreate,
	matchBy: MatchBy,
): Promise<IDataObject> {
	const { role, options, preview } = checked;
	const body = await withLearnerStatusId.call(
		this,
		itemIndex,
		settings,
		checked.body,
		Number(checked.body.OrganisationID),
	);
	const roleName = ROLES[role].name;
	const { apiName, label } = MATCH_FIELDS[matchBy];
	const sync = comparesBeforeWriting.call(this);
	const found = await findExisting.call(this, itemIndex, settings, matchBy, body, sync);
	const { matches, index, notice } = found;
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
	const noticed = notice === undefined ? {} : { notice };
	if (matches.length === 0) {
		if (preview) return wouldCreate({ ...checked, body }, notice);
		const created = await createUser.call(this, itemIndex, settings, role, body, {
			...options,
			matchBy,
			knownAbsent: true,
		});
		const newId = idFromAnswer(created.id);
		if (index !== undefined && newId !== undefined) addToIndex(index, body.MISID, newId);
		return { action: 'created', ...created, ...noticed };
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
	const summary = {
		id,
		role: roleName,
		firstName: body.FirstName,
		lastName: body.LastName,
		email: body.Email,
		...(body.MISID !== undefined ? { misId: body.MISID } : {}),
		created: false,
	};
	const wanted = updatablePart(body);
	if (!sync && !preview) {
		await sendUpdate.call(this, itemIndex, settings, id, roleName, wanted);
		return {
			action: 'updated',
			...summary,
			changed: wanted,
			message: `Updated ${roleName} ${String(body.FirstName)} ${String(body.LastName)} (ID ${id}), found by ${label}.`,
		};
	}
	const record = await currentUser.call(this, itemIndex, settings, id);
	// Version 1.2 sends only what differs; earlier versions would send every field given.
	const { send, changes } = sync ? compareWithRecord(wanted, record) : everyField(wanted, record);
	const name = `${roleName} ${String(body.FirstName)} ${String(body.LastName)} (ID ${id})`;
	if (Object.keys(send).length === 0)
		return {
			action: 'unchanged',
			...summary,
			changes: {},
			message: `${name} already holds these values: nothing was sent.`,
			...noticed,
		};
	if (preview)
		return {
			action: 'would update',
			...summary,
			changes,
			message: `Would update ${name}: ${Object.keys(changes).join(', ')}; nothing was written (Preview).`,
			...noticed,
		};
	await sendUpdate.call(this, itemIndex, settings, id, roleName, send);
	return {
		action: 'updated',
		...summary,
		changed: send,
		changes,
		message: `Updated ${name}, found by ${label}: ${Object.keys(changes).join(', ')}.`,
		...noticed,
	};
}

interface Existing {
	matches: IDataObject[];
	/** The run's MIS ID listing, when this row was matched against it (a created user joins it). */
	index?: MisIdIndex;
	notice?: string;
}

/**
 * The users this row names: by MIS ID from the run's one listing (version 1.2), else by one search.
 * Email is always one search per row: OneFile's search rows hold no email.
 */
async function findExisting(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
	matchBy: MatchBy,
	body: IDataObject,
	sync: boolean,
): Promise<Existing> {
	if (!sync || matchBy !== 'misId')
		return { matches: await findMatchingUsers.call(this, itemIndex, settings, matchBy, body) };
	const index = await misIdIndex.call(
		this,
		itemIndex,
		settings,
		Number(body.OrganisationID),
		Number(body.Role),
	);
	if (index === undefined)
		return {
			matches: await findMatchingUsers.call(this, itemIndex, settings, matchBy, body),
			notice: `The organisation has more than ${MAX_INDEXED_USERS.toLocaleString('en-GB')} users of this role: this run matched by one search per row.`,
		};
	return { matches: (index.get(misIdKey(body.MISID)) ?? []).map((id) => ({ ID: id })), index };
}

async function sendUpdate(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
	id: number,
	roleName: string,
	body: IDataObject,
): Promise<void> {
	await oneFileApiRequest.call(this, {
		settings,
		method: 'POST',
		path: ['User', id],
		body,
		itemIndex,
		action: `update ${roleName} ${id}`,
		idempotent: true,
	});
}
