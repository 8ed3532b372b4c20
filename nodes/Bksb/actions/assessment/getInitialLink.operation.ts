import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/descriptions/displayOptions';
import { courseSubjectField, userIdField } from '../../descriptions/fields';
import { courseLink } from './courseLink';

export const description = updateDisplayOptions(
	{ show: { resource: ['assessment'], operation: ['getInitialLink'] } },
	[userIdField, courseSubjectField],
);

/** An auto-login link that starts the initial assessment of a course. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	return await courseLink.call(this, itemIndex, 'Initial');
}
