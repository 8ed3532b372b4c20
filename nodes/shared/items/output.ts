import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { plainDescription } from '../checks/problems';

/** Output items paired with the input item they came from. */
export function toItems(
	this: IExecuteFunctions,
	json: IDataObject | IDataObject[],
	itemIndex: number,
): INodeExecutionData[] {
	return this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(json), {
		itemData: { item: itemIndex },
	});
}

/**
 * The output item of a failed input item under "Continue On Fail": message, fix, paired. The fix
 * is plain text: a list of fixes is HTML only for n8n's editor (fixesAsHtml), and an item goes on
 * to sheets and emails, where tags would show as they are.
 *
 * Under "Continue (using error output)" n8n sends an item to the error output only when its
 * `json` holds `error` alone or `error` and `message` (n8n-core's handleNodeErrorOutput), and then
 * adds the input row's fields to it. So there the fix (and OneFile's code) goes into `message`,
 * and the row to fix comes out whole: its own columns, `error`, `message`.
 */
export function errorItem(
	this: IExecuteFunctions,
	error: Error,
	itemIndex: number,
): INodeExecutionData[] {
	const description = (error as { description?: unknown }).description;
	const httpCode = (error as { httpCode?: unknown }).httpCode;
	const fix =
		typeof description === 'string' && description ? plainDescription(description) : undefined;
	const code = typeof httpCode === 'string' && httpCode ? httpCode : undefined;
	if (this.getNode().onError === 'continueErrorOutput') {
		const message = [fix, code === undefined ? undefined : `(HTTP ${code})`]
			.filter(Boolean)
			.join(' ');
		return toItems.call(
			this,
			{ error: error.message, message: message || error.message },
			itemIndex,
		);
	}
	const json: IDataObject = { error: error.message };
	if (fix !== undefined) json.description = fix;
	if (code !== undefined) json.httpCode = code;
	return toItems.call(this, json, itemIndex);
}

/** Errors from n8n's helpers lack the item; stamp it so the editor points at the right row. */
export function withItemIndex(this: IExecuteFunctions, error: Error, itemIndex: number): Error {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(this.getNode(), error.message, { itemIndex });
}

/** The record with only these of its own keys, in this order (Simplify); never an inherited name. */
export function pick(record: IDataObject, keys: readonly string[]): IDataObject {
	return Object.fromEntries(
		keys.filter((k) => Object.prototype.hasOwnProperty.call(record, k)).map((k) => [k, record[k]]),
	);
}
