import type { IDataObject } from 'n8n-workflow';

import { commonFailureWords, triesWords, type RequestFailure } from '../../shared/http/failure';

/** Where a node's options are, as the editor shows them; absent when the node has no such option. */
export interface OptionNames {
	timeout?: string;
	parallel?: string;
}

/** The OneFile node's; the trigger and the editor's dropdowns have neither, so words must not name them. */
export const ONEFILE_NODE_OPTIONS: OptionNames = {
	timeout: 'Options → Timeout',
	parallel: 'Options → Requests in Parallel',
};

/**
 * OneFile's error codes in words an ops person can act on. OneFile answers 400 with
 * `{ code, message }` (docs/onefile-api.md §3.7: -11, -57 and -58 seen in client code); keyed by code,
 * never by message text, so a reworded message still maps.
 */
export const ONEFILE_ERROR_CODES: Record<number, { message: string; fix: string }> = {
	[-11]: {
		message: 'OneFile could not find that organisation',
		fix: 'Check the Organisation: pick it from the list, or use the organisation ID shown in OneFile. The credential only sees organisations of its own customer.',
	},
	[-57]: {
		message: 'OneFile could not find that placement',
		fix: 'Check the Placement: pick it from the list for this organisation, or use a placement ID that belongs to the same organisation.',
	},
	[-58]: {
		message: 'OneFile could not find that classroom',
		fix: 'Check the Classroom: pick it from the list for this organisation, or use a classroom ID that belongs to the same organisation.',
	},
};

/** 502 and 503: OneFile's side, never the row's. */
const UNAVAILABLE_FIX =
	'The row is fine: OneFile is unavailable (down or updating). Run the workflow again later. If it keeps happening, contact OneFile Support.';

const STATUS_WORDS: Record<number, { message: string; fix: string }> = {
	400: {
		message: 'OneFile refused the request',
		fix: "Check the fields named in OneFile's answer (in the error details), then run the item again.",
	},
	401: {
		message: 'OneFile did not accept the session',
		fix: 'The node signed in again and was still refused. Check the credential\'s customer token and environment with "Test".',
	},
	403: {
		message: 'OneFile refused access',
		fix: 'The node signed in again and was still refused: the customer token may not have access to this record or organisation. Ask OneFile Support which permissions the token has.',
	},
	404: {
		message: 'OneFile could not find that record',
		fix: 'Check the ID: it may belong to another organisation or have been deleted.',
	},
	409: {
		message: 'OneFile reported a conflict',
		fix: 'The record may already exist or be changing. Look it up in OneFile before running the item again.',
	},
	413: {
		message: 'The request was too large for OneFile',
		fix: 'Shorten the longest values (addresses, notes).',
	},
	500: {
		message: 'OneFile failed on its side',
		fix: 'OneFile may recover: run the item again later. If it keeps happening for this item, its data may be what OneFile cannot handle: contact OneFile Support with the time of the error.',
	},
	502: {
		message: 'OneFile could not be reached through its gateway',
		fix: UNAVAILABLE_FIX,
	},
	503: {
		message: 'OneFile is unavailable',
		fix: UNAVAILABLE_FIX,
	},
	504: {
		message: 'OneFile took too long to answer',
		fix: 'The row is fine: OneFile did not answer its gateway in time. Run the workflow again later. If it keeps happening, contact OneFile Support.',
	},
};

/** 429: OneFile refused before acting; fewer at once helps only where the node has Requests in Parallel. */
function rateLimitWords(parallel: string | undefined): { message: string; fix: string } {
	const then =
		parallel === undefined
			? 'Wait a few minutes, then run the workflow again.'
			: `Wait a few minutes, then run the workflow again with fewer items at once (${parallel}).`;
	return {
		message: 'OneFile is limiting the request rate',
		fix: `The row is fine: OneFile is limiting how fast this credential may send requests. ${then}`,
	};
}

const ADDRESS_FIX =
	"Check the credential's Environment or Base URL (it ends in /api/v2.1) and this server's network access, then try again.";

export interface TranslatedError {
	message: string;
	description: string;
	httpCode?: string;
	details: IDataObject;
}

/** A failed request in words; `failure` holds nothing secret (see maskSecrets in the transport). */
export function translateFailure(
	failure: RequestFailure,
	action: string,
	options: OptionNames = ONEFILE_NODE_OPTIONS,
): TranslatedError {
	const details: IDataObject = {};
	if (failure.httpCode !== undefined) details.httpCode = failure.httpCode;
	if (failure.serviceCode !== undefined) details.oneFileCode = failure.serviceCode;
	if (failure.serviceMessage !== undefined) details.oneFileMessage = failure.serviceMessage;
	if (failure.networkCode !== undefined) details.networkCode = failure.networkCode;
	const httpCode = failure.httpCode === undefined ? undefined : String(failure.httpCode);

	const common = commonFailureWords(failure, 'OneFile', action, ADDRESS_FIX, options.timeout);
	if (common) return { ...common, httpCode, details };
	const said = failure.serviceMessage ? `OneFile said: "${failure.serviceMessage}". ` : '';
	const known =
		failure.serviceCode !== undefined ? ONEFILE_ERROR_CODES[failure.serviceCode] : undefined;
	if (known)
		return {
			message: `${known.message} (code ${failure.serviceCode}) while trying to ${action}`,
			description: `${said}${known.fix}`,
			httpCode,
			details,
		};
	if (failure.unreadable) {
		return {
			message: `OneFile's answer could not be read while trying to ${action} (HTTP ${failure.httpCode})`,
			description:
				'OneFile answered, but not with valid data (cut short or garbled). The node tried again where that was safe. Run the item again later; if it persists, check that the Base URL points at the OneFile API.',
			httpCode,
			details,
		};
	}
	if (failure.notData) {
		return {
			message: `OneFile answered with a web page instead of data while trying to ${action} (HTTP ${failure.httpCode})`,
			description:
				'OneFile, or a proxy in front of it, sent an error page. OneFile may be down or updating, or the Base URL may point at the wrong server. Run the item again later.',
			httpCode,
			details,
		};
	}
	const status = failure.httpCode ?? 0;
	const words = (status === 429 ? rateLimitWords(options.parallel) : STATUS_WORDS[status]) ?? {
		message: `OneFile answered HTTP ${status}`,
		fix: 'OneFile may recover: run the item again later. If it keeps happening, contact OneFile Support.',
	};
	const code = failure.serviceCode !== undefined ? `code ${failure.serviceCode}, ` : '';
	return {
		message: `${words.message} (${code}HTTP ${status}) while trying to ${action}`,
		description: `${said}${triesWords(failure, 'OneFile')}${words.fix}`,
		httpCode,
		details,
	};
}

/** OneFile's `{code, message}` body; older servers used lower case, be tolerant of either. */
export function readOneFileError(
	body: unknown,
): Pick<RequestFailure, 'serviceCode' | 'serviceMessage' | 'notData'> {
	if (typeof body === 'string') {
		const text = body.trim();
		if (text.startsWith('{')) {
			try {
				return readOneFileError(JSON.parse(text));
			} catch {
				return { notData: true };
			}
		}
		if (/^<(!doctype|html)/i.test(text)) return { notData: true };
		return text ? { serviceMessage: text.slice(0, 300) } : {};
	}
	if (body && typeof body === 'object') {
		const record = body as Record<string, unknown>;
		const code = record.code ?? record.Code;
		const message = record.message ?? record.Message;
		return {
			serviceCode:
				typeof code === 'number'
					? code
					: typeof code === 'string' && /^-?\d+$/.test(code)
						? Number(code)
						: undefined,
			serviceMessage: typeof message === 'string' ? message.slice(0, 300) : undefined,
		};
	}
	return {};
}
