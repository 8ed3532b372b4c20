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
import { retryAfterSeconds, retryDelayMs } from '../../shared/http/retry';
import { maskSecrets } from '../../shared/http/secrets';
import { buildUrl, isPathSegment, type PathPart } from '../../shared/http/url';
import { readPages } from '../../shared/paging';
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
	const counts = { failed: 0, rateLimited: 0 };
	for (;;) {
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
		if ('answer' in outcome && outcome.answer.statusCode < 300) return outcome.answer.body;
		const failure: RequestFailure =
			'answer' in outcome
				? {
						httpCode: outcome.answer.statusCode,
						serviceMessage: maskOrUndefined(readBksbError(outcome.answer.body), secrets),
					}
				: outcome.failure;
		const count = failure.httpCode === 429 ? ++counts.rateLimited : ++counts.failed;
		const wait = retryDelayMs(
			failure,
			request.idempotent,
			count,
			'answer' in outcome ? retryAfterSeconds(outcome.answer.headers) : undefined,
		);
		if (wait === undefined) {
			const translated = translateBksbFailure(failure, request.action);
			throw new NodeApiError(this.getNode(), translated.details, {
				message: translated.message,
				description: translated.description,
				httpCode: translated.httpCode,
				itemIndex: request.itemIndex,
			});
		}
		await sleep(wait);
	}
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
			const body = (await bksbApiRequest.call(this, {
				...request,
				method: 'GET',
				idempotent: true,
				qs: { ...request.qs, page, recordsPerPage },
			})) as IDataObject | undefined;
			const rows = Array.isArray(body?.[listKey]) ? (body?.[listKey] as IDataObject[]) : [];
			const total = Number((body?.Pagination as IDataObject | undefined)?.TotalRecords ?? NaN);
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
