import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { Checker } from '../../../shared/checks/checker';
import { updateDisplayOptions } from '../../../shared/descriptions/displayOptions';
import { toItems } from '../../../shared/items/output';
import { userIdField } from '../../descriptions/fields';
import { bksbApiRequest } from '../../transport';
import { bksbRecord } from '../../transport/answers';

const sessionIdField: INodeProperties = {
	displayName: 'Session ID',
	name: 'sessionId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 7001',
	description: 'The assessment session (SessionId) to report on',
};

export const description = updateDisplayOptions(
	{ show: { resource: ['assessment'], operation: ['getReportLink'] } },
	[userIdField, sessionIdField],
);

/** A link to the end-of-assessment report of a session: `GET assessmentSessions/getEOAReportLinkForSession`. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const check = new Checker(this, itemIndex, 'Cannot get the report link', 'bksb');
	const { userId, sessionId } = check.done({
		userId: check.id('User ID', check.param('userId')),
		sessionId: check.id('Session ID', check.param('sessionId')),
	});
	const link = await bksbApiRequest.call(this, {
		method: 'GET',
		path: ['assessmentSessions', 'getEOAReportLinkForSession'],
		qs: { sessionId, userId },
		itemIndex,
		action: `get the report link of session ${sessionId}`,
		idempotent: true,
	});
	return toItems.call(
		this,
		bksbRecord.call(this, link, {
			action: `get the report link of session ${sessionId}`,
			itemIndex,
		}),
		itemIndex,
	);
}
