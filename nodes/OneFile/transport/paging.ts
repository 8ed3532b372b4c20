import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { oneFileApiRequest, type OneFileContext } from './index';

/**
 * Page size for `/Search/{page}/{size}`. OneFile documents no maximum and no totals; 50 is what
 * public client code used successfully. A smaller cap at OneFile would look like a short page and
 * end the listing early, so stay at a size known to work.
 */
export const PAGE_SIZE = 50;

export interface SearchOptions {
	/** Stop after this many rows; undefined = all. */
	limit?: number;
	itemIndex?: number;
	action: string;
	pageSize?: number;
}

/**
 * Every row of a OneFile search, page by page: `POST {endpoint}/{page}/{size}` from page 1 until a
 * short page, a 204 or an empty answer (onefile-api.md §3.4–3.5), or until `limit` rows.
 * Rows go straight into one array; nothing is copied page to page.
 */
export async function oneFileSearchAll(this: OneFileContext, endpoint: string, filters: IDataObject, options: SearchOptions): Promise<IDataObject[]> {
	const rows: IDataObject[] = [];
	const pageSize = Math.max(1, Math.min(options.pageSize ?? PAGE_SIZE, options.limit ?? Infinity));
	let previousFirstId: unknown;
	for (let page = 1; ; page++) {
		const pageRows = await searchPage.call(this, endpoint, filters, page, pageSize, options);
		// A server that ignores the page segments would hand back page 1 forever.
		if (page > 1 && pageRows.length > 0 && pageRows[0].ID !== undefined && pageRows[0].ID === previousFirstId) {
			throw new NodeApiError(this.getNode(), { endpoint }, {
				message: `OneFile returned the same page twice while trying to ${options.action}`,
				description: 'The listing was stopped to avoid looping. Use Limit instead of Return All, and report this to OneFile Support.',
				itemIndex: options.itemIndex,
			});
		}
		previousFirstId = pageRows[0]?.ID;
		for (const row of pageRows) {
			rows.push(row);
			if (options.limit !== undefined && rows.length >= options.limit) return rows;
		}
		if (pageRows.length < pageSize) return rows;
	}
}

/** One page of a search; 204, an empty body and `[]` all mean no rows. */
export async function searchPage(this: OneFileContext, endpoint: string, filters: IDataObject, page: number, pageSize: number, options: Pick<SearchOptions, 'itemIndex' | 'action'>): Promise<IDataObject[]> {
	const { body } = await oneFileApiRequest.call(this, {
		method: 'POST',
		endpoint: `${endpoint}/${page}/${pageSize}`,
		body: filters,
		itemIndex: options.itemIndex,
		action: options.action,
		idempotent: true,
	});
	if (body === undefined) return [];
	if (Array.isArray(body)) return body.filter((row): row is IDataObject => row !== null && typeof row === 'object');
	throw new NodeApiError(this.getNode(), {}, {
		message: `OneFile's answer could not be read while trying to ${options.action}`,
		description: 'OneFile sent something other than a list of records. Try again later; if it persists, check the Base URL points at the OneFile API.',
		itemIndex: options.itemIndex,
	});
}
