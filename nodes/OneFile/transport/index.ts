import type {
	ICredentialDataDecryptedObject,
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
import { requestStart } from './pacing';
import { signInFailureOf, type SignInFailure } from './session';

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
/** 429 means "wait", not "failed": a request may be asked to wait this many times. */
const MAX_RATE_LIMITED = 12;
/** Sessions renewed by other items that one request may follow, when sessions keep expiring. */
const MAX_FOLLOWED_RENEWALS = 3;
const BACKOFF_BASE_MS = 400;
const MAX_RETRY_AFTER_S = 60;
export const DEFAULT_TIMEOUT_MS = 60_000;

/** What went wrong with a failed request, for callers that must decide (create's "did it happen?"). */
const failures = new WeakMap<Error, RequestFailure>();

export function failureOf(error: unknown): RequestFailure | undefined {
	return error instanceof Error ? failures.get(error) : undefined;
}

/**
 * What the items of one run share while they run in parallel: a pause OneFile asked for with
 * 429 + Retry-After (so every item waits, not just the one that was told) and the credential.
 */
interface RunState {
	pausedUntil: number;
	/**
	 * The credential as n8n decrypted it, read once per run and handed back to n8n with every
	 * request: n8n would otherwise read it from its database and decrypt it for each request
	 * (about 0.6 ms a row, the largest cost of a row after the request itself).
	 */
	credential?: Promise<RunCredential>;
}

interface RunCredential {
	/** What n8n authenticates each request with; when n8n signs in, it writes the new session into it. */
	data: ICredentialDataDecryptedObject;
	baseUrl: string;
	/** The process's renewal count this session is from: a higher count means another run signed in since, and n8n stored a newer session. */
	renewals: number;
}

/**
 * A session renewal in progress, shared by everything in this n8n process that uses the same
 * credential: the items of one run, and the other runs of a worker (n8n keeps one session token
 * per credential in its database; a run that sees the count move reads it from there again). So eight items, or
 * eight executions on one worker, that see an expired session sign in once, not eight times.
 * Separate processes (queue-mode workers) cannot see each other's renewal: each signs in once.
 */
interface RenewalState {
	renewal?: Promise<unknown>;
	/** Counts completed renewals, so a request can tell whether someone renewed after it was sent. */
	renewals: number;
}

const runStates = new WeakMap<object, RunState>();
const renewalsByCredential = new Map<string, RenewalState>();
const renewalsByRun = new WeakMap<object, RenewalState>();

function runState(context: object): RunState {
	let state = runStates.get(context);
	if (!state) {
		state = { pausedUntil: 0 };
		runStates.set(context, state);
	}
	return state;
}

function renewalState(this: OneFileContext): RenewalState {
	const id = this.getNode().credentials?.[CREDENTIAL_TYPE]?.id;
	// Without a stored credential's ID (never the case for a saved workflow) share within the run only.
	const byRun = !id;
	let state = byRun ? renewalsByRun.get(this) : renewalsByCredential.get(id);
	if (!state) {
		state = { renewals: 0 };
		if (byRun) renewalsByRun.set(this, state);
		else renewalsByCredential.set(id, state);
	}
	return state;
}

/** Make one OneFile API call: authentication, session renewal, safe retries, errors in plain words. */
export async function oneFileApiRequest(this: OneFileContext, request: OneFileRequest): Promise<OneFileResponse> {
	const state = runState(this);
	const session = renewalState.call(this);
	const options: IHttpRequestOptions = {
		method: request.method,
		url: '',
		body: request.body,
		json: true,
		returnFullResponse: true,
		// Every status comes back to us: n8n's error would drop Retry-After and non-JSON bodies.
		ignoreHttpStatusErrors: true,
		timeout: request.timeoutMs ?? requestTimeoutMs.call(this, request.itemIndex),
	};
	let forceNewSession = false;
	let renewedOwnSession = false;
	let followedRenewals = 0;
	let failures = 0;
	let rateLimited = 0;
	for (;;) {
		await waitForPause(state);
		const credential = await runCredential.call(this, state, session, request.itemIndex);
		options.url = `${credential.baseUrl}${request.endpoint}`;
		// No session stored yet (a new credential, or several executions starting together): if
		// another run of this process is signing in, wait and use its session; otherwise n8n signs
		// in with this request, and the others wait for it.
		let signingIn = forceNewSession;
		if (!hasSession(credential) && !forceNewSession) {
			if (session.renewal) {
				await session.renewal;
				continue;
			}
			signingIn = true;
		}
		const renewalsBefore = session.renewals;
		let response: FullResponse | undefined;
		let thrown: unknown;
		// A forced sign-in goes out with an empty session, so n8n signs in, stores the new session
		// and writes it into this copy; items still in flight keep the old one until it is done.
		const data = forceNewSession ? { ...credential.data, sessionToken: '' } : credential.data;
		const attempt = send.call(this, options, data).then(
			(r) => void (response = r as FullResponse),
			(e: unknown) => void (thrown = e),
		);
		if (signingIn) session.renewal = attempt;
		await attempt;
		if (session.renewal === attempt) {
			session.renewal = undefined;
			if (response) {
				session.renewals++;
				credential.data = data;
				credential.renewals = session.renewals;
			}
		}
		// A forced sign-in that failed on the way (OneFile busy, connection lost) is forced again.
		if (response) forceNewSession = false;

		let failure: RequestFailure;
		let retryAfter: number | undefined;
		if (response) {
			const body = emptyToUndefined(response.body);
			const unreadable = response.statusCode < 300 && isUnreadable(body);
			if (response.statusCode < 300 && !unreadable) return { statusCode: response.statusCode, body };
			failure = unreadable ? { httpCode: response.statusCode, unreadable: true } : { httpCode: response.statusCode, ...readOneFileError(response.body) };
			retryAfter = retryAfterSeconds(response.headers);
		} else {
			const signIn = signInFailureOf(thrown);
			if (signIn) {
				// Signing in is always safe to repeat: retry it when OneFile was busy or unreachable.
				const wait = retryDelayMs({ httpCode: signIn.httpCode, networkCode: signIn.networkCode }, true, signIn.httpCode === 429 ? ++rateLimited : ++failures);
				if (wait === undefined || signIn.httpCode === 400 || signIn.httpCode === 401 || signIn.httpCode === 403) throw signInFailed.call(this, signIn, request);
				await sleep(wait);
				continue;
			}
			failure = readThrownFailure(thrown);
		}
		if (failure.httpCode === 401 || failure.httpCode === 403) {
			// The session expired or was revoked; OneFile does not document whether it says so with
			// 401 or 403. Requests in flight together share one sign-in: if another item or run
			// renewed the session meanwhile, use its session (n8n reads it from the credential
			// store); otherwise sign in again ourselves, once. A 403 that survives a fresh session is
			// a real refusal.
			if (session.renewal) await session.renewal;
			if (session.renewals !== renewalsBefore && followedRenewals < MAX_FOLLOWED_RENEWALS) {
				followedRenewals++;
				continue;
			}
			if (!renewedOwnSession) {
				renewedOwnSession = forceNewSession = true;
				continue;
			}
		}
		const count = failure.httpCode === 429 ? ++rateLimited : ++failures;
		const wait = retryDelayMs(failure, request.idempotent, count, retryAfter);
		if (wait === undefined) throw requestFailed.call(this, failure, request);
		if (failure.httpCode === 429) state.pausedUntil = Math.max(state.pausedUntil, Date.now() + wait);
		await sleep(wait);
	}
}

async function waitForPause(state: RunState): Promise<void> {
	const wait = state.pausedUntil - Date.now();
	if (wait > 0) await sleep(wait);
}

/** The node's Timeout option for this item, in milliseconds. */
function requestTimeoutMs(this: OneFileContext, itemIndex: number | undefined): number {
	if (!('getInputData' in this) || itemIndex === undefined) return DEFAULT_TIMEOUT_MS;
	const seconds = Number(this.getNodeParameter('options.timeout', itemIndex, 60));
	return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : DEFAULT_TIMEOUT_MS;
}

interface FullResponse {
	statusCode: number;
	headers?: Record<string, unknown>;
	body: unknown;
}

/** Sends with the run's credential; n8n signs in first (and stores the session) when its session is empty. */
async function send(this: OneFileContext, options: IHttpRequestOptions, data: ICredentialDataDecryptedObject): Promise<unknown> {
	await requestStart();
	const reference = this.getNode().credentials?.[CREDENTIAL_TYPE];
	return await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, { ...options }, {
		credentialsDecrypted: { id: reference?.id ?? '', name: reference?.name ?? '', type: CREDENTIAL_TYPE, data },
	});
}

/**
 * The run's credential, read from n8n once, and again only when another run of this process has
 * signed in since (n8n stored that session; the one this run holds is older).
 */
async function runCredential(this: OneFileContext, state: RunState, session: RenewalState, itemIndex?: number): Promise<RunCredential> {
	const held = state.credential;
	if (held) {
		const credential = await held;
		if (credential.renewals >= session.renewals) return credential;
		if (state.credential === held) state.credential = undefined;
	}
	if (!state.credential) {
		const renewals = session.renewals;
		const reading = this.getCredentials(CREDENTIAL_TYPE).then((data) => ({ data, baseUrl: baseUrlOf.call(this, data, itemIndex), renewals }));
		reading.catch(() => {
			if (state.credential === reading) state.credential = undefined;
		});
		state.credential = reading;
	}
	return await state.credential;
}

function hasSession(credential: RunCredential): boolean {
	return typeof credential.data.sessionToken === 'string' && credential.data.sessionToken !== '';
}

/** The credential's base URL, or an error that says how to fix the credential. */
function baseUrlOf(this: OneFileContext, credentials: ICredentialDataDecryptedObject, itemIndex?: number): string {
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
 * How long to wait before trying again, or undefined to give up. `failures` counts this kind of
 * failure so far. 429 is retried for any request (OneFile refused before acting), as long as
 * OneFile asks for at most a minute; 5xx and lost connections only for idempotent requests.
 */
export function retryDelayMs(failure: RequestFailure, idempotent: boolean, failures: number, retryAfter?: number): number | undefined {
	if (failure.httpCode === 429) {
		if (failures > MAX_RATE_LIMITED) return undefined;
		if (retryAfter === undefined) return Math.min(BACKOFF_BASE_MS * 2 ** (failures - 1), MAX_RETRY_AFTER_S * 1000);
		return retryAfter <= MAX_RETRY_AFTER_S ? Math.max(retryAfter * 1000, BACKOFF_BASE_MS) : undefined;
	}
	if (failures >= MAX_ATTEMPTS) return undefined;
	const backoff = BACKOFF_BASE_MS * 2 ** (failures - 1);
	if (!idempotent) return undefined;
	const transient = failure.httpCode === undefined ? failure.networkCode !== undefined : failure.unreadable === true || [500, 502, 503, 504].includes(failure.httpCode);
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

function signInFailed(this: OneFileContext, signIn: SignInFailure, request: OneFileRequest): NodeApiError {
	return new NodeApiError(this.getNode(), {} as JsonObject, {
		message: signIn.message,
		httpCode: signIn.httpCode === undefined ? undefined : String(signIn.httpCode),
		description: 'Open the OneFile credential and press "Test" to check the customer token and environment.',
		itemIndex: request.itemIndex,
	});
}

/** axios hands back text when a JSON answer does not parse; OneFile's answers are JSON (or empty). */
function isUnreadable(body: unknown): boolean {
	return typeof body === 'string';
}

function emptyToUndefined(body: unknown): unknown {
	if (body === undefined || body === null) return undefined;
	if (typeof body === 'string' && body.trim() === '') return undefined;
	return body;
}
