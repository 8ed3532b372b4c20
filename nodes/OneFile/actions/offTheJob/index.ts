import type { INodeProperties } from 'n8n-workflow';

import * as getSummary from './getSummary.operation';

export { getSummary };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['offTheJob'] } },
		options: [
			{
				name: 'Get Summary',
				value: 'getSummary',
				description:
					"A learner's off-the-job training: planned, minimum and actual hours, and the percentage of planned",
				action: 'Get an off the job summary',
			},
		],
		default: 'getSummary',
	},
	...getSummary.description,
];
