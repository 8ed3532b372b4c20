import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as learning from './actions/learning';
import * as lookup from './actions/lookup';
import * as organisation from './actions/organisation';
import { errorItem, runOperation, withItemIndex } from './actions/router';
import * as user from './actions/user';
import { listSearch } from './methods';

export class OneFile implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OneFile',
		name: 'oneFile',
		icon: { light: 'file:../../icons/onefile.svg', dark: 'file:../../icons/onefile.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create, update and assign OneFile learners, assessors, IQAs, employers and observers',
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
					{ name: 'Learning', value: 'learning', description: 'Standards, units and framework templates of a learner' },
					{ name: 'Organisation', value: 'organisation' },
					{ name: 'Placement', value: 'placement' },
					{ name: 'Standard', value: 'standard' },
					{ name: 'Unit', value: 'unit' },
					{ name: 'User', value: 'user', description: 'Learners, assessors, IQAs, employers and observers' },
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
	 * Once per input item. With "Continue On Fail", every input item gives exactly one output
	 * item: its result, or its error, both paired with the input item.
	 */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const returnData: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				returnData.push(...(await runOperation.call(this, itemIndex)));
			} catch (error) {
				if (this.continueOnFail()) {
					returnData.push(...errorItem.call(this, error as Error, itemIndex));
					continue;
				}
				throw withItemIndex.call(this, error as Error, itemIndex);
			}
		}
		return [returnData];
	}
}
