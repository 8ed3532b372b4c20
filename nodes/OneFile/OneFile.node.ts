import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as learning from './actions/learning';
import * as learningAim from './actions/learningAim';
import * as offTheJob from './actions/offTheJob';
import * as plan from './actions/plan';
import * as review from './actions/review';
import * as timesheet from './actions/timesheet';
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
					{
						name: 'Learning Aim',
						value: 'learningAim',
						description: "A learner's standards: progress and achievement",
					},
					{
						name: 'Off-the-Job',
						value: 'offTheJob',
						description: "A learner's off-the-job training hours",
					},
					{ name: 'Organisation', value: 'organisation' },
					{ name: 'Placement', value: 'placement' },
					{ name: 'Plan', value: 'plan', description: "A learner's learning plans" },
					{ name: 'Review', value: 'review', description: 'Progress reviews of learners' },
					{ name: 'Standard', value: 'standard' },
					{
						name: 'Timesheet',
						value: 'timesheet',
						description: "A learner's timesheet, off-the-job training included",
					},
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
			...learningAim.description,
			...review.description,
			...offTheJob.description,
			...timesheet.description,
			...plan.description,
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
