import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { PathPart } from '../../shared/http/url';
import { readPages, type Page } from '../../shared/paging';
import { oneFileList } from './answers';
import { failureOf, oneFileApiRequest, type AnswerTiming, type OneFileContext } from './index';
import { runState } from './runState';
import type { RequestSettings } from './settings';

/**
 * Page size for `/Search/{page}/{size}`. OneFile documents no maximum and no totals; 50 is what
 * public client code used successfully. A smaller cap at OneFile would look like a short page and
 * end the listing early, so stay at a size known to work.
 */
export const PAGE_SIZE = 50;

/**
 * How a OneFile list is read (docs/onefile-api.md §3.4, §4):
 * - `documented`: OneFile's guides give the paged path `/Search/{page}/{size}` (User, LearningAim).
 * - `clientCode`: the guides give the unpaged `/Search`; the paged form is seen only in client
 *   code. It is tried first (it bounds each answer); a 404 or 405 falls back to the documented
 *   unpaged path, once per run.
 * - `unpaged`: only the documented unpaged `/Search` (Organisation: the card's Organisation
 *   Search; Framework Template: no paged form seen anywhere).
 */
export type ListPaging = 'documented' | 'clientCode' | 'unpaged';

export interface OneFileList {
	/** `['User', 'Search']` */
	path: readonly PathPart[];
	paging: ListPaging;
}

/** OneFile's lists, and how each is read. */
export const ONEFILE_LISTS = {
	user: { path: ['User', 'Search'], paging: 'documented' },
	organisation: { path: ['Organisation', 'Search'], paging: 'unpaged' },
	classroom: { path: ['Classroom', 'Search'], paging: 'clientCode' },
	placement: { path: ['Placement', 'Search'], paging: 'clientCode' },
	standard: { path: ['Standard', 'Search'], paging: 'clientCode' },
	unit: { path: ['Unit', 'Search'], paging: 'clientCode' },
	frameworkTemplate: { path: ['FrameworkTemplate', 'Search'], paging: 'unpaged' },
	learningAim: { path: ['LearningAim', 'Search'], paging: 'documented' },
	review: { path: ['Review', 'Search'], paging: 'clientCode' },
	plan: { path: ['Plan', 'Search'], paging: 'clientCode' },
} as const satisfies Record<string, OneFileList>;

export interface SearchOptions {
	/** Stop after this many rows; undefined = all. */
	limit?: number;
	itemIndex?: number;
	action: string;
	pageSize?: number;
	/** Told of each page's answer timing (the trigger reads OneFile's clock from the first). */
	onAnswer?: (timing: AnswerTiming) => void;
	/** The run's settings (Timeout, Auto); DEFAULT_REQUEST_SETTINGS outside a node's run. */
	settings: RequestSettings;
}

/** Every row of a OneFile search, page by page until a short page, a 204 or an empty answer, or `limit` rows. */
export async function oneFileSearchAll(
	this: OneFileContext,
	list: OneFileList,
	filters: IDataObject,
	options: SearchOptions,
): Promise<IDataObject[]> {
	return await readPages(
		async (page, pageSize) => await searchPage.call(this, list, filters, page, pageSize, options),
		{
			pageSize: options.pageSize ?? PAGE_SIZE,
			limit: options.limit,
			service: 'OneFile',
			action: options.action,
			fail: (message, description) =>
				new NodeApiError(
					this.getNode(),
					{ path: list.path.join('/') },
					{ message, description, itemIndex: options.itemIndex },
				),
		},
	);
}

/** One page of a list; for a list read unpaged, its whole answer on page 1 (marked last). */
export async function searchPage(
	this: OneFileContext,
	list: OneFileList,
	filters: IDataObject,
	page: number,
	pageSize: number,
	options: Pick<SearchOptions, 'itemIndex' | 'action' | 'onAnswer' | 'settings'>,
): Promise<Page> {
	const run = runState(this);
	const key = list.path.join('/');
	if (list.paging === 'unpaged' || run.unpagedLists.has(key)) {
		return {
			rows: page === 1 ? await post.call(this, list.path, filters, options) : [],
			last: true,
		};
	}
	let failed: unknown;
	try {
		return { rows: await post.call(this, [...list.path, page, pageSize], filters, options) };
	} catch (error) {
		failed = error;
	}
	const status = failureOf(failed)?.httpCode;
	if (list.paging !== 'clientCode' || page !== 1 || (status !== 404 && status !== 405))
		throw failed;
	run.unpagedLists.add(key);
	return { rows: await post.call(this, list.path, filters, options), last: true };
}

/** A search request; 204, an empty body and `[]` all mean no rows. */
async function post(
	this: OneFileContext,
	path: readonly PathPart[],
	filters: IDataObject,
	options: Pick<SearchOptions, 'itemIndex' | 'action' | 'onAnswer' | 'settings'>,
): Promise<IDataObject[]> {
	const { body, timing } = await oneFileApiRequest.call(this, {
		settings: options.settings,
		method: 'POST',
		path,
		body: filters,
		itemIndex: options.itemIndex,
		action: options.action,
		idempotent: true,
	});
	options.onAnswer?.(timing);
	return oneFileList.call(this, body, options);
}
