import type { JsonObject } from 'n8n-workflow';

import { commonFailureWords, triesWords, type RequestFailure } from '../../shared/http/failure';

/** 502 and 503: bksb's side, never the row's; no form advice. */
const UNAVAILABLE_FIX =
	"The row is fine: bksb is unavailable at its gateway (down or updating). Run the workflow again later. If it keeps happening, check bksb's service status or contact bksb support.";

const STATUS_WORDS: Record<number, { message: string; fix: string }> = {
	400: {
		message: 'bksb refused the request',
		fix: "Check the fields named in bksb's answer, then run the item again.",
	},
	401: {
		message: 'bksb rejected the access key',
		fix: 'Check the access key ID and secret key in the credential, and that the key is Enabled in bksb.',
	},
	403: {
		message: 'bksb refused access',
		fix: 'Give the access key Allow on the permissions this needs, in bksb under Admin Options › API Access Keys.',
	},
	404: {
		message: 'bksb could not find that record or address',
		fix: 'Check the ID. If every call says this, check the credential’s API Base Path.',
	},
	// The bksb node sends one item at a time and has no Requests in Parallel to lower: waiting is the fix.
	429: {
		message: 'bksb is limiting how fast this access key may send',
		fix: "The row is fine: bksb is limiting how fast this access key may send requests. Wait a few minutes, then run the workflow again. The bksb node already sends one item at a time; if this keeps happening, ask bksb support about the key's limit.",
	},
	500: {
		message: 'bksb could not do it',
		fix: 'bksb reported an error of its own (see its words). For a diagnostic link this usually means the learner has no working level yet: take the initial assessment first.',
	},
	502: {
		message: 'bksb could not be reached through its gateway',
		fix: UNAVAILABLE_FIX,
	},
	503: {
		message: 'bksb is unavailable',
		fix: UNAVAILABLE_FIX,
	},
	504: {
		message: 'bksb timed out at its gateway',
		fix: "The row is fine: bksb did not answer its gateway in time. Run the workflow again later. If it keeps happening, check bksb's service status or contact bksb support.",
	},
};

const ADDRESS_FIX = "Check the credential's Region or URL and this server's network access.";

/** A failed bksb request in words; `failure` holds nothing secret (the transport masks bksb's text). */
export function translateBksbFailure(
	failure: RequestFailure,
	action: string,
): { message: string; description: string; httpCode?: string; details: JsonObject } {
	const httpCode = failure.httpCode === undefined ? undefined : String(failure.httpCode);
	const details: JsonObject = failure.httpCode === undefined ? {} : { httpCode: failure.httpCode };
	const common = commonFailureWords(failure, 'bksb', action, ADDRESS_FIX);
	if (common) return { ...common, httpCode, details };
	const status = failure.httpCode ?? 400;
	const words = STATUS_WORDS[status] ?? STATUS_WORDS[status >= 500 ? 500 : 400];
	return {
		message: `${words.message} (HTTP ${status}) while trying to ${action}`,
		description: `${failure.serviceMessage ? `bksb said: "${failure.serviceMessage}". ` : ''}${triesWords(failure, 'bksb')}${words.fix}`,
		httpCode,
		details,
	};
}

/** bksb's GenericResponseMessage `{HttpStatusCode, HttpStatus, Status, Description, Data}`, or its text. */
export function readBksbError(body: unknown): string | undefined {
	if (body && typeof body === 'object') {
		const record = body as Record<string, unknown>;
		const text = record.Description ?? record.Message ?? record.message;
		return typeof text === 'string' ? text.slice(0, 300) : undefined;
	}
	return typeof body === 'string' && body.trim() ? body.trim().slice(0, 300) : undefined;
}
