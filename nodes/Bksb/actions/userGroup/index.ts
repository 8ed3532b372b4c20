import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';
import * as getMembers from './getMembers.operation';

export { getAll, getMembers };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['userGroup'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List user groups',
				action: 'Get many user groups',
			},
			{
				name: 'Get Members',
				value: 'getMembers',
				description: 'List the users of a group',
				action: 'Get members of a user group',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
	...getMembers.description,
];
