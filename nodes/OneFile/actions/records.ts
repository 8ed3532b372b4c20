import type { IDataObject } from 'n8n-workflow';

import type { PathPart } from '../../shared/http/url';
import { readRecord, type RecordShape } from '../helpers/records';
import { oneFileApiRequest } from '../transport';
import { oneFileRecord } from '../transport/answers';
import type { OneFileContext } from '../transport/session';
import type { RequestSettings } from '../transport/settings';

/**
 * One record by `GET`, as OneFile sent it; an answer that is not one record is an error. The one
 * read every operation (and a dropdown) uses for a single record.
 */
export async function fetchRecord(
	this: OneFileContext,
	itemIndex: number | undefined,
	settings: RequestSettings,
	path: readonly PathPart[],
	action: string,
): Promise<IDataObject> {
	const { body } = await oneFileApiRequest.call(this, {
		settings,
		method: 'GET',
		path,
		itemIndex,
		action,
		idempotent: true,
	});
	return oneFileRecord.call(this, body, { action, itemIndex });
}

/** One record by `GET`, its fields read tolerantly (helpers/records.ts). */
export async function getRecord(
	this: OneFileContext,
	itemIndex: number,
	settings: RequestSettings,
	path: readonly PathPart[],
	action: string,
	shape: RecordShape,
): Promise<IDataObject> {
	return readRecord(await fetchRecord.call(this, itemIndex, settings, path, action), shape);
}
