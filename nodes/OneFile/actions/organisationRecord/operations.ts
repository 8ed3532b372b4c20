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
import { toItems } from '../../../shared/items/output';
import { optionsCollection } from '../../descriptions/options';
import { locatorProperty } from '../../descriptions/rlc.description';
import { compareWithRecord, everyField } from '../../helpers/compare';
import { failureOf, oneFileApiRequest } from '../../transport';
import { searchPage } from '../../transport/paging';
import { comparesBeforeWriting, previewOption, readPreview, withKeyLock } from '../sync';
import { fieldOption, type RecordSpec } from './spec';
import { fetchRecord } from '../records';
import type { RequestSettings } from '../../transport/settings';
import type { OneFileOperation } from '../operation.type';

export type RecordOperation = OneFileOperation;

const organisation = (spec: RecordSpec) =>
	locatorProperty({
		name: 'organisationId',
		displayName: 'Organisation',
		locator: 'organisation',
		description: `The organisation the ${spec.noun} belongs to`,
	});
const nameProperty = (spec: RecordSpec): INodeProperties => ({
	displayName: 'Name',
	name: 'name',
	type: 'string',
	required: true,
	default: '',
	description: `The ${spec.noun}'s name`,
});
const recordLocator = (spec: RecordSpec) =>
	locatorProperty({
		name: 'recordId',
		displayName: spec.noun === 'placement' ? 'Placement' : 'Classroom',
		locator: spec.locator,
		description: `The ${spec.noun}`,
	});
const fieldsCollection = (
	spec: RecordSpec,
	name: string,
	displayName: string,
	withName: boolean,
): INodeProperties => ({
	displayName,
	name,
	type: 'collection',
	placeholder: 'Add field',
	default: {},
	options: [
		...(withName ? [{ ...nameProperty(spec), required: false }] : []),
		...spec.fields.map(fieldOption),
	].sort((a, b) => a.displayName.localeCompare(b.displayName)),
});

function show(
	spec: RecordSpec,
	operation: string,
	properties: INodeProperties[],
): INodeProperties[] {
	return updateDisplayOptions(
		{ show: { resource: [spec.resource], operation: [operation] } },
		properties,
	);
}

/** The body of the spec's fields found in a collection, each read through the checks. */
function readFields(
	check: Checker,
	spec: RecordSpec,
	collection: IDataObject,
	withName: boolean,
): IDataObject {
	const body: IDataObject = {};
	if (withName && collection.name !== undefined) {
		const name = check.text('Name', collection.name, { optional: true });
		if (name !== undefined) body.Name = name;
	}
	for (const field of spec.fields) {
		if (!(field.name in collection)) continue;
		const value = check.value(field.kind, field.displayName, collection[field.name], {
			optional: true,
		});
		if (value !== undefined) body[field.apiName] = value;
	}
	return body;
}

export function createOperation(spec: RecordSpec): RecordOperation {
	const description = show(spec, 'create', [
		organisation(spec),
		nameProperty(spec),
		fieldsCollection(spec, 'additionalFields', 'Additional Fields', false),
		optionsCollection([previewOption]),
	]);
	async function execute(
		this: IExecuteFunctions,
		itemIndex: number,
		settings: RequestSettings,
	): Promise<INodeExecutionData[]> {
		const check = new Checker(this, itemIndex, `Cannot create the ${spec.noun}`, 'OneFile');
		const organisationId = check.id('Organisation', check.param('organisationId'));
		const name = check.text('Name', check.param('name'));
		const fields = readFields(check, spec, check.collection('additionalFields'), false);
		const preview = readPreview(check, check.collection('options'));
		const ids = check.done({ organisationId, name });
		const body: IDataObject = { OrganisationID: ids.organisationId, Name: ids.name, ...fields };
		if (preview)
			return toItems.call(
				this,
				{
					action: 'would create',
					wouldSend: body,
					message: `Would create the ${spec.noun} ${ids.name}; nothing was written (Preview).`,
				},
				itemIndex,
			);
		return toItems.call(
			this,
			await createRecord.call(this, itemIndex, settings, spec, body),
			itemIndex,
		);
	}
	return { description, execute };
}

/**
 * `POST /Placement` or `/Classroom` [C]. What OneFile answers is unknown: a bare ID, `{ID}`, or
 * nothing (200 or 204). Without an ID the new record is found by its MIS ID, else its name, and
 * the output says how. Never sent twice: after a lost answer the record is looked for instead.
 */
async function createRecord(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
	spec: RecordSpec,
	body: IDataObject,
): Promise<IDataObject> {
	let answer: unknown;
	let lost: unknown;
	try {
		answer = (
			await oneFileApiRequest.call(this, {
				settings,
				method: 'POST',
				path: [spec.path],
				body,
				itemIndex,
				action: `create the ${spec.noun}`,
				idempotent: false,
			})
		).body;
	} catch (error) {
		lost = error;
	}
	const named = `${spec.noun} ${String(body.Name)}`;
	if (lost !== undefined) {
		const failure = failureOf(lost);
		// OneFile answered in words (a refusal): nothing was created.
		if (failure?.httpCode !== undefined && failure.httpCode < 500 && !failure.unreadable)
			throw lost;
		const found = await findRecords.call(this, itemIndex, settings, spec, body);
		if (found.length === 1)
			return created(spec, body, idFromAnswer(found[0].ID), 'looked up after the answer was lost');
		throw new NodeOperationError(
			this.getNode(),
			`Unknown whether OneFile created the ${named} [item ${itemIndex}]`,
			{
				itemIndex,
				description: `OneFile's answer was lost, and a search ${found.length === 0 ? 'does not show it yet' : `shows ${found.length} with that ${body.MISID !== undefined ? 'MIS ID' : 'name'}`}. It was not sent again: check in OneFile before running this row again.`,
			},
		);
	}
	const fromAnswer =
		idFromAnswer(answer) ??
		(answer !== null && typeof answer === 'object' && !Array.isArray(answer)
			? idFromAnswer((answer as IDataObject).ID)
			: undefined);
	if (fromAnswer !== undefined) return created(spec, body, fromAnswer, "OneFile's answer");
	const found = await findRecords.call(this, itemIndex, settings, spec, body);
	return created(
		spec,
		body,
		found.length === 1 ? idFromAnswer(found[0].ID) : undefined,
		found.length === 1
			? `a search by ${body.MISID !== undefined ? 'MIS ID' : 'name'}`
			: `not found (${found.length} matches)`,
	);
}

function created(
	spec: RecordSpec,
	body: IDataObject,
	id: number | undefined,
	idFoundBy: string,
): IDataObject {
	return {
		action: 'created',
		id: id ?? null,
		name: body.Name,
		...(body.MISID !== undefined ? { misId: body.MISID } : {}),
		idFoundBy,
		message: `Created the ${spec.noun} ${String(body.Name)}${id === undefined ? '; OneFile did not say its ID' : ` (ID ${id})`}.`,
	};
}

/** The organisation's records with this body's MIS ID (when it has one), else its name; compared exactly but for case. */
async function findRecords(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
	spec: RecordSpec,
	body: IDataObject,
	by: 'misId' | 'name' = body.MISID !== undefined ? 'misId' : 'name',
): Promise<IDataObject[]> {
	const apiName = by === 'misId' ? 'MISID' : 'Name';
	const wanted = String(body[apiName]).trim().toLowerCase();
	const { rows } = await searchPage.call(
		this,
		spec.list,
		{ OrganisationID: body.OrganisationID, [apiName]: body[apiName] },
		1,
		50,
		{
			settings,
			itemIndex,
			action: `look for the ${spec.noun} by ${by === 'misId' ? 'MIS ID' : 'name'}`,
		},
	);
	// OneFile's own matching is unknown (a name filter may match parts): only exact matches count.
	return rows.filter(
		(row) =>
			String(row[apiName] ?? '')
				.trim()
				.toLowerCase() === wanted,
	);
}

export function getOperation(spec: RecordSpec): RecordOperation {
	const description = show(spec, 'get', [recordLocator(spec), optionsCollection()]);
	async function execute(
		this: IExecuteFunctions,
		itemIndex: number,
		settings: RequestSettings,
	): Promise<INodeExecutionData[]> {
		const check = new Checker(this, itemIndex, `Cannot get the ${spec.noun}`, 'OneFile');
		const { id } = check.done({
			id: check.id(spec.noun === 'placement' ? 'Placement' : 'Classroom', check.param('recordId')),
		});
		return toItems.call(
			this,
			await readRecord.call(this, itemIndex, settings, spec, id),
			itemIndex,
		);
	}
	return { description, execute };
}

async function readRecord(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
	spec: RecordSpec,
	id: number,
): Promise<IDataObject> {
	return await fetchRecord.call(
		this,
		itemIndex,
		settings,
		[spec.path, id],
		`get ${spec.noun} ${id}`,
	);
}

export function updateOperation(spec: RecordSpec): RecordOperation {
	const description = show(spec, 'update', [
		recordLocator(spec),
		fieldsCollection(spec, 'updateFields', 'Update Fields', true),
		optionsCollection([previewOption]),
	]);
	async function execute(
		this: IExecuteFunctions,
		itemIndex: number,
		settings: RequestSettings,
	): Promise<INodeExecutionData[]> {
		const check = new Checker(this, itemIndex, `Cannot update the ${spec.noun}`, 'OneFile');
		const recordId = check.id(
			spec.noun === 'placement' ? 'Placement' : 'Classroom',
			check.param('recordId'),
		);
		const fields = readFields(check, spec, check.collection('updateFields'), true);
		if (Object.keys(fields).length === 0 && check.problems.length === 0)
			check.add({
				field: 'Update Fields',
				problem: 'has nothing to change',
				fix: 'Add at least one field under Update Fields, with a value',
			});
		const preview = readPreview(check, check.collection('options'));
		const { id } = check.done({ id: recordId });
		return toItems.call(
			this,
			await updateRecord.call(this, itemIndex, settings, spec, id, fields, preview),
			itemIndex,
		);
	}
	return { description, execute };
}

/** Compares with the record (node 1.2, or Preview) and sends only what differs: a partial update [C]. */
async function updateRecord(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
	spec: RecordSpec,
	id: number,
	fields: IDataObject,
	preview: boolean,
): Promise<IDataObject> {
	const compare = comparesBeforeWriting.call(this);
	if (!compare && !preview) {
		await sendUpdate.call(this, itemIndex, settings, spec, id, fields);
		return { id, action: 'updated', changed: fields };
	}
	const record = await readRecord.call(this, itemIndex, settings, spec, id);
	const kinds = new Map(spec.fields.map((f) => [f.apiName, f.kind] as const));
	const { send, changes } = compare
		? compareWithRecord(fields, record, kinds)
		: everyField(fields, record);
	if (Object.keys(send).length === 0)
		return {
			id,
			action: 'unchanged',
			changes: {},
			message: `The ${spec.noun} ${id} already holds these values: nothing was sent.`,
		};
	if (preview)
		return {
			id,
			action: 'would update',
			changes,
			message: `Would update the ${spec.noun} ${id}: ${Object.keys(changes).join(', ')}; nothing was written (Preview).`,
		};
	await sendUpdate.call(this, itemIndex, settings, spec, id, send);
	return { id, action: 'updated', changed: send, changes };
}

async function sendUpdate(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
	spec: RecordSpec,
	id: number,
	body: IDataObject,
): Promise<void> {
	await oneFileApiRequest.call(this, {
		settings,
		method: 'POST',
		path: [spec.path, id],
		body,
		itemIndex,
		action: `update ${spec.noun} ${id}`,
		idempotent: true,
	});
}

export function upsertOperation(spec: RecordSpec): RecordOperation {
	const matchBy: INodeProperties = {
		displayName: 'Match By',
		name: 'matchBy',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'MIS ID',
				value: 'misId',
				description: `The ${spec.noun} with this MIS ID in the organisation`,
			},
			{
				name: 'Name',
				value: 'name',
				description: `The ${spec.noun} with exactly this name in the organisation`,
			},
		],
		default: 'misId',
		description: `How to recognise a ${spec.noun} already in OneFile. Found: it is updated. Not found: it is created. Two found: the item fails with both IDs, nothing is changed.`,
	};
	const misId: INodeProperties = {
		displayName: 'MIS ID',
		name: 'misId',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show: { matchBy: ['misId'] } },
		description: `The ${spec.noun}'s ID in your MIS or CRM`,
	};
	const others = { ...fieldsCollection(spec, 'additionalFields', 'Additional Fields', false) };
	others.options = (others.options as INodeProperties[]).filter((o) => o.name !== 'misId');
	const description = show(spec, 'upsert', [
		organisation(spec),
		matchBy,
		misId,
		nameProperty(spec),
		others,
		optionsCollection([previewOption]),
	]);
	async function execute(
		this: IExecuteFunctions,
		itemIndex: number,
		settings: RequestSettings,
	): Promise<INodeExecutionData[]> {
		const check = new Checker(
			this,
			itemIndex,
			`Cannot create or update the ${spec.noun}`,
			'OneFile',
		);
		const by = check.choice(
			'Match By',
			check.param('matchBy', 'misId'),
			['misId', 'name'] as const,
			'misId',
		);
		const organisationId = check.id('Organisation', check.param('organisationId'));
		const name = check.text('Name', check.param('name'));
		const mis = by === 'misId' ? check.text('MIS ID', check.param('misId')) : undefined;
		const fields = readFields(check, spec, check.collection('additionalFields'), false);
		const preview = readPreview(check, check.collection('options'));
		const ids = check.done({ organisationId, name });
		const body: IDataObject = {
			OrganisationID: ids.organisationId,
			Name: ids.name,
			...(mis !== undefined ? { MISID: mis } : {}),
			...fields,
		};
		const key = `${spec.path}:${ids.organisationId}:${by}:${String(by === 'misId' ? mis : ids.name)
			.trim()
			.toLowerCase()}`;
		return await withKeyLock(this, key, async () =>
			toItems.call(
				this,
				await upsertRecord.call(this, itemIndex, settings, spec, body, by, preview),
				itemIndex,
			),
		);
	}
	return { description, execute };
}

async function upsertRecord(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
	spec: RecordSpec,
	body: IDataObject,
	by: 'misId' | 'name',
	preview: boolean,
): Promise<IDataObject> {
	const found = await findRecords.call(this, itemIndex, settings, spec, body, by);
	const label = by === 'misId' ? `MIS ID ${String(body.MISID)}` : `name ${String(body.Name)}`;
	if (found.length > 1)
		throw new NodeOperationError(
			this.getNode(),
			`${found.length} ${spec.noun}s in organisation ${String(body.OrganisationID)} have the ${label}: cannot tell which to update [item ${itemIndex}]`,
			{
				itemIndex,
				description: `Nothing was changed. Their IDs: ${found.map((r) => String(idFromAnswer(r.ID) ?? '?')).join(', ')}. Give each its own MIS ID in OneFile, or remove the duplicate.`,
			},
		);
	if (found.length === 0) {
		if (preview)
			return {
				action: 'would create',
				wouldSend: body,
				message: `Would create the ${spec.noun} ${String(body.Name)}; nothing was written (Preview).`,
			};
		return await createRecord.call(this, itemIndex, settings, spec, body);
	}
	const id = idFromAnswer(found[0].ID);
	if (id === undefined)
		throw new NodeOperationError(
			this.getNode(),
			`OneFile's search found the ${spec.noun} but answered with an ID that is not a OneFile ID [item ${itemIndex}]`,
			{
				itemIndex,
				description:
					"Nothing was changed. Check the Base URL points at OneFile's API; if it does, report this to OneFile Support.",
			},
		);
	// What an update may send: where the record lives stays.
	const fields = Object.fromEntries(
		Object.entries(body).filter(([key]) => key !== 'OrganisationID'),
	);
	const result = await updateRecord.call(this, itemIndex, settings, spec, id, fields, preview);
	return {
		...result,
		name: body.Name,
		...(body.MISID !== undefined ? { misId: body.MISID } : {}),
		foundBy: by === 'misId' ? 'MIS ID' : 'name',
	};
}
