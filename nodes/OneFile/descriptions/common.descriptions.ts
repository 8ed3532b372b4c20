import type { INodeProperties } from 'n8n-workflow';

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

/** The "Filters" collection of a Get Many. */
export function filtersCollection(options: INodeProperties[]): INodeProperties {
	return { displayName: 'Filters', name: 'filters', type: 'collection', placeholder: 'Add Filter', default: {}, options };
}

export const MAX_CONCURRENCY = 16;

/**
 * One Options collection for the whole node: the request settings apply everywhere, the rest only
 * where its `/resource` and `/operation` conditions say.
 */
export const nodeOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [
		{
			displayName: 'Customer ID',
			name: 'customerId',
			type: 'number',
			typeOptions: { minValue: 1, numberPrecision: 0 },
			default: 0,
			description: "The OneFile customer whose organisations to list. Leave it out to use the token's own customer.",
			displayOptions: { show: { '/resource': ['organisation'] } },
		},
		{
			displayName: 'Include Password',
			name: 'includePassword',
			type: 'boolean',
			default: false,
			description: 'Whether to put the new login password in the output when OneFile returns one (Keychain setting off). Off by default so passwords do not end up in sheets or logs.',
			displayOptions: { show: { '/resource': ['user'], '/operation': ['create', 'upsert'] } },
		},
		{
			displayName: 'Look Up New User ID',
			name: 'lookUpId',
			type: 'boolean',
			default: true,
			description: "Whether to find the new user's ID by email (or MIS ID) when OneFile does not return it (Keychain setting on). Costs one search per user.",
			displayOptions: { show: { '/resource': ['user'], '/operation': ['create', 'upsert'] } },
		},
		{
			displayName: 'Requests in Parallel',
			name: 'concurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_CONCURRENCY, numberPrecision: 0 },
			default: 1,
			description: 'How many items are sent to OneFile at the same time. 1 sends one after another. Up to 8 makes a large sheet several times faster; OneFile publishes no rate limit, so raise it with care. Output order and pairing stay the same; when OneFile says "too many requests" every item waits as it asks.',
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1, numberPrecision: 0 },
			default: 60,
			description: 'How long to wait for each answer from OneFile',
		},
	],
};
