import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';

export { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['timesheet'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description:
					"List a learner's timesheet entries, e.g. off-the-job training between two dates",
				action: 'Get many timesheet entries',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
