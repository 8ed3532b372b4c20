import type { INodeProperties } from 'n8n-workflow';

import * as assignFrameworkTemplate from './assignFrameworkTemplate.operation';
import * as assignStandard from './assignStandard.operation';
import * as assignUnit from './assignUnit.operation';

export { assignFrameworkTemplate, assignStandard, assignUnit };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['learning'] } },
		options: [
			{
				name: 'Assign Framework Template',
				value: 'assignFrameworkTemplate',
				description: "Give a learner a template's learning aims and units",
				action: 'Assign a framework template to a learner',
			},
			{
				name: 'Assign Standard',
				value: 'assignStandard',
				description: 'Start a standard as a learning aim of a learner',
				action: 'Assign a standard to a learner',
			},
			{
				name: 'Assign Unit',
				value: 'assignUnit',
				description: "Add a unit to a learner's standard",
				action: 'Assign a unit to a learner',
			},
		],
		default: 'assignStandard',
	},
	...assignStandard.description,
	...assignUnit.description,
	...assignFrameworkTemplate.description,
];
