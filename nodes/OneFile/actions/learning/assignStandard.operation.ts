import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { idFromAnswer } from '../../../shared/checks/values';

import { learnerField, learningProperties, output, postAssign, readLearningIds, type LearningField } from './assign';

const fields: LearningField[] = [learnerField, { name: 'standardId', displayName: 'Standard', locator: 'standard', description: 'The standard to start as a learning aim' }];

export const description = learningProperties('assignStandard', fields);

/** `POST /Standard/{standardId}/Assign/{learnerId}`: OneFile answers with the new learning aim's ID. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const { learnerId, standardId } = readLearningIds.call(this, itemIndex, 'Cannot assign the standard', fields);
	const body = await postAssign.call(this, itemIndex, ['Standard', standardId, 'Assign', learnerId], `assign standard ${String(standardId)} to learner ${String(learnerId)}`);
	const learningAimId = idFromAnswer(body) ?? null;
	return output.call(this, itemIndex, { learnerId, standardId, learningAimId });
}
