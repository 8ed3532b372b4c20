import type { IDataObject } from 'n8n-workflow';

/**
 * "Return All" stops here with an error rather than reading on: a server that keeps sending full
 * pages would otherwise hold the row, and n8n's memory, for ever (documented in the README).
 */
export const MAX_RETURN_ALL_ROWS = 100_000;

export interface Page {
	rows: IDataObject[];
	/** The total the service reports, when it reports one (bksb does, OneFile does not). */
	total?: number;
	/** Nothing follows: an unpaged answer holds every row. */
	last?: boolean;
}

export interface PagingOptions {
	pageSize: number;
	/** Stop after this many rows; undefined = all. */
	limit?: number;
	/** The error to throw when the listing must stop; its words come from the caller. */
	fail(message: string, description: string): Error;
	/** "OneFile", "bksb" */
	service: string;
	/** "list users" */
	action: string;
}

/**
 * Every row of a paged listing, from page 1 until a short page, the reported total, or `limit`
 * rows. A page made only of rows already seen (a server that ignores the page number and sends
 * the same page again) and a listing past MAX_RETURN_ALL_ROWS stop it with an error.
 */
export async function readPages(
	readPage: (page: number, pageSize: number) => Promise<Page>,
	options: PagingOptions,
): Promise<IDataObject[]> {
	const rows: IDataObject[] = [];
	const seen = new Set<string>();
	const pageSize = Math.max(1, Math.min(options.pageSize, options.limit ?? Infinity));
	for (let page = 1; ; page++) {
		const { rows: pageRows, total, last } = await readPage(page, pageSize);
		if (page > 1 && pageRows.length > 0 && pageRows.every((row) => seen.has(rowKey(row)))) {
			throw options.fail(
				`${options.service} sent the same page again while trying to ${options.action}`,
				`Page ${page} held only rows already received, so the listing was stopped to avoid looping. Use Limit instead of Return All, and report this to ${options.service} Support.`,
			);
		}
		for (const row of pageRows) {
			seen.add(rowKey(row));
			rows.push(row);
			if (options.limit !== undefined && rows.length >= options.limit) return rows;
		}
		if (last || pageRows.length < pageSize || (total !== undefined && rows.length >= total))
			return rows;
		if (rows.length >= MAX_RETURN_ALL_ROWS) {
			throw options.fail(
				`${options.service} kept sending full pages past ${MAX_RETURN_ALL_ROWS.toLocaleString('en-GB')} rows while trying to ${options.action}`,
				`Return All stops at ${MAX_RETURN_ALL_ROWS.toLocaleString('en-GB')} rows so that one listing cannot hold n8n for ever. Narrow the filters, or use Limit.`,
			);
		}
	}
}

function rowKey(row: IDataObject): string {
	return row.ID !== undefined ? `id:${String(row.ID)}` : JSON.stringify(row);
}
