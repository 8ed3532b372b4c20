import type { IDataObject, IHttpRequestMethods, IHttpRequestOptions } from 'n8n-workflow';

import { readThrownFailure, redirectHostOf, type RequestFailure } from './failure';

/**
 * One request with the rules every request of this package obeys, whichever n8n helper sends it:
 *
 * - **No redirects.** n8n's helpers follow them and re-send custom headers (the session token,
 *   the customer token) and Basic auth to whatever host the server names. A 30x is a failure that
 *   names the other host; its body is not read.
 * - **A deadline for the whole answer.** axios's `timeout` only notices silence, so a server that
 *   drips a byte a second holds a request for ever; here the answer is cut at `timeoutMs`.
 * - **A size cap.** n8n sets axios's size limits to Infinity; the answer is read as a stream and
 *   cut at MAX_ANSWER_BYTES, so one answer cannot exhaust n8n's memory.
 *
 * Every status comes back as an answer; the caller decides what it means.
 */

/** Answers above this are refused (documented in the README's Security section). */
export const MAX_ANSWER_BYTES = 20 * 1024 * 1024;

export interface BoundedRequest {
	method: IHttpRequestMethods;
	/** Built by buildUrl (url.ts). */
	url: string;
	body?: IDataObject | IDataObject[];
	headers?: Record<string, string>;
	timeoutMs: number;
	/** Read the answer as text (a sign-in token), not as JSON. */
	text?: boolean;
}

export interface Answer {
	statusCode: number;
	headers: Record<string, unknown>;
	/** Parsed JSON, or the text when it is not JSON; undefined when empty. */
	body: unknown;
	/** The body was not JSON (kept as text): garbled, cut short, an HTML page, or text asked for. */
	notJson?: boolean;
}

export type Outcome = { answer: Answer } | { failure: RequestFailure; thrown?: unknown };

/** Sends the options through one of n8n's helpers; `deadline` aborts it (see deadline.ts). */
export type Sender = (options: IHttpRequestOptions, deadline: AbortSignal) => Promise<unknown>;

interface StreamResponse {
	statusCode: number;
	headers?: Record<string, unknown>;
	body: unknown;
}

export async function sendBounded(send: Sender, request: BoundedRequest): Promise<Outcome> {
	const deadline = AbortSignal.timeout(request.timeoutMs);
	let onExpiry = () => {};
	const expired = new Promise<'expired'>((resolve) => {
		onExpiry = () => resolve('expired');
		deadline.addEventListener('abort', onExpiry, { once: true });
	});
	try {
		return await sendWithin(send, request, deadline, expired);
	} finally {
		// The deadline's timer lives on for the whole Timeout: without this, every answer of a run
		// would stay reachable from it (through the race it settled) until the timer fires.
		deadline.removeEventListener('abort', onExpiry);
	}
}

async function sendWithin(
	send: Sender,
	request: BoundedRequest,
	deadline: AbortSignal,
	expired: Promise<'expired'>,
): Promise<Outcome> {
	const timedOut: Outcome = {
		failure: { timedOutAfterS: Math.round(request.timeoutMs / 100) / 10 },
	};
	const options: IHttpRequestOptions = {
		method: request.method,
		url: request.url,
		body: request.body,
		headers: request.headers,
		json: request.text !== true,
		encoding: 'stream',
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		disableFollowRedirect: true,
		sendCredentialsOnCrossOriginRedirect: false,
		timeout: request.timeoutMs,
		abortSignal: deadline,
	};
	let response: StreamResponse;
	const sending = send(options, deadline);
	// An answer that comes after the deadline is closed unread; a late failure is nobody's business.
	sending.then(
		(late) => deadline.aborted && destroy((late as StreamResponse | undefined)?.body),
		() => undefined,
	);
	try {
		const raced = await Promise.race([sending, expired]);
		if (raced === 'expired') return timedOut;
		response = raced as StreamResponse;
	} catch (thrown) {
		if (deadline.aborted) return timedOut;
		if (isCancelled(thrown)) return { failure: { cancelled: true }, thrown };
		return { failure: readThrownFailure(thrown), thrown };
	}
	const headers = response.headers ?? {};
	const { statusCode } = response;
	if (statusCode >= 300 && statusCode < 400 && statusCode !== 304) {
		destroy(response.body);
		return {
			failure: {
				httpCode: statusCode,
				redirectHost: redirectHostOf(headers.location, request.url),
			},
		};
	}
	const declared = Number(headers['content-length']);
	if (Number.isFinite(declared) && declared > MAX_ANSWER_BYTES) {
		destroy(response.body);
		return { failure: { httpCode: statusCode, tooLargeBytes: MAX_ANSWER_BYTES } };
	}
	let bytes: Uint8Array | undefined;
	try {
		const raced = await Promise.race([readCapped(response.body, deadline), expired]);
		if (raced === 'expired') {
			destroy(response.body);
			return timedOut;
		}
		bytes = raced;
	} catch (thrown) {
		if (deadline.aborted) return timedOut;
		return { failure: { httpCode: statusCode, unreadable: true }, thrown };
	}
	if (bytes === undefined)
		return { failure: { httpCode: statusCode, tooLargeBytes: MAX_ANSWER_BYTES } };
	return {
		answer: {
			statusCode,
			headers,
			...parse(Buffer.from(bytes).toString('utf8'), request.text === true),
		},
	};
}

/** The body, or undefined when it passes the cap (the stream is then closed). */
async function readCapped(body: unknown, deadline: AbortSignal): Promise<Uint8Array | undefined> {
	if (body === undefined || body === null) return new Uint8Array();
	if (typeof body === 'string') return capped(Buffer.from(body));
	if (body instanceof Uint8Array) return capped(body);
	if (!isAsyncIterable(body)) return capped(Buffer.from(JSON.stringify(body)));
	const chunks: Uint8Array[] = [];
	let total = 0;
	const stop = () => destroy(body);
	deadline.addEventListener('abort', stop, { once: true });
	try {
		for await (const chunk of body) {
			const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Uint8Array);
			total += bytes.length;
			if (total > MAX_ANSWER_BYTES) {
				destroy(body);
				return undefined;
			}
			chunks.push(bytes);
		}
	} finally {
		deadline.removeEventListener('abort', stop);
	}
	return Buffer.concat(chunks);
}

function capped(bytes: Uint8Array): Uint8Array | undefined {
	return bytes.length > MAX_ANSWER_BYTES ? undefined : bytes;
}

function parse(text: string, asText: boolean): Pick<Answer, 'body' | 'notJson'> {
	if (text.trim() === '') return { body: undefined };
	if (asText) return { body: text, notJson: true };
	try {
		return { body: parseJson(text) };
	} catch {
		return { body: text, notJson: true };
	}
}

/** Keys that, once in n8n's output, its copying would turn into inherited fields of the item. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const UNSAFE_KEY_IN_TEXT = /"(?:__proto__|constructor|prototype)"\s*:/;

/**
 * JSON as a service sent it, made safe to pass on: whole numbers beyond 2^53 (an ID JavaScript
 * would silently round) are kept exactly, as text; keys named `__proto__`, `constructor` or
 * `prototype` are dropped. Both checks cost a scan only when the text could hold them.
 */
export function parseJson(text: string): unknown {
	const exact = /\d{16}/.test(text) ? quoteUnsafeIntegers(text) : text;
	return UNSAFE_KEY_IN_TEXT.test(text)
		? JSON.parse(exact, (key, value: unknown) => (UNSAFE_KEYS.has(key) ? undefined : value))
		: JSON.parse(exact);
}

/** The JSON text with every integer literal above Number.MAX_SAFE_INTEGER put in quotes. */
function quoteUnsafeIntegers(text: string): string {
	let out = '';
	let from = 0;
	let i = 0;
	while (i < text.length) {
		const c = text[i];
		if (c === '"') {
			// Skip the string, escapes included.
			for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
			i++;
			continue;
		}
		if (c === '-' || (c >= '0' && c <= '9')) {
			const match = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
			const token = match?.[0] ?? c;
			if (match && !match[1] && !match[2] && !Number.isSafeInteger(Number(token))) {
				out += `${text.slice(from, i)}"${token}"`;
				from = i + token.length;
			}
			i += token.length;
			continue;
		}
		i++;
	}
	return out + text.slice(from);
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
	return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

function destroy(body: unknown): void {
	const stream = body as { destroy?: unknown } | undefined;
	if (stream && typeof stream.destroy === 'function') (stream.destroy as () => void).call(stream);
}

function isCancelled(thrown: unknown): boolean {
	const error = thrown as
		| { code?: unknown; name?: unknown; cause?: { code?: unknown; name?: unknown } }
		| undefined;
	return [error?.code, error?.name, error?.cause?.code, error?.cause?.name].some(
		(c) => c === 'ERR_CANCELED' || c === 'CanceledError' || c === 'AbortError',
	);
}
