import type { INodeProperties } from 'n8n-workflow';

export const MAX_CONCURRENCY = 16;
/** Auto's default cap: what the benchmark found fast at 20–50 ms answers without crowding OneFile. */
export const AUTO_CAP = 8;

/** How requests are sent: every OneFile operation has these. */
const requestOptions: INodeProperties[] = [
	{
		displayName: 'Requests in Parallel',
		name: 'concurrency',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: MAX_CONCURRENCY, numberPrecision: 0 },
		default: 0,
		description:
			'How many items are sent to OneFile at the same time. 0 is Auto (the default of new nodes): start with 2 and add one while OneFile answers steadily, halve when it slows down, refuses (429) or fails, never above Auto\'s cap. 1 sends one after another; a fixed number up to 16 keeps that many in flight. Output order and pairing stay the same; when OneFile says "too many requests" every item waits as it asks.',
	},
	{
		displayName: "Auto's Most in Parallel",
		name: 'autoCap',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_CONCURRENCY, numberPrecision: 0 },
		default: AUTO_CAP,
		description:
			'With Requests in Parallel at Auto, never more than this many items at the same time',
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
