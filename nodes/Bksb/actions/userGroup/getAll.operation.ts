import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { Checker } from '../../../shared/checks/checker';
import { updateDisplayOptions } from '../../../shared/descriptions/displayOptions';
import { readLimit, returnAllOrLimit } from '../../../shared/descriptions/returnAllOrLimit';
import { compact } from '../../../shared/http/body';
import { toItems } from '../../../shared/items/output';
import { searchField } from '../../descriptions/fields';
import { bksbPaged } from '../../transport';

export const description = updateDisplayOptions(
	{ show: { resource: ['userGroup'], operation: ['getAll'] } },
	[searchField, ...returnAllOrLimit],
);

/** `GET userGroups/search?page&recordsPerPage&query`, page by page. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const check = new Checker(this, itemIndex, 'Cannot list the user groups', 'bksb');
	const query = check.text('Search', check.param('query'), { optional: true });
	const limit = readLimit(check);
	check.done();
	const groups = await bksbPaged.call(
		this,
		{
			path: ['userGroups', 'search'],
			qs: compact({ query }) as { query?: string },
			itemIndex,
			action: 'list bksb user groups',
		},
		'Groups',
		limit,
	);
	return toItems.call(this, groups, itemIndex);
}
