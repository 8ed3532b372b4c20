import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { isRecord, readOneRecord, type Read } from '../../shared/answers';

interface Where {
	/** What the node was doing: "get bksb user 5". */
	action: string;
	itemIndex: number;
}

/** A bksb record answer; a list, a scalar or no body is an error in words. */
export function bksbRecord(this: IExecuteFunctions, body: unknown, where: Where): IDataObject {
	return unwrap(this, readOneRecord(body), where);
}

/**
 * The rows of a bksb collection answer (`{ Users: [...], Pagination }`): a missing or null list is
 * no rows; a list that is not a list, or an answer that is not a collection, is an error.
 */
export function bksbRows(
	this: IExecuteFunctions,
	body: unknown,
	listKey: string,
	where: Where,
): { rows: IDataObject[]; collection: IDataObject } {
	const collection = unwrap(this, readOneRecord(body), where);
	const list = collection[listKey];
	if (list === undefined || list === null) return { rows: [], collection };
	if (!Array.isArray(list))
		return unwrap(this, { ok: false, problem: `a ${listKey} that is not a list` }, where);
	return { rows: list.filter(isRecord), collection };
}

function unwrap<T>(context: IExecuteFunctions, read: Read<T>, where: Where): T {
	if (read.ok) return read.value;
	throw new NodeApiError(
		context.getNode(),
		{},
		{
			message: `bksb's answer could not be used while trying to ${where.action}: it sent ${read.problem}`,
			description:
				"Check the credential's Region or URL points at the bksb API; if it does, bksb answered in a way the node does not know: report it with the time of the error.",
			itemIndex: where.itemIndex,
		},
	);
}
