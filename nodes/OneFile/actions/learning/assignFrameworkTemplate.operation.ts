import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { learnerField, learningProperties, output, postAssign, readLearningIds, type LearningField } from './assign';

const fields: LearningField[] = [learnerField, { name: 'frameworkTemplateId', displayName: 'Framework Template', locator: 'frameworkTemplate', description: "The template whose learning aims and units the learner gets, with the template's default dates and weightings" }];

export const description = learningProperties('assignFrameworkTemplate', fields, [
	{
		displayName: 'Only Change Assigned',
		name: 'onlyChangeAssigned',
		type: 'boolean',
		default: false,
		description: "Whether to only update the learning aims the learner already has. Off: all the template's aims and units are assigned and override existing ones, which may affect progress.",
	},
]);

/** `POST /FrameworkTemplate/{id}/Assign/{userId}/{onlyChangeAssigned}`; OneFile answers 204. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const { learnerId, frameworkTemplateId } = readLearningIds.call(this, itemIndex, 'Cannot assign the framework template', fields);
	const onlyChangeAssigned = this.getNodeParameter('onlyChangeAssigned', itemIndex, false) === true;
	await postAssign.call(this, itemIndex, ['FrameworkTemplate', frameworkTemplateId, 'Assign', learnerId, onlyChangeAssigned], `assign framework template ${String(frameworkTemplateId)} to learner ${String(learnerId)}`);
	return output.call(this, itemIndex, { learnerId, frameworkTemplateId, onlyChangeAssigned });
}
