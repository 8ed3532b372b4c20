import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { resolveBaseUrl } from './environments';
import { readOneFileError, translateFailure, type RequestFailure } from './errors';
import { signInMessageOf } from './session';

export type OneFileContext = IExecuteFunctions | ILoadOptionsFunctions;

export const CREDENTIAL_TYPE = 'oneFileApi';

export interface OneFileRequest {
	method: IHttpRequestMethods;
	/** Path below the base URL, e.g. `/User/Search`. */
	endpoint: string;
	body?: IDataObject;
	itemIndex?: number;
	/** What the node was doing, for messages: "create the user". */
	action: string;
	/**
	 * Whether sending the request twice does no harm. Reads, searches and partial updates are;
	 * a create is not. Only idempotent requests are repeated after a failure in which OneFile may
	 * have acted (a 5xx, a dropped connection, a timeout). A 429 is repeated for any request: it
	 * means OneFile refused before acting.
	 */
	idempotent: boolean;
	timeoutMs?: number;
}

export interface OneFileResponse {
	statusCode: number;
	/** Parsed body; undefined for 204 or an empty answer. */
	body: unknown;
}

const MAX_ATTEMPTS = 4;
const BACKOFF_BASE_MS = 400;
const MAX_RETRY_AFTER_S = 60;
export const DEFAULT_TIMEOUT_MS = 60_000;

/** What went wrong with a failed request, for callers that must decide (create's "did it happen?"). */
const failures = new WeakMap<Error, RequestFailure>();

export function failureOf(error: unknown): RequestFailure | undefined {
	return error instanceof Error ? failures.get(error) : undefined;
}

/** Make one OneFile API call: authentication, session renewal, safe retries, errors in plain words. */
export async function oneFileApiRequest(this: OneFileContext, request: OneFileRequest): Promise<OneFileResponse> {
	const baseUrl = await oneFileBaseUrl.call(this, request.itemIndex);
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${baseUrl}${request.endpoint}`,
		body: request.body,
		json: true,
		returnFullResponse: true,
		// Every status comes back to us: n8n's error would drop Retry-After and non-JSON bodies.
		ignoreHttpStatusErrors: true,
		timeout: request.timeoutMs ?? DEFAULT_TIMEOUT_MS,
	};
	let renewed = false;
	let renewNext = false;
	let failures = 0;
	for (;;) {
		let failure: RequestFailure;
		let retryAfter: number | undefined;
		try {
			const response = (await send.call(this, options, renewNext)) as FullResponse;
			if (response.statusCode < 300) return { statusCode: response.statusCode, body: emptyToUndefined(response.body) };
			failure = { httpCode: response.statusCode, ...readOneFileError(response.body) };
			retryAfter = retryAfterSeconds(response.headers);
		} catch (error) {
			const signInMessage = signInMessageOf(error);
			if (signInMessage) throw signInFailed.call(this, signInMessage, request);
			failure = readThrownFailure(error);
		}
		renewNext = false;
		if ((failure.httpCode === 401 || failure.httpCode === 403) && !renewed) {
			// The session expired or was revoked. OneFile does not document whether it says so with
			// 401 or 403, so both get one fresh sign-in and one more try.
			renewed = renewNext = true;
			continue;
		}
		failures++;
		const wait = retryDelayMs(failure, request.idempotent, failures, retryAfter);
		if (wait === undefined) throw requestFailed.call(this, failure, request);
		await sleep(wait);
	}
}

interface FullResponse {
	statusCode: number;
	headers?: Record<string, unknown>;
	body: unknown;
}

/** Sends with the stored session, or with a cleared one so n8n signs in again and stores the new session. */
async function send(this: OneFileContext, options: IHttpRequestOptions, forceNewSession: boolean): Promise<unknown> {
	if (!forceNewSession) {
		return await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, { ...options });
	}
	const data = await this.getCredentials(CREDENTIAL_TYPE);
	const reference = this.getNode().credentials?.[CREDENTIAL_TYPE];
	return await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, { ...options }, {
		credentialsDecrypted: {
			id: reference?.id ?? '',
			name: reference?.name ?? '',
			type: CREDENTIAL_TYPE,
			// An empty expirable field makes n8n run preAuthentication, store the new session and use it.
			data: { ...data, sessionToken: '' },
		},
	});
}

/** The credential's base URL, or an error that says how to fix the credential. */
export async function oneFileBaseUrl(this: OneFileContext, itemIndex?: number): Promise<string> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	try {
		return resolveBaseUrl(credentials);
	} catch (error) {
		throw new NodeOperationError(this.getNode(), (error as Error).message, {
			itemIndex,
			description: 'Open the OneFile credential and correct the Base URL.',
		});
	}
}

/**
 * How long to wait before trying again, or undefined to give up. 429 is always retried (OneFile
 * refused before acting); 5xx and lost connections only for idempotent requests.
 */
export function retryDelayMs(failure: RequestFailure, idempotent: boolean, failures: number, retryAfter?: number): number | undefined {
	if (failures >= MAX_ATTEMPTS) return undefined;
	const backoff = BACKOFF_BASE_MS * 2 ** (failures - 1);
	if (failure.httpCode === 429) {
		if (retryAfter === undefined) return backoff;
		return retryAfter <= MAX_RETRY_AFTER_S ? retryAfter * 1000 : undefined;
	}
	if (!idempotent) return undefined;
	const transient = failure.httpCode === undefined ? failure.networkCode !== undefined : [500, 502, 503, 504].includes(failure.httpCode);
	return transient ? backoff : undefined;
}

interface ThrownHttpError {
	httpCode?: string | null;
	code?: string;
	message?: string;
	cause?: ThrownHttpError;
	response?: { status?: number; data?: unknown };
}

const NETWORK_CODE = /\b(E[A-Z]{3,}|ERR_[A-Z_]+)\b/;

/** A request that threw: the connection failed, timed out or was reset before any answer. */
export function readThrownFailure(error: unknown): RequestFailure {
	const thrown = (error ?? {}) as ThrownHttpError;
	const inner = thrown.cause ?? thrown;
	const status = inner.response?.status ?? thrown.response?.status ?? (thrown.httpCode && /^\d{3}$/.test(thrown.httpCode) ? Number(thrown.httpCode) : undefined);
	if (status !== undefined) return { httpCode: status, ...readOneFileError(inner.response?.data ?? thrown.response?.data) };
	const code = [inner.code, thrown.code, thrown.httpCode, NETWORK_CODE.exec(thrown.message ?? '')?.[1]].find((c) => typeof c === 'string' && NETWORK_CODE.test(c));
	return { networkCode: code ?? 'ECONNRESET' };
}

/** Seconds to wait from a Retry-After header (seconds or an HTTP date). */
export function retryAfterSeconds(headers: Record<string, unknown> | undefined): number | undefined {
	const value = headers?.['retry-after'];
	if (value === undefined || value === null) return undefined;
	const text = String(value).trim();
	if (/^\d+$/.test(text)) return Number(text);
	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function requestFailed(this: OneFileContext, failure: RequestFailure, request: OneFileRequest): NodeApiError {
	const translated = translateFailure(failure, request.action);
	// Built from a clean object: n8n's own error keeps the HTTP client's error, headers and token included.
	const error = new NodeApiError(this.getNode(), translated.details as JsonObject, {
		message: translated.message,
		description: translated.description,
		httpCode: translated.httpCode,
		itemIndex: request.itemIndex,
	});
	failures.set(error, failure);
	return error;
}

function signInFailed(this: OneFileContext, message: string, request: OneFileRequest): NodeApiError {
	return new NodeApiError(this.getNode(), {} as JsonObject, {
		message,
		description: 'Open the OneFile credential and press "Test" to check the customer token and environment.',
		itemIndex: request.itemIndex,
	});
}

function emptyToUndefined(body: unknown): unknown {
	if (body === undefined || body === null) return undefined;
	if (typeof body === 'string' && body.trim() === '') return undefined;
	return body;
}
