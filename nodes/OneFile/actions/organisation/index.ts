import type { INodeProperties } from 'n8n-workflow';

import * as checkCompatibility from './checkCompatibility.operation';
import * as getAll from './getAll.operation';

export { checkCompatibility, getAll };

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
		],
		default: 'getAll',
	},
	...checkCompatibility.description,
	...getAll.description,
];
