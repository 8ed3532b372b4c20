import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { AdaptiveLimit } from './adaptiveLimit';
import { forEachBounded } from './forEachBounded';
import { errorItem, withItemIndex } from './output';

export type ItemOperation = (
	this: IExecuteFunctions,
	itemIndex: number,
) => Promise<INodeExecutionData[]>;

/**
 * Runs `operation` once per input item, up to `concurrency` at a time (a number, or Auto). Output keeps item order
 * and pairing whatever order the answers come in. With "Continue On Fail" every input item gives
 * exactly one output item (its result or its error); without it, the first failing item in item
 * order stops the run, and no new item starts after a failure.
 */
export async function runItems(
	this: IExecuteFunctions,
	settings: { concurrency: number | AdaptiveLimit; continueOnFail: boolean },
	operation: ItemOperation,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const { concurrency, continueOnFail } = settings;
	const results: INodeExecutionData[][] = new Array<INodeExecutionData[]>(items.length);
	let failed: { itemIndex: number; error: Error } | undefined;
	await forEachBounded(
		items.length,
		concurrency,
		async (itemIndex) => {
			try {
				results[itemIndex] = await operation.call(this, itemIndex);
			} catch (error) {
				if (continueOnFail) {
					results[itemIndex] = errorItem.call(this, error as Error, itemIndex);
				} else if (!failed || itemIndex < failed.itemIndex) {
					failed = { itemIndex, error: error as Error };
				}
			}
		},
		() => failed !== undefined,
	);
	if (failed) throw withItemIndex.call(this, failed.error, failed.itemIndex);
	return [results.flat()];
}
