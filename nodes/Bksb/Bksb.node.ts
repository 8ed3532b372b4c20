import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { runItems } from '../shared/items/itemLoop';
import * as assessment from './actions/assessment';
import { runOperation } from './actions/router';
import * as user from './actions/user';
import * as userGroup from './actions/userGroup';

export class Bksb implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'bksb',
		name: 'bksb',
		icon: { light: 'file:../../icons/bksb.svg', dark: 'file:../../icons/bksb.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create bksb learners, read user groups and get assessment links (bksb Live 2)',
		defaults: { name: 'bksb' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'bksbApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Assessment', value: 'assessment' },
					{ name: 'User', value: 'user' },
					{ name: 'User Group', value: 'userGroup' },
				],
				default: 'user',
			},
			...user.description,
			...userGroup.description,
			...assessment.description,
		],
	};

	/** Once per input item, one at a time (bksb documents no rate limit); in order and paired (runItems). */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runItems.call(
			this,
			{ concurrency: 1, continueOnFail: this.continueOnFail() },
			runOperation,
		);
	}
}
