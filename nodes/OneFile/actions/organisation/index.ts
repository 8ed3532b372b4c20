import type { INodeProperties } from 'n8n-workflow';

import * as checkCompatibility from './checkCompatibility.operation';
import * as getAll from './getAll.operation';
import * as getLearnerStatuses from './getLearnerStatuses.operation';
import * as getLearningAimStatuses from './getLearningAimStatuses.operation';

export { checkCompatibility, getAll, getLearnerStatuses, getLearningAimStatuses };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['organisation'] } },
		options: [
			{
				name: 'Check Compatibility',
				value: 'checkCompatibility',
				description:
					'Measure, read-only, what OneFile does not document (its clock, stamps, search filters): attach the result to a bug report',
				action: 'Check an organisation for compatibility',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description:
					'List the organisations (centres) of the customer, with their Keychain settings',
				action: 'Get many organisations',
			},
			{
				name: 'Get Learner Statuses',
				value: 'getLearnerStatuses',
				description:
					"List the organisation's learner statuses (e.g. Withdrawn), with the IDs a learner's Learner Status takes",
				action: 'Get many learner statuses of an organisation',
			},
			{
				name: 'Get Learning Aim Statuses',
				value: 'getLearningAimStatuses',
				description:
					"List the organisation's learning aim statuses (e.g. Achieved), with the IDs a learning aim's Status takes",
				action: 'Get many learning aim statuses of an organisation',
			},
		],
		default: 'getAll',
	},
	...checkCompatibility.description,
	...getAll.description,
	...getLearnerStatuses.description,
	...getLearningAimStatuses.description,
];
