import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as get from './get.operation';
import * as updateDateOfBirth from './updateDateOfBirth.operation';

export { create, get, updateDateOfBirth };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a bksb user',
				action: 'Create a user',
			},
			{ name: 'Get', value: 'get', description: 'Get a bksb user by ID', action: 'Get a user' },
			{
				name: 'Update Date of Birth',
				value: 'updateDateOfBirth',
				description: "Change a user's date of birth",
				action: 'Update a user date of birth',
			},
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...updateDateOfBirth.description,
];
