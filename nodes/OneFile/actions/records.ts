import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { PathPart } from '../../shared/http/url';
import { readRecord, type RecordShape } from '../helpers/records';
import { oneFileApiRequest } from '../transport';
import { oneFileRecord } from '../transport/answers';

/** One record by `GET`, its fields read tolerantly (helpers/records.ts); an answer that is not one record is an error. */
export async function getRecord(
	this: IExecuteFunctions,
	itemIndex: number,
	path: readonly PathPart[],
	action: string,
	shape: RecordShape,
): Promise<IDataObject> {
	const { body } = await oneFileApiRequest.call(this, {
		method: 'GET',
		path,
		itemIndex,
		action,
		idempotent: true,
	});
	return readRecord(oneFileRecord.call(this, body, { action, itemIndex }), shape);
}
