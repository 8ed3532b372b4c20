import type { INodeProperties } from 'n8n-workflow';

import type { Checker } from '../checks/checker';

export const returnAllOrLimit: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

/** "Return All" / "Limit": the row limit, or undefined for all; a problem is noted in `check`. */
export function readLimit(check: Checker): number | undefined {
	if (check.flag('Return All', check.param('returnAll', false), false)) return undefined;
	const raw = check.param('limit', 50);
	const limit = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
	if (typeof limit === 'number' && Number.isSafeInteger(limit) && limit >= 1) return limit;
	check.add({
		field: 'Limit',
		problem: `${typeof raw === 'string' ? JSON.stringify(raw) : String(raw)} is not a number of rows`,
		fix: 'Use a whole number of 1 or more, or turn on Return All',
	});
	return undefined;
}

/** The "Filters" collection of a Get Many. */
export function filtersCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options,
	};
}
