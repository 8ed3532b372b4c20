import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../OneFile/descriptions/common.descriptions';
import { readLimit, readParam, toItems } from '../../../OneFile/helpers/params';
import type { Problem } from '../../../OneFile/helpers/userBody';
import { updateDisplayOptions } from '../../../OneFile/helpers/displayOptions';
import { bksbPaged } from '../../transport';
import { idFrom, isBlank, stopIfProblems } from '../fields';

const searchField: INodeProperties = { displayName: 'Search', name: 'query', type: 'string', default: '', description: 'Only records whose name contains this text, as bksb matches it' };

export const groupIdField: INodeProperties = { displayName: 'User Group ID', name: 'userGroupId', type: 'string', default: '', required: true, placeholder: 'e.g. 501' };

export const getAllDescription = updateDisplayOptions({ show: { resource: ['userGroup'], operation: ['getAll'] } }, [searchField, ...returnAllOrLimit]);
export const getMembersDescription = updateDisplayOptions({ show: { resource: ['userGroup'], operation: ['getMembers'] } }, [groupIdField, searchField, ...returnAllOrLimit]);

/** `GET userGroups/search?page&recordsPerPage&query`, page by page. */
export async function getAll(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const query = readParam.call(this, 'query', itemIndex);
	const groups = await bksbPaged.call(this, { path: '/userGroups/search', qs: isBlank(query) ? {} : { query: String(query).trim() }, itemIndex, action: 'list bksb user groups' }, 'Groups', readLimit.call(this, itemIndex));
	return toItems.call(this, groups, itemIndex);
}

/** `GET userGroups/userGroup/{id}/getMembers?page&recordsPerPage&query`, page by page. */
export async function getMembers(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const problems: Problem[] = [];
	const groupId = idFrom.call(this, 'userGroupId', 'User Group ID', itemIndex, problems);
	stopIfProblems.call(this, 'Cannot list the group members', itemIndex, problems);
	const query = readParam.call(this, 'query', itemIndex);
	const users = await bksbPaged.call(this, { path: `/userGroups/userGroup/${String(groupId)}/getMembers`, qs: isBlank(query) ? {} : { query: String(query).trim() }, itemIndex, action: `list the members of bksb group ${String(groupId)}` }, 'Users', readLimit.call(this, itemIndex));
	return toItems.call(this, users, itemIndex);
}
