import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { Checker } from '../../../shared/checks/checker';
import { updateDisplayOptions } from '../../../shared/descriptions/displayOptions';
import { readLimit, returnAllOrLimit } from '../../../shared/descriptions/returnAllOrLimit';
import { toItems } from '../../../shared/items/output';
import { optionsCollection } from '../../descriptions/options';
import { discoverCustomerId } from '../../transport/customer';
import { ONEFILE_LISTS, oneFileSearchAll } from '../../transport/paging';
import type { RequestSettings } from '../../transport/settings';

export const properties: INodeProperties[] = [
	...returnAllOrLimit,
	optionsCollection([
		{
			displayName: 'Customer ID',
			name: 'customerId',
			type: 'number',
			typeOptions: { minValue: 1, numberPrecision: 0 },
			default: 0,
			description:
				"The OneFile customer whose organisations to list. Leave it out to use the token's own customer.",
		},
	]),
];

const displayOptions = { show: { resource: ['organisation'], operation: ['getAll'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** The card's Organisation Search: the documented `POST /Organisation/Search` (docs/onefile-api.md §4.1 row 2), unpaged. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
): Promise<INodeExecutionData[]> {
	const check = new Checker(this, itemIndex, 'Cannot list organisations', 'OneFile');
	const options = check.collection('options');
	const given =
		options.customerId === 0
			? undefined
			: check.id('Customer ID', options.customerId, { optional: true });
	const limit = readLimit(check);
	check.done();
	const customerId = given ?? (await discoverCustomerId.call(this, settings, itemIndex));
	const organisations = await oneFileSearchAll.call(
		this,
		ONEFILE_LISTS.organisation,
		{ CustomerID: customerId },
		{ settings, itemIndex, limit, action: 'list organisations' },
	);
	return toItems.call(this, organisations, itemIndex);
}
