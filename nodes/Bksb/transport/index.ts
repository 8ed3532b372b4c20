import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { contextWithDeadline } from '../../shared/http/deadline';
import type { RequestFailure } from '../../shared/http/failure';
import { sendBounded } from '../../shared/http/request';
import { RefusalStreak, runStoppedWords } from '../../shared/http/refusals';
import {
	isTransient,
	MAX_RETRY_AFTER_S,
	retryAfterSeconds,
	retryDelayMs,
} from '../../shared/http/retry';
import { maskSecrets } from '../../shared/http/secrets';
import { buildUrl, isPathSegment, type PathPart } from '../../shared/http/url';
import { readPages } from '../../shared/paging';
import { isRecord } from '../../shared/answers';
import { bksbRows } from './answers';
import { bksbBaseUrl, bksbKeys } from './connection';
import { readBksbError, translateBksbFailure } from './errors';

export const CREDENTIAL_TYPE = 'bksbApi';

export interface BksbRequest {
	method: IHttpRequestMethods;
	/** Below the API base path as segments, e.g. `['users', 'createUser']`: each is checked and encoded. */
	path: readonly PathPart[];
	qs?: Record<string, string | number | boolean | undefined>;
	body?: IDataObject;
	itemIndex: number;
	action: string;
	/** Safe to send twice (reads, the date-of-birth update); createUser is not. */
	idempotent: boolean;
}

/** bksb has no Timeout option on the node: each answer must arrive within this. */
const TIMEOUT_MS = 60_000;

/** One bksb API call: key pair authentication, safe retries, errors in plain words. */
export async function bksbApiRequest(
	this: IExecuteFunctions,
	request: BksbRequest,
): Promise<unknown> {
	const wrong = request.path.find((part) => !isPathSegment(part));
	if (wrong !== undefined) {
		throw new NodeOperationError(
			this.getNode(),
			`Cannot ${request.action}: ${JSON.stringify(wrong)} cannot be part of bksb's address`,
			{
				itemIndex: request.itemIndex,
				description: 'IDs are whole numbers. Check the value mapped into this field.',
			},
		);
	}
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	let url: string;
	try {
		bksbKeys(credentials);
		url = buildUrl(bksbBaseUrl(credentials), request.path, request.qs);
	} catch (error) {
		throw new NodeOperationError(this.getNode(), (error as Error).message, {
			itemIndex: request.itemIndex,
			description: 'Open the bksb credential and correct it.',
		});
	}
	const secrets = [credentials.accessKeyId, credentials.secretKey];
	const counts = { failed: 0, rateLimited: 0, waitedMs: 0 };
	const refusals = refusalsOf(this);
	for (;;) {
		stopIfRunStopped.call(this, refusals, request);
		const outcome = await sendBounded(
			async (options: IHttpRequestOptions, deadline: AbortSignal) => {
				const context = contextWithDeadline(this, deadline);
				return await context.helpers.httpRequestWithAuthentication.call(
					context,
					CREDENTIAL_TYPE,
					options,
				);
			},
			{ method: request.method, url, body: request.body, timeoutMs: TIMEOUT_MS },
		);
		if ('answer' in outcome && outcome.answer.statusCode < 300) {
			refusals.onAnswer();
			return outcome.answer.body;
		}
		const failure: RequestFailure =
			'answer' in outcome
				? {
						httpCode: outcome.answer.statusCode,
						serviceMessage: maskOrUndefined(readBksbError(outcome.answer.body), secrets),
					}
				: outcome.failure;
		const refused = failure.httpCode === 429 || isTransient(failure);
		if (!refused) refusals.onAnswer();
		const count = failure.httpCode === 429 ? ++counts.rateLimited : ++counts.failed;
		const retryAfter = 'answer' in outcome ? retryAfterSeconds(outcome.answer.headers) : undefined;
		const wait = retryDelayMs(failure, request.idempotent, count, retryAfter);
		if (refused && !refusals.onRefusal(failure, wait))
			stopIfRunStopped.call(this, refusals, request);
		if (wait === undefined) {
			const translated = translateBksbFailure(
				{
					...failure,
					refusals: counts.rateLimited + counts.failed,
					waitedMs: counts.waitedMs,
					retryAfterTooLongS:
						failure.httpCode === 429 && retryAfter !== undefined && retryAfter > MAX_RETRY_AFTER_S
							? retryAfter
							: undefined,
				},
				request.action,
			);
			throw new NodeApiError(this.getNode(), translated.details, {
				message: translated.message,
				description: translated.description,
				httpCode: translated.httpCode,
				itemIndex: request.itemIndex,
			});
		}
		counts.waitedMs += wait;
		await sleep(wait);
	}
}

/**
 * bksb's refusals in a row across one run's items (refusals.ts), keyed by n8n's context so that
 * they end with the run.
 */
const streaks = new WeakMap<object, RefusalStreak>();

function refusalsOf(context: object): RefusalStreak {
	let streak = streaks.get(context);
	if (!streak) streaks.set(context, (streak = new RefusalStreak()));
	return streak;
}

function stopIfRunStopped(
	this: IExecuteFunctions,
	refusals: RefusalStreak,
	request: BksbRequest,
): void {
	if (!refusals.stopped) return;
	const words = runStoppedWords(refusals.stopped, 'bksb');
	throw new NodeApiError(
		this.getNode(),
		{},
		{
			message: words.message,
			description: words.description,
			httpCode: refusals.stopped.rateLimited ? '429' : undefined,
			itemIndex: request.itemIndex,
		},
	);
}

function maskOrUndefined(text: string | undefined, secrets: unknown[]): string | undefined {
	return text === undefined ? undefined : maskSecrets(text, secrets);
}

/** Every row of a paged bksb list (`page`, `recordsPerPage`, `query`), up to `limit`. */
export async function bksbPaged(
	this: IExecuteFunctions,
	request: Omit<BksbRequest, 'method' | 'idempotent'>,
	listKey: 'Groups' | 'Users',
	limit?: number,
): Promise<IDataObject[]> {
	return await readPages(
		async (page, recordsPerPage) => {
			const body = await bksbApiRequest.call(this, {
				...request,
				method: 'GET',
				idempotent: true,
				qs: { ...request.qs, page, recordsPerPage },
			});
			const { rows, collection } = bksbRows.call(this, body, listKey, request);
			const pagination = collection.Pagination;
			const total = Number(isRecord(pagination) ? (pagination.TotalRecords ?? NaN) : NaN);
			return { rows, total: Number.isFinite(total) ? total : undefined };
		},
		{
			pageSize: PAGE_SIZE,
			limit,
			service: 'bksb',
			action: request.action,
			fail: (message, description) =>
				new NodeApiError(
					this.getNode(),
					{},
					{ message, description, itemIndex: request.itemIndex },
				),
		},
	);
}

const PAGE_SIZE = 100;
