import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, IHttpRequestOptions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { readThrownFailure, retryDelayMs } from '../../OneFile/transport';
import { networkWords, type RequestFailure } from '../../OneFile/transport/errors';
import { bksbBaseUrl } from './connection';

export const CREDENTIAL_TYPE = 'bksbApi';

export interface BksbRequest {
	method: IHttpRequestMethods;
	/** Below the API base path, e.g. `/users/createUser`. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	itemIndex: number;
	action: string;
	/** Safe to send twice (reads, the date-of-birth update); createUser is not. */
	idempotent: boolean;
}

const STATUS_WORDS: Record<number, { message: string; fix: string }> = {
	400: { message: 'bksb refused the request', fix: "Check the fields named in bksb's answer, then run the item again." },
	401: { message: 'bksb rejected the access key', fix: 'Check the access key ID and secret key in the credential, and that the key is Enabled in bksb.' },
	403: { message: 'bksb refused access', fix: 'Give the access key Allow on the permissions this needs, in bksb under Admin Options › API Access Keys.' },
	404: { message: 'bksb could not find that record or address', fix: 'Check the ID. If every call says this, check the credential’s API Base Path.' },
	500: { message: 'bksb could not do it', fix: "bksb reported an error of its own (see its words). For a diagnostic link this usually means the learner has no working level yet: take the initial assessment first." },
};

/** One bksb API call: key pair authentication, retries of safe requests, errors in plain words. */
export async function bksbApiRequest(this: IExecuteFunctions, request: BksbRequest): Promise<unknown> {
	let baseUrl: string;
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	try {
		baseUrl = bksbBaseUrl(credentials);
	} catch (error) {
		throw new NodeOperationError(this.getNode(), (error as Error).message, { itemIndex: request.itemIndex, description: 'Open the bksb credential and correct it.' });
	}
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${baseUrl}${request.path}`,
		qs: request.qs,
		body: request.body,
		json: true,
		returnFullResponse: true,
		// Every status comes back to us: n8n's own error would keep the request (and its Authorization header).
		ignoreHttpStatusErrors: true,
		timeout: 60_000,
	};
	for (let failures = 1; ; failures++) {
		let failure: RequestFailure & { said?: string };
		try {
			const response = (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, { ...options })) as { statusCode: number; body: unknown };
			if (response.statusCode < 300) return response.body;
			failure = { httpCode: response.statusCode, said: describe(response.body) };
		} catch (error) {
			failure = readThrownFailure(error);
		}
		const wait = retryDelayMs(failure, request.idempotent, failures);
		if (wait === undefined) throw bksbError.call(this, failure, request);
		await sleep(wait);
	}
}

/** bksb's GenericResponseMessage `{HttpStatusCode, HttpStatus, Status, Description, Data}`, or its text. */
function describe(body: unknown): string | undefined {
	if (body && typeof body === 'object') {
		const record = body as Record<string, unknown>;
		const text = record.Description ?? record.Message ?? record.message;
		return typeof text === 'string' ? text.slice(0, 300) : undefined;
	}
	return typeof body === 'string' && body.trim() ? body.trim().slice(0, 300) : undefined;
}

function bksbError(this: IExecuteFunctions, failure: RequestFailure & { said?: string }, request: BksbRequest): NodeApiError {
	if (failure.httpCode === undefined) {
		return new NodeApiError(this.getNode(), {} as JsonObject, {
			message: `No answer from bksb while trying to ${request.action} (${networkWords(failure.networkCode)})`,
			description: `The connection failed or timed out (network error ${failure.networkCode ?? 'unknown'}). Check the credential's Region or URL and this server's network access.`,
			itemIndex: request.itemIndex,
		});
	}
	const words = STATUS_WORDS[failure.httpCode] ?? STATUS_WORDS[failure.httpCode >= 500 ? 500 : 400];
	return new NodeApiError(this.getNode(), { httpCode: failure.httpCode } as JsonObject, {
		message: `${words.message} (HTTP ${failure.httpCode}) while trying to ${request.action}`,
		description: `${failure.said ? `bksb said: "${failure.said}". ` : ''}${words.fix}`,
		httpCode: String(failure.httpCode),
		itemIndex: request.itemIndex,
	});
}

/** Every row of a paged bksb list (`page`, `recordsPerPage`, `query`), up to `limit`. */
export async function bksbPaged(this: IExecuteFunctions, request: Omit<BksbRequest, 'method' | 'idempotent'>, listKey: 'Groups' | 'Users', limit?: number): Promise<IDataObject[]> {
	const size = Math.min(limit ?? PAGE_SIZE, PAGE_SIZE);
	const rows: IDataObject[] = [];
	for (let page = 1; ; page++) {
		const body = (await bksbApiRequest.call(this, { ...request, method: 'GET', idempotent: true, qs: { ...request.qs, page, recordsPerPage: size } })) as IDataObject | undefined;
		const pageRows = Array.isArray(body?.[listKey]) ? (body?.[listKey] as IDataObject[]) : [];
		const total = Number((body?.Pagination as IDataObject | undefined)?.TotalRecords ?? NaN);
		for (const row of pageRows) {
			rows.push(row);
			if (limit !== undefined && rows.length >= limit) return rows;
		}
		if (pageRows.length < size || (Number.isFinite(total) && rows.length >= total)) return rows;
	}
}

const PAGE_SIZE = 100;
