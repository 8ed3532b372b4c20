import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { Checker } from '../../../shared/checks/checker';
import { updateDisplayOptions } from '../../../shared/descriptions/displayOptions';
import { readLimit, returnAllOrLimit } from '../../../shared/descriptions/returnAllOrLimit';
import { compact } from '../../../shared/http/body';
import { toItems } from '../../../shared/items/output';
import { searchField } from '../../descriptions/fields';
import { bksbPaged } from '../../transport';

const groupIdField: INodeProperties = {
	displayName: 'User Group ID',
	name: 'userGroupId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 501',
};

export const description = updateDisplayOptions(
	{ show: { resource: ['userGroup'], operation: ['getMembers'] } },
	[groupIdField, searchField, ...returnAllOrLimit],
);

/** `GET userGroups/userGroup/{id}/getMembers?page&recordsPerPage&query`, page by page. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const check = new Checker(this, itemIndex, 'Cannot list the group members', 'bksb');
	const query = check.text('Search', check.param('query'), { optional: true });
	const limit = readLimit(check);
	const { groupId } = check.done({
		groupId: check.id('User Group ID', check.param('userGroupId')),
	});
	const users = await bksbPaged.call(
		this,
		{
			path: ['userGroups', 'userGroup', groupId, 'getMembers'],
			qs: compact({ query }) as { query?: string },
			itemIndex,
			action: `list the members of bksb group ${groupId}`,
		},
		'Users',
		limit,
	);
	return toItems.call(this, users, itemIndex);
}
