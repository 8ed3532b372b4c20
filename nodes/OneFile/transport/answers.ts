import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { readList, readOneRecord, type Read } from '../../shared/answers';
import type { OneFileContext } from './index';

interface Where {
	/** What the node was doing: "get user 5". */
	action: string;
	itemIndex?: number;
}

/** A OneFile list answer's records (no body: none); anything but a list is an error in words. */
export function oneFileList(this: OneFileContext, body: unknown, where: Where): IDataObject[] {
	return unwrap(this, readList(body), where).rows;
}

/** A OneFile record answer; a list, a scalar or no body is an error in words. */
export function oneFileRecord(this: OneFileContext, body: unknown, where: Where): IDataObject {
	return unwrap(this, readOneRecord(body), where);
}

function unwrap<T>(context: OneFileContext, read: Read<T>, where: Where): T {
	if (read.ok) return read.value;
	throw new NodeApiError(
		context.getNode(),
		{},
		{
			message: `OneFile's answer could not be used while trying to ${where.action}: it sent ${read.problem}`,
			description:
				'Nothing was changed by this item. Check the Base URL points at the OneFile API (it ends in /api/v2.1); if it does, OneFile answered in a way the node does not know: report it with the time of the error.',
			itemIndex: where.itemIndex,
		},
	);
}
