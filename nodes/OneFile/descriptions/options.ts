import type { INodeProperties } from 'n8n-workflow';

export const MAX_CONCURRENCY = 16;
/** Auto's default cap: what the benchmark found fast at 20–50 ms answers without crowding OneFile. */
export const AUTO_CAP = 8;
/** The longest Timeout: a run's every wait is bounded, and OneFile answers in seconds. */
export const MAX_TIMEOUT_S = 600;
export const DEFAULT_TIMEOUT_S = 60;

const AUTO_WORDS =
	'Auto starts with 2 at once, adds one while OneFile answers steadily and halves when it slows down, refuses (429) or fails';

/** Requests in Parallel as nodes saved at 1 and 1.1 have it: one number, where 0 is Auto. */
const parallelBefore12: INodeProperties[] = [
	{
		displayName: 'Requests in Parallel',
		name: 'concurrency',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: MAX_CONCURRENCY, numberPrecision: 0 },
		default: 0,
		description: `How many items are sent to OneFile at the same time. 0 is Auto: ${AUTO_WORDS}, never above Auto's Most in Parallel. 1 sends one after another; up to 16 keeps that many in flight.`,
		displayOptions: { show: { '@version': [{ _cnd: { lt: 1.2 } }] } },
	},
];

/**
 * Requests in Parallel from 1.2: a choice, so Auto is a word, not the number 0; the number shows
 * only for Fixed and Auto's cap only for Auto. n8n reads a sibling's value inside a collection from
 * the collection's own values, and an option not yet added has no value at all (though it means
 * Auto), hence `hide: fixed` rather than `show: auto` for the cap.
 */
const parallelFrom12: INodeProperties[] = [
	{
		displayName: 'Requests in Parallel',
		name: 'parallel',
		type: 'options',
		options: [
			{
				name: 'Auto',
				value: 'auto',
				description: `${AUTO_WORDS}, never above Auto's Most in Parallel`,
			},
			{
				name: 'Fixed',
				value: 'fixed',
				description: 'Always the Number in Parallel at once; 1 sends one after another',
			},
		],
		default: 'auto',
		description:
			'How many items are sent to OneFile at the same time. Output order and pairing stay the same either way; when OneFile says "too many requests", every item waits as it asks.',
		displayOptions: { show: { '@version': [{ _cnd: { gte: 1.2 } }] } },
	},
	{
		displayName: 'Number in Parallel',
		name: 'parallelCount',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_CONCURRENCY, numberPrecision: 0 },
		default: 1,
		description: 'How many items are in flight at once, from 1 (one after another) to 16',
		displayOptions: { show: { parallel: ['fixed'], '@version': [{ _cnd: { gte: 1.2 } }] } },
	},
	{
		// One cap for every version: before 1.2 the choice is absent, so the cap always shows.
		displayName: "Auto's Most in Parallel",
		name: 'autoCap',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_CONCURRENCY, numberPrecision: 0 },
		default: AUTO_CAP,
		description:
			'With Requests in Parallel at Auto (0 in nodes saved before version 1.2), never more than this many items at once',
		displayOptions: { hide: { parallel: ['fixed'] } },
	},
];

/** How requests are sent: every OneFile operation has these. */
const requestOptions: INodeProperties[] = [
	...parallelBefore12,
	...parallelFrom12,
	{
		displayName: 'Timeout (Seconds)',
		name: 'timeout',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_TIMEOUT_S, numberPrecision: 0 },
		default: DEFAULT_TIMEOUT_S,
		description:
			'How long to wait for each whole answer from OneFile (signing in included) before the item fails, up to 600',
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
