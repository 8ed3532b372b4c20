import type { IDataObject } from 'n8n-workflow';

/** A request body (or output) without the values nobody gave: optional filters and fields are left out, not sent empty. */
export function compact(body: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
}
