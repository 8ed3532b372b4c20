import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as schedule from './schedule.operation';

export { get, getAll, schedule };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['review'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get a progress review: when it was scheduled, who signed it and when',
				action: 'Get a review',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the reviews of an organisation or a learner, e.g. those due by today',
				action: 'Get many reviews',
			},
			{
				name: 'Schedule',
				value: 'schedule',
				description:
					'Book a visit and schedule a progress review for a learner, unless one is already scheduled that day',
				action: 'Schedule a review',
			},
		],
		default: 'getAll',
	},
	...get.description,
	...getAll.description,
	...schedule.description,
];
