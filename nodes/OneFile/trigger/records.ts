import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import type { PathPart } from '../../shared/http/url';
import { isTransient } from '../../shared/http/retry';
import { failureOf, oneFileApiRequest } from '../transport';
import { DEFAULT_REQUEST_SETTINGS } from '../transport/settings';
import { isPlainObject } from './changes';

/** One record the trigger reads: there, gone (404), or not readable this time (and whether that may pass). */
export type ReadRecord =
	| { record: IDataObject }
	| { gone: true }
	| { failed: true; transient: boolean; message: string };

export type ReadUser = ReadRecord;

/**
 * `GET` one record. A failure that is not this record's (signing in, a refused token, rate
 * limits, a redirect, the run bound) fails the whole poll, which then moves nothing; a failure of
 * this record alone (500, too large, not one record) is returned, so it holds back nothing else.
 */
export async function readOne(
	this: IPollFunctions,
	path: readonly PathPart[],
	action: string,
): Promise<ReadRecord> {
	let answer: unknown;
	let failed: unknown;
	try {
		answer = (
			await oneFileApiRequest.call(this, {
				method: 'GET',
				path,
				action,
				idempotent: true,
				settings: DEFAULT_REQUEST_SETTINGS,
			})
		).body;
	} catch (error) {
		failed = error;
	}
	if (failed !== undefined) {
		const failure = failureOf(failed);
		if (failure?.httpCode === 404) return { gone: true };
		if (
			failure === undefined ||
			[401, 403, 429].includes(failure.httpCode ?? 0) ||
			failure.redirectHost !== undefined
		)
			throw failed;
		return {
			failed: true,
			transient: isTransient(failure),
			message: failed instanceof Error ? failed.message : String(failed),
		};
	}
	if (!isPlainObject(answer))
		return {
			failed: true,
			transient: false,
			message: `OneFile's answer to ${action} is not one record`,
		};
	return { record: answer as IDataObject };
}

export async function readUser(this: IPollFunctions, id: number): Promise<ReadUser> {
	return await readOne.call(this, ['User', id], `get user ${id}`);
}
