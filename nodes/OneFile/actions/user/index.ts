import type { INodeProperties } from 'n8n-workflow';

import { archive, unarchive } from './archive.operation';
import * as assign from './assign.operation';
import * as assignPlacement from './assignPlacement.operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export { archive, assign, assignPlacement, create, get, getAll, unarchive, update, upsert };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{
				name: 'Archive',
				value: 'archive',
				description: 'Archive a leaver: a learner who withdrew or finished, or staff who left',
				action: 'Archive a user',
			},
			{
				name: 'Assign',
				value: 'assign',
				description: 'Assign an assessor, IQA, employer or observer to a learner',
				action: 'Assign a user to a learner',
			},
			{
				name: 'Assign Placement',
				value: 'assignPlacement',
				description:
					'Link an employer user to a placement (workplace), with or without access to its learners',
				action: 'Assign a placement to an employer',
			},
			{
				name: 'Create',
				value: 'create',
				description: 'Create a learner, assessor, IQA, employer or observer',
				action: 'Create a user',
			},
			{
				name: 'Create or Update',
				value: 'upsert',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
				action: 'Create or update a user',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a user by ID',
				action: 'Get a user',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description:
					'List the users of an organisation, filtered by role, name, email, MIS ID or last change',
				action: 'Get many users',
			},
			{
				name: 'Unarchive',
				value: 'unarchive',
				description: 'Bring back an archived user who returns',
				action: 'Unarchive a user',
			},
			{
				name: 'Update',
				value: 'update',
				description: "Change some of a user's details, including the default assessor and employer",
				action: 'Update a user',
			},
		],
		default: 'create',
	},
	...create.description,
	...upsert.description,
	...update.description,
	...assign.description,
	...get.description,
	...getAll.description,
	...archive.description,
	...unarchive.description,
	...assignPlacement.description,
];
