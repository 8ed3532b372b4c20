import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as learning from './actions/learning';
import * as lookup from './actions/lookup';
import * as organisation from './actions/organisation';
import { runItems } from '../shared/items/itemLoop';
import { runOperation } from './actions/router';
import * as user from './actions/user';
import { MAX_CONCURRENCY } from './descriptions/options';
import { listSearch } from './methods';

export class OneFile implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OneFile',
		name: 'oneFile',
		icon: { light: 'file:../../icons/onefile.svg', dark: 'file:../../icons/onefile.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Create, update and assign OneFile learners, assessors, IQAs, employers and observers',
		defaults: { name: 'OneFile' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'oneFileApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Classroom', value: 'classroom' },
					{ name: 'Framework Template', value: 'frameworkTemplate' },
					{
						name: 'Learning',
						value: 'learning',
						description: 'Standards, units and framework templates of a learner',
					},
					{ name: 'Organisation', value: 'organisation' },
					{ name: 'Placement', value: 'placement' },
					{ name: 'Standard', value: 'standard' },
					{ name: 'Unit', value: 'unit' },
					{
						name: 'User',
						value: 'user',
						description: 'Learners, assessors, IQAs, employers and observers',
					},
				],
				default: 'user',
			},
			...user.description,
			...learning.description,
			...organisation.description,
			...lookup.description,
		],
	};

	methods = { listSearch };

	/**
	 * Once per input item, up to "Requests in Parallel" at a time, in order and paired; with "Continue
	 * On Fail" every item gives one output item, its result or its error (runItems).
	 */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runItems.call(
			this,
			{ concurrency: readConcurrency.call(this), continueOnFail: this.continueOnFail() },
			runOperation,
		);
	}
}

/** "Requests in Parallel", read once for the whole run. */
function readConcurrency(this: IExecuteFunctions): number {
	const value = Number(this.getNodeParameter('options.concurrency', 0, 1));
	return Number.isInteger(value) ? Math.min(Math.max(value, 1), MAX_CONCURRENCY) : 1;
}
