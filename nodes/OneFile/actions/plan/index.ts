import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getAll from './getAll.operation';

export { get, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['plan'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get a learning plan: its date and who signed it',
				action: 'Get a plan',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the plans of an organisation or a learner',
				action: 'Get many plans',
			},
		],
		default: 'getAll',
	},
	...get.description,
	...getAll.description,
];
