import type {
	IDataObject,
	IHttpRequestMethods,
	IHttpRequestOptions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { contextWithDeadline } from '../../shared/http/deadline';
import type { RequestFailure } from '../../shared/http/failure';
import { sendBounded, type Outcome } from '../../shared/http/request';
import { runStoppedWords } from '../../shared/http/refusals';
import {
	isTransient,
	MAX_RETRY_AFTER_S,
	retryAfterSeconds,
	retryDelayMs,
} from '../../shared/http/retry';
import { maskSecrets } from '../../shared/http/secrets';
import { buildUrl, describePath, isPathSegment, type PathPart } from '../../shared/http/url';
import { ONEFILE_NODE_OPTIONS, readOneFileError, translateFailure } from './errors';
import { requestStart } from './pacing';
import type { AdaptiveLimit } from '../../shared/items/adaptiveLimit';
import { runState, type RunState } from './runState';
import type { RequestSettings } from './settings';
import { CREDENTIAL_TYPE, SessionCoordinator, type OneFileContext, type Ticket } from './session';
import { signInFailureOf, type SignInFailure } from './signIn';

export { CREDENTIAL_TYPE, type OneFileContext } from './session';

export interface OneFileRequest {
	method: IHttpRequestMethods;
	/** Path below the base URL as segments, e.g. `['User', userId, 'Assign']`: each is checked and encoded. */
	path: readonly PathPart[];
	body?: IDataObject;
	itemIndex?: number;
	/** What the node was doing, for messages: "create the user". */
	action: string;
	/**
	 * Whether sending the request twice does no harm. Reads, searches and partial updates are; a
	 * create is not. See the retry policy (shared/http/retry.ts).
	 */
	idempotent: boolean;
	/** The run's settings (Timeout, Auto), built once by the node's execute; DEFAULT_REQUEST_SETTINGS elsewhere. */
	settings: RequestSettings;
}

export interface OneFileResponse {
	statusCode: number;
	/** Parsed body; undefined for 204 or an empty answer. */
	body: unknown;
	/** When the answering attempt was sent and its answer read (n8n's clock), and OneFile's clock then. */
	timing: AnswerTiming;
}

export interface AnswerTiming {
	sentAt: number;
	receivedAt: number;
	/** The answer's HTTP `Date` header (OneFile's clock, whole seconds) in epoch ms; undefined when absent or unreadable. */
	serverDate?: number;
}

/** What went wrong with a failed request, for callers that must decide (create's "did it happen?"). */
const failures = new WeakMap<Error, RequestFailure>();

export function failureOf(error: unknown): RequestFailure | undefined {
	return error instanceof Error ? failures.get(error) : undefined;
}

/** One OneFile API call: the session, safe retries, a 429 pause shared by the run, errors in words. */
export async function oneFileApiRequest(
	this: OneFileContext,
	request: OneFileRequest,
): Promise<OneFileResponse> {
	checkPath.call(this, request);
	const run = runState(this);
	const session = new SessionCoordinator(this, run, request.itemIndex);
	const { timeoutMs, adaptive } = request.settings;
	const counts = { failed: 0, rateLimited: 0, waitedMs: 0 };
	for (;;) {
		stopIfRunStopped.call(this, run, request);
		await waitForPause(run);
		stopIfRunStopped.call(this, run, request);
		// Under Auto, after a 429, every request (retries too) keeps to the rate the service allows.
		if (adaptive) await adaptive.pace(sleep);
		const ticket = await session.ticket();
		const sentAt = Date.now();
		const outcome = await session.attempt(
			ticket,
			async () => await sendOnce.call(this, ticket, request, timeoutMs),
			reachedOneFile,
		);
		if (adaptive) tellAdaptive(adaptive, outcome, Date.now() - sentAt);
		const answer = 'answer' in outcome ? outcome.answer : undefined;
		const refused =
			'answer' in outcome
				? answer?.statusCode === 429 || [500, 502, 503, 504].includes(answer?.statusCode ?? 0)
				: isTransient(outcome.failure);
		if (!refused) run.refusals.onAnswer();
		if (answer && answer.statusCode < 300 && !answer.notJson)
			return {
				statusCode: answer.statusCode,
				body: answer.body,
				timing: { sentAt, receivedAt: Date.now(), serverDate: httpDate(answer.headers.date) },
			};

		const signIn = 'thrown' in outcome ? signInFailureOf(outcome.thrown) : undefined;
		const failure = signIn ?? readFailure(outcome, ticket);
		if (
			!signIn &&
			(failure.httpCode === 401 || failure.httpCode === 403) &&
			(await session.retryAfterRefusal(ticket))
		)
			continue;
		// Signing in is always safe to repeat; a refused customer token is not worth repeating.
		const refusedToken = signIn !== undefined && [400, 401, 403].includes(signIn.httpCode ?? 0);
		const count = failure.httpCode === 429 ? ++counts.rateLimited : ++counts.failed;
		const retryAfter = answer && retryAfterSeconds(answer.headers);
		const wait = refusedToken
			? undefined
			: retryDelayMs(failure, request.idempotent || signIn !== undefined, count, retryAfter);
		if (refused && !run.refusals.onRefusal(failure, wait))
			stopIfRunStopped.call(this, run, request);
		if (wait === undefined)
			throw signIn
				? signInFailed.call(this, signIn, request)
				: requestFailed.call(
						this,
						{
							...failure,
							refusals: counts.rateLimited + counts.failed,
							waitedMs: counts.waitedMs,
							retryAfterTooLongS:
								failure.httpCode === 429 &&
								retryAfter !== undefined &&
								retryAfter > MAX_RETRY_AFTER_S
									? retryAfter
									: undefined,
						},
						request,
					);
		if (failure.httpCode === 429) run.pausedUntil = Math.max(run.pausedUntil, Date.now() + wait);
		counts.waitedMs += wait;
		await sleep(wait);
	}
}

/** An HTTP `Date` header (RFC 9110 IMF-fixdate, e.g. "Sun, 06 Dec 2026 19:51:42 GMT") in epoch ms. */
export function httpDate(raw: unknown): number | undefined {
	const text = Array.isArray(raw) ? raw[0] : raw;
	if (typeof text !== 'string') return undefined;
	if (!/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(text.trim()))
		return undefined;
	const time = Date.parse(text);
	return Number.isNaN(time) ? undefined : time;
}

/** Sends one attempt with the ticket's credential, under the deadline; n8n signs in first when its session is empty. */
async function sendOnce(
	this: OneFileContext,
	ticket: Ticket,
	request: OneFileRequest,
	timeoutMs: number,
): Promise<Outcome> {
	await requestStart();
	const reference = this.getNode().credentials?.[CREDENTIAL_TYPE];
	const credentialsDecrypted = {
		id: reference?.id ?? '',
		name: reference?.name ?? '',
		type: CREDENTIAL_TYPE,
		data: ticket.data,
	};
	const url = buildUrl(ticket.credential.baseUrl, request.path);
	return await sendBounded(
		async (options: IHttpRequestOptions, deadline: AbortSignal) => {
			const context = contextWithDeadline(this, deadline);
			return await context.helpers.httpRequestWithAuthentication.call(
				context,
				CREDENTIAL_TYPE,
				options,
				{ credentialsDecrypted },
			);
		},
		{ method: request.method, url, body: request.body, timeoutMs },
	);
}

/** Whether the attempt got past signing in: OneFile itself answered (any status). */
function reachedOneFile(outcome: Outcome): boolean {
	if ('answer' in outcome) return true;
	return outcome.failure.httpCode !== undefined && signInFailureOf(outcome.thrown) === undefined;
}

/** The failure of an attempt that reached OneFile (or no server at all), with any echoed secret masked. */
function readFailure(outcome: Outcome, ticket: Ticket): RequestFailure {
	if ('failure' in outcome) return outcome.failure;
	const { statusCode, body } = outcome.answer;
	// A success whose body is text: axios would have parsed JSON, so this is cut short or garbled.
	if (statusCode < 300) return { httpCode: statusCode, unreadable: true };
	const said = readOneFileError(body);
	const secrets = [ticket.data.customerToken, ticket.data.sessionToken];
	return {
		httpCode: statusCode,
		...said,
		serviceMessage:
			said.serviceMessage === undefined ? undefined : maskSecrets(said.serviceMessage, secrets),
	};
}

/** Every segment valid before anything is sent (values are checked by the operations; this is the last guard). */
function checkPath(this: OneFileContext, request: OneFileRequest): void {
	const wrong = request.path.find((part) => !isPathSegment(part));
	if (wrong === undefined) return;
	throw new NodeOperationError(
		this.getNode(),
		`Cannot ${request.action}: ${JSON.stringify(wrong)} cannot be part of OneFile's address`,
		{
			itemIndex: request.itemIndex,
			description:
				'IDs are whole numbers and codes are single words; "." and ".." are never IDs. Check the value mapped into this field.',
		},
	);
}

/** Requests in Parallel: Auto learns from every answer (a 429 teaches the rate; a 5xx or no answer slows it down). */
function tellAdaptive(adaptive: AdaptiveLimit, outcome: Outcome, ms: number): void {
	const status = 'answer' in outcome ? outcome.answer.statusCode : outcome.failure.httpCode;
	if (status === 429) adaptive.onRateLimited();
	else if (
		'failure' in outcome ? isTransient(outcome.failure) : status !== undefined && status >= 500
	)
		adaptive.onFailure();
	else adaptive.onAnswer(ms);
}

/** Once OneFile has refused the run past its bound (refusals.ts), no request of the run is sent. */
function stopIfRunStopped(this: OneFileContext, run: RunState, request: OneFileRequest): void {
	if (!run.refusals.stopped) return;
	const words = runStoppedWords(run.refusals.stopped, 'OneFile', optionsOf(this).parallel);
	throw new NodeApiError(this.getNode(), {} as JsonObject, {
		message: words.message,
		description: words.description,
		httpCode: run.refusals.stopped.rateLimited ? '429' : undefined,
		itemIndex: request.itemIndex,
	});
}

async function waitForPause(run: RunState): Promise<void> {
	const wait = run.pausedUntil - Date.now();
	if (wait > 0) await sleep(wait);
}

/** The options words may point at: only the node's run has Options; the trigger and dropdowns have none. */
function optionsOf(context: OneFileContext): typeof ONEFILE_NODE_OPTIONS {
	return 'getInputData' in context ? ONEFILE_NODE_OPTIONS : {};
}

function requestFailed(
	this: OneFileContext,
	failure: RequestFailure,
	request: OneFileRequest,
): NodeApiError {
	const translated = translateFailure(failure, request.action, optionsOf(this));
	// Built from a clean object: n8n's own error keeps the HTTP client's error, headers and token included.
	const error = new NodeApiError(
		this.getNode(),
		{ ...translated.details, path: describePath(request.path) } as JsonObject,
		{
			message: translated.message,
			description: translated.description,
			httpCode: translated.httpCode,
			itemIndex: request.itemIndex,
		},
	);
	failures.set(error, failure);
	return error;
}

function signInFailed(
	this: OneFileContext,
	signIn: SignInFailure,
	request: OneFileRequest,
): NodeApiError {
	return new NodeApiError(this.getNode(), {} as JsonObject, {
		message: signIn.message,
		httpCode: signIn.httpCode === undefined ? undefined : String(signIn.httpCode),
		description:
			'Open the OneFile credential and press "Test" to check the customer token and environment.',
		itemIndex: request.itemIndex,
	});
}
