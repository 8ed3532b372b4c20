import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

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

/** The output item of a failed input item under "Continue On Fail": message, fix, paired. */
export function errorItem(
	this: IExecuteFunctions,
	error: Error,
	itemIndex: number,
): INodeExecutionData[] {
	const json: IDataObject = { error: error.message };
	const description = (error as { description?: unknown }).description;
	if (typeof description === 'string' && description) json.description = description;
	const httpCode = (error as { httpCode?: unknown }).httpCode;
	if (typeof httpCode === 'string' && httpCode) json.httpCode = httpCode;
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
