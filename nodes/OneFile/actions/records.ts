import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { PathPart } from '../../shared/http/url';
import { readRecord, type RecordShape } from '../helpers/records';
import { oneFileApiRequest } from '../transport';
import { oneFileRecord } from '../transport/answers';
import type { RequestSettings } from '../transport/settings';

/** One record by `GET`, its fields read tolerantly (helpers/records.ts); an answer that is not one record is an error. */
export async function getRecord(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
	path: readonly PathPart[],
	action: string,
	shape: RecordShape,
): Promise<IDataObject> {
	const { body } = await oneFileApiRequest.call(this, {
		settings,
		method: 'GET',
		path,
		itemIndex,
		action,
		idempotent: true,
	});
	return readRecord(oneFileRecord.call(this, body, { action, itemIndex }), shape);
}
