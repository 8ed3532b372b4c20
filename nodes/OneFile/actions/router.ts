import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import * as learning from './learning';
import * as learningAim from './learningAim';
import * as offTheJob from './offTheJob';
import * as plan from './plan';
import * as review from './review';
import * as timesheet from './timesheet';
import { lookups } from './lookup';
import { classroom, placement } from './organisationRecord';
import * as organisation from './organisation';
import * as user from './user';
import type { OneFileType } from './node.type';
import type { OneFileOperation } from './operation.type';
import type { RequestSettings } from '../transport/settings';

type Operation = Pick<OneFileOperation, 'execute'>;
type OperationsOf<R extends OneFileType['resource']> = Record<
	Extract<OneFileType, { resource: R }>['operation'],
	Operation
>;

const RESOURCES: { [R in OneFileType['resource']]: OperationsOf<R> } = {
	user: {
		archive: user.archive,
		assign: user.assign,
		assignPlacement: user.assignPlacement,
		create: user.create,
		get: user.get,
		getAll: user.getAll,
		unarchive: user.unarchive,
		update: user.update,
		upsert: user.upsert,
	},
	learningAim: { get: learningAim.get, getAll: learningAim.getAll, update: learningAim.update },
	review: { get: review.get, getAll: review.getAll, schedule: review.schedule },
	offTheJob: { getSummary: offTheJob.getSummary },
	timesheet: { getAll: timesheet.getAll },
	plan: { get: plan.get, getAll: plan.getAll },
	organisation: {
		checkCompatibility: organisation.checkCompatibility,
		getAll: organisation.getAll,
		getLearnerStatuses: organisation.getLearnerStatuses,
		getLearningAimStatuses: organisation.getLearningAimStatuses,
	},
	learning: {
		assignFrameworkTemplate: learning.assignFrameworkTemplate,
		assignStandard: learning.assignStandard,
		assignUnit: learning.assignUnit,
	},
	...lookups,
	placement,
	classroom,
};

/** Runs the resource and operation chosen for one item, with the run's settings for its requests. */
export async function runOperation(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
): Promise<INodeExecutionData[]> {
	const resource = this.getNodeParameter('resource', itemIndex) as OneFileType['resource'];
	const operation = this.getNodeParameter('operation', itemIndex) as string;
	const operations: Record<string, Operation> | undefined = RESOURCES[resource];
	const found = operations?.[operation];
	if (!found) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" is not known for "${resource}"`,
			{ itemIndex },
		);
	}
	return await found.execute.call(this, itemIndex, settings);
}
