import type { INodeProperties } from 'n8n-workflow';

import { lookups } from '../lookup';
import {
	createOperation,
	getOperation,
	updateOperation,
	upsertOperation,
	type RecordOperation,
} from './operations';
import { CLASSROOM, PLACEMENT, type RecordSpec } from './spec';

/** Placement (employer) and Classroom (cohort): Create, Create or Update, Get, Get Many, Update. */
function operationsOf(
	spec: RecordSpec,
): Record<'create' | 'get' | 'getAll' | 'update' | 'upsert', RecordOperation> {
	return {
		create: createOperation(spec),
		get: getOperation(spec),
		getAll: lookups[spec.resource].getAll,
		update: updateOperation(spec),
		upsert: upsertOperation(spec),
	};
}

export const placement = operationsOf(PLACEMENT);
export const classroom = operationsOf(CLASSROOM);

function selector(spec: RecordSpec): INodeProperties {
	const noun = spec.noun;
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [spec.resource] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: `Create a ${noun} in an organisation`,
				action: `Create a ${noun}`,
			},
			{
				name: 'Create or Update',
				value: 'upsert',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
				action: `Create or update a ${noun}`,
			},
			{ name: 'Get', value: 'get', description: `Get one ${noun}`, action: `Get a ${noun}` },
			{
				name: 'Get Many',
				value: 'getAll',
				description: `List the ${noun}s of an organisation`,
				action: `Get many ${noun}s`,
			},
			{
				name: 'Update',
				value: 'update',
				description: `Change a ${noun}`,
				action: `Update a ${noun}`,
			},
		],
		default: 'getAll',
	};
}

export const description: INodeProperties[] = [PLACEMENT, CLASSROOM].flatMap((spec) => {
	const operations = operationsOf(spec);
	return [
		selector(spec),
		...Object.values(operations).flatMap((operation) => operation.description),
	];
});
