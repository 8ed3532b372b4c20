import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { filtersCollection, returnAllOrLimit } from '../../descriptions/common.descriptions';
import { locatorProperty } from '../../descriptions/rlc.description';
import { updateDisplayOptions } from '../../helpers/displayOptions';
import { readCollection, readId, readLimit, readParam, toItems } from '../../helpers/params';
import { isBlank } from '../../helpers/values';
import { oneFileSearchAll } from '../../transport/paging';

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
	endpoint: string;
	filters: TextFilter[];
	/** Extra top-level fields, e.g. the standard a unit list belongs to. */
	fields?: Array<{ property: INodeProperties; apiName: string }>;
}

export interface ListOperation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]>;
}

/**
 * "Get Many" for OneFile's simple lists (classrooms, placements, standards, units, framework
 * templates): an organisation, optional filters, Return All or a Limit, paged by the transport.
 */
export function listOperation(spec: ListSpec): ListOperation {
	const properties: INodeProperties[] = [
		locatorProperty({ name: 'organisationId', displayName: 'Organisation', locator: 'organisation', description: `The organisation whose ${spec.plural} to list` }),
		...(spec.fields ?? []).map((f) => f.property),
		...returnAllOrLimit,
		filtersCollection(spec.filters.map((f) => ({ displayName: f.displayName, name: f.name, type: 'string', default: '', description: f.description }))),
	];
	const description = updateDisplayOptions({ show: { resource: [spec.resource], operation: ['getAll'] } }, properties);

	async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
		const subject = `Cannot list ${spec.plural}`;
		const body: IDataObject = { OrganisationID: readId.call(this, 'organisationId', 'Organisation', itemIndex, subject) };
		for (const { property, apiName } of spec.fields ?? []) {
			if (!isBlank(readParam.call(this, property.name, itemIndex))) body[apiName] = readId.call(this, property.name, property.displayName, itemIndex, subject);
		}
		const filters = readCollection.call(this, 'filters', itemIndex);
		for (const filter of spec.filters) {
			if (!isBlank(filters[filter.name])) body[filter.apiName] = String(filters[filter.name]).trim();
		}
		const rows = await oneFileSearchAll.call(this, spec.endpoint, body, { itemIndex, limit: readLimit.call(this, itemIndex), action: `list ${spec.plural}` });
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
		options: [{ name: 'Get Many', value: 'getAll', description: `List the ${spec.plural} of an organisation`, action: `Get many ${spec.plural}` }],
		default: 'getAll',
	};
}
