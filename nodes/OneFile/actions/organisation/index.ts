import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';

export { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['organisation'] } },
		options: [
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
	...getAll.description,
];
