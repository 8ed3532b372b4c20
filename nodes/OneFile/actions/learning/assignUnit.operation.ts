import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { learnerField, learningProperties, output, postAssign, readLearningIds, type LearningField } from './assign';

const fields: LearningField[] = [
	learnerField,
	{ name: 'standardId', displayName: 'Standard', locator: 'standard', description: 'The standard the unit belongs to; assign the standard first' },
	{ name: 'unitId', displayName: 'Unit', locator: 'unit', description: 'The unit to assign (OneFile unit IDs are codes such as KS_COMM1)', textId: true },
];

export const description = learningProperties('assignUnit', fields);

/** `POST /Unit/{unitId}/Assign/{learnerId}/{standardId}` (client code; the documented page is cut short). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const { learnerId, standardId, unitId } = readLearningIds.call(this, itemIndex, 'Cannot assign the unit', fields);
	await postAssign.call(this, itemIndex, ['Unit', unitId, 'Assign', learnerId, standardId], `assign unit ${String(unitId)} to learner ${String(learnerId)}`);
	return output.call(this, itemIndex, { learnerId, standardId, unitId });
}
