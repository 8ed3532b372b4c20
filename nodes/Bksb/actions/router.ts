import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import * as assessment from './assessment';
import * as user from './user';
import * as userGroup from './userGroup';

type Operation = {
	execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]>;
};

const RESOURCES: Record<string, Record<string, Operation>> = {
	user: { create: user.create, get: user.get, updateDateOfBirth: user.updateDateOfBirth },
	userGroup: { getAll: userGroup.getAll, getMembers: userGroup.getMembers },
	assessment: {
		getInitialLink: assessment.getInitialLink,
		getDiagnosticLink: assessment.getDiagnosticLink,
		getReportLink: assessment.getReportLink,
	},
};

/** Runs the resource and operation chosen for one item. */
export async function runOperation(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const resource = this.getNodeParameter('resource', itemIndex) as string;
	const operation = this.getNodeParameter('operation', itemIndex) as string;
	const found = RESOURCES[resource]?.[operation];
	if (!found)
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" is not known for "${resource}"`,
			{ itemIndex },
		);
	return await found.execute.call(this, itemIndex);
}
