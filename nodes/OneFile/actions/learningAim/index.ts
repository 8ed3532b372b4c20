import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export { get, getAll, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['learningAim'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: "Get a learning aim's status, progress and dates",
				action: 'Get a learning aim',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the learning aims of a learner, e.g. those achieved this month',
				action: 'Get many learning aims',
			},
			{
				name: 'Update',
				value: 'update',
				description:
					"Change a learning aim's status, dates or registration: only the fields given are sent",
				action: 'Update a learning aim',
			},
		],
		default: 'getAll',
	},
	...get.description,
	...getAll.description,
	...update.description,
];
