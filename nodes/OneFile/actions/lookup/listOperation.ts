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
import { toItems } from '../../../shared/items/output';
import { optionsCollection } from '../../descriptions/options';
import { locatorProperty } from '../../descriptions/rlc.description';
import { oneFileSearchAll, type OneFileList } from '../../transport/paging';
import type { OneFileOperation } from '../operation.type';
import type { RequestSettings } from '../../transport/settings';

/** A text filter OneFile's search takes, e.g. a classroom's Name. */
export interface TextFilter {
	displayName: string;
	name: string;
	apiName: string;
	description: string;
}

export interface ListSpec {
	resource: string;
	/** Singular and plural, as an ops person says them. */
	noun: string;
	plural: string;
	list: OneFileList;
	filters: TextFilter[];
	/** Extra top-level fields, e.g. the standard a unit list belongs to. */
	fields?: Array<{ property: INodeProperties; apiName: string }>;
}

export type ListOperation = OneFileOperation;

/**
 * "Get Many" for OneFile's simple lists (classrooms, placements, standards, units, framework
 * templates): an organisation, optional filters, Return All or a Limit, paged by the transport.
 */
export function listOperation(spec: ListSpec): ListOperation {
	const properties: INodeProperties[] = [
		locatorProperty({
			name: 'organisationId',
			displayName: 'Organisation',
			locator: 'organisation',
			description: `The organisation whose ${spec.plural} to list`,
		}),
		...(spec.fields ?? []).map((f) => f.property),
		...returnAllOrLimit,
		filtersCollection(
			spec.filters.map((f) => ({
				displayName: f.displayName,
				name: f.name,
				type: 'string',
				default: '',
				description: f.description,
			})),
		),
		optionsCollection(),
	];
	const description = updateDisplayOptions(
		{ show: { resource: [spec.resource], operation: ['getAll'] } },
		properties,
	);

	async function execute(
		this: IExecuteFunctions,
		itemIndex: number,
		settings: RequestSettings,
	): Promise<INodeExecutionData[]> {
		const check = new Checker(this, itemIndex, `Cannot list ${spec.plural}`, 'OneFile');
		const body: IDataObject = {
			OrganisationID: check.id('Organisation', check.param('organisationId')),
		};
		for (const { property, apiName } of spec.fields ?? [])
			body[apiName] = check.id(property.displayName, check.param(property.name), {
				optional: true,
			});
		const filters = check.collection('filters');
		for (const filter of spec.filters)
			body[filter.apiName] = check.text(filter.displayName, filters[filter.name], {
				optional: true,
			});
		const limit = readLimit(check);
		check.done();
		const rows = await oneFileSearchAll.call(this, spec.list, compact(body), {
			settings,
			itemIndex,
			limit,
			action: `list ${spec.plural}`,
		});
		return toItems.call(this, rows, itemIndex);
	}

	return { description, execute };
}

/** The resource's operation selector: Get Many only. */
export function getManySelector(spec: ListSpec): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [spec.resource] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description: `List the ${spec.plural} of an organisation`,
				action: `Get many ${spec.plural}`,
			},
		],
		default: 'getAll',
	};
}
