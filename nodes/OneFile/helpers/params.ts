import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { describeProblems, type Problem } from './userBody';
import { normaliseId } from './values';

/** A parameter's value; resource locators give their ID, whichever mode the user chose. */
export function readParam(this: IExecuteFunctions, name: string, itemIndex: number, fallback: unknown = ''): unknown {
	return this.getNodeParameter(name, itemIndex, fallback, { extractValue: true });
}

export function readCollection(this: IExecuteFunctions, name: string, itemIndex: number): IDataObject {
	const value = this.getNodeParameter(name, itemIndex, {});
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {};
}

/** Stops the item before any request, naming every problem and how to fix it. */
export function throwIfProblems(this: IExecuteFunctions, subject: string, itemIndex: number, problems: Problem[]): void {
	if (problems.length === 0) return;
	const { message, description } = describeProblems(subject, itemIndex, problems);
	throw new NodeOperationError(this.getNode(), message, { itemIndex, description });
}

/** Output items paired with the input item they came from. */
export function toItems(this: IExecuteFunctions, json: IDataObject | IDataObject[], itemIndex: number): INodeExecutionData[] {
	return this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(json), { itemData: { item: itemIndex } });
}

/** A whole-number OneFile ID from a parameter, or an item error naming the field. */
export function readId(this: IExecuteFunctions, param: string, label: string, itemIndex: number, subject: string): number {
	const id = normaliseId(readParam.call(this, param, itemIndex));
	if (!id.ok) throwIfProblems.call(this, subject, itemIndex, [{ field: label, problem: id.problem, fix: id.fix }]);
	return (id as { value: number }).value;
}

/** "Return All" / "Limit": the row limit, or undefined for all. */
export function readLimit(this: IExecuteFunctions, itemIndex: number): number | undefined {
	return this.getNodeParameter('returnAll', itemIndex) === true ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
}
