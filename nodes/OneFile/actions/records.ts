import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { PathPart } from '../../shared/http/url';
import { readRecord, type RecordShape } from '../helpers/records';
import { oneFileApiRequest } from '../transport';

/** One record by `GET`, read tolerantly (helpers/records.ts); 204 or an empty answer is an empty record. */
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
	return readRecord(body, shape);
}
