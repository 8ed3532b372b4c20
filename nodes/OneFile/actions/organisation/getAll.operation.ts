import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../descriptions/common.descriptions';
import { updateDisplayOptions } from '../../helpers/displayOptions';
import { readCollection, readLimit, throwIfProblems, toItems } from '../../helpers/params';
import { isBlank, normaliseId } from '../../helpers/values';
import { discoverCustomerId } from '../../transport/customer';
import { oneFileSearchAll } from '../../transport/paging';

export const properties: INodeProperties[] = [
	...returnAllOrLimit,
];

const displayOptions = { show: { resource: ['organisation'], operation: ['getAll'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const options = readCollection.call(this, 'options', itemIndex);
	let customerId: number;
	if (isBlank(options.customerId) || options.customerId === 0) {
		customerId = await discoverCustomerId.call(this, itemIndex);
	} else {
		const id = normaliseId(options.customerId);
		if (!id.ok) throwIfProblems.call(this, 'Cannot list organisations', itemIndex, [{ field: 'Customer ID', problem: id.problem, fix: id.fix }]);
		customerId = (id as { value: number }).value;
	}
	const organisations = await oneFileSearchAll.call(this, '/Organisation/Search', { CustomerID: customerId }, { itemIndex, limit: readLimit.call(this, itemIndex), action: 'list organisations' });
	return toItems.call(this, organisations, itemIndex);
}
