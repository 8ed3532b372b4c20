import type { INodeProperties } from 'n8n-workflow';

export const MAX_CONCURRENCY = 16;

/** How requests are sent: every OneFile operation has these. */
const requestOptions: INodeProperties[] = [
	{
		displayName: 'Requests in Parallel',
		name: 'concurrency',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_CONCURRENCY, numberPrecision: 0 },
		default: 1,
		description:
			'How many items are sent to OneFile at the same time. 1 sends one after another. Up to 8 makes a large sheet several times faster; OneFile publishes no rate limit, so raise it with care. Output order and pairing stay the same; when OneFile says "too many requests" every item waits as it asks.',
	},
	{
		displayName: 'Timeout (Seconds)',
		name: 'timeout',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 60,
		description:
			'How long to wait for each whole answer from OneFile (signing in included) before the item fails',
	},
];

/** The Options collection of one operation: its own options and the request options, by name. */
export function optionsCollection(own: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [...own, ...requestOptions].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}
