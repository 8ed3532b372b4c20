import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { errorItem, withItemIndex } from '../OneFile/actions/router';
import * as assessment from './actions/assessment/links';
import * as userCreate from './actions/user/create.operation';
import * as userGet from './actions/user/get.operation';
import * as userUpdateDateOfBirth from './actions/user/updateDateOfBirth.operation';
import * as userGroup from './actions/userGroup/list';

type Operation = (this: IExecuteFunctions, itemIndex: number) => Promise<INodeExecutionData[]>;

const OPERATIONS: Record<string, Record<string, Operation>> = {
	user: { create: userCreate.execute, get: userGet.execute, updateDateOfBirth: userUpdateDateOfBirth.execute },
	userGroup: { getAll: userGroup.getAll, getMembers: userGroup.getMembers },
	assessment: { getInitialLink: assessment.getInitialLink, getDiagnosticLink: assessment.getDiagnosticLink, getReportLink: assessment.getReportLink },
};

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
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['user'] } },
				options: [
					{ name: 'Create', value: 'create', description: 'Create a bksb user', action: 'Create a user' },
					{ name: 'Get', value: 'get', description: 'Get a bksb user by ID', action: 'Get a user' },
					{ name: 'Update Date of Birth', value: 'updateDateOfBirth', description: "Change a user's date of birth", action: 'Update a user date of birth' },
				],
				default: 'create',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['userGroup'] } },
				options: [
					{ name: 'Get Many', value: 'getAll', description: 'List user groups', action: 'Get many user groups' },
					{ name: 'Get Members', value: 'getMembers', description: 'List the users of a group', action: 'Get members of a user group' },
				],
				default: 'getAll',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['assessment'] } },
				options: [
					{ name: 'Get Diagnostic Link', value: 'getDiagnosticLink', description: "Auto-login link to the diagnostic at the learner's working level", action: 'Get a diagnostic assessment link' },
					{ name: 'Get Initial Assessment Link', value: 'getInitialLink', description: 'Auto-login link that starts the initial assessment', action: 'Get an initial assessment link' },
					{ name: 'Get Report Link', value: 'getReportLink', description: 'Link to the end-of-assessment report of a session', action: 'Get an assessment report link' },
				],
				default: 'getInitialLink',
			},
			...userCreate.description,
			...userGet.description,
			...userUpdateDateOfBirth.description,
			...userGroup.getAllDescription,
			...userGroup.getMembersDescription,
			...assessment.initialDescription,
			...assessment.diagnosticDescription,
			...assessment.reportDescription,
		],
	};

	/** Once per input item; with "Continue On Fail", one output item per input item, paired. */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const returnData: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				const resource = this.getNodeParameter('resource', itemIndex) as string;
				const operation = this.getNodeParameter('operation', itemIndex) as string;
				const run = OPERATIONS[resource]?.[operation];
				if (!run) throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not known for "${resource}"`, { itemIndex });
				returnData.push(...(await run.call(this, itemIndex)));
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
