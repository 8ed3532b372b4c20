import { learnerField, learningAssign } from './assign';

/** `POST /Unit/{unitId}/Assign/{learnerId}/{standardId}` (client code; the documented page is cut short). */
export const { description, execute } = learningAssign({
	operation: 'assignUnit',
	subject: 'Cannot assign the unit',
	fields: [
		learnerField,
		{
			name: 'standardId',
			displayName: 'Standard',
			locator: 'standard',
			description: 'The standard the unit belongs to; assign the standard first',
		},
		{
			name: 'unitId',
			displayName: 'Unit',
			locator: 'unit',
			description: 'The unit to assign (OneFile unit IDs are codes such as KS_COMM1)',
			textId: true,
		},
	],
	request: ({ learnerId, standardId, unitId }) => ({
		path: ['Unit', unitId, 'Assign', learnerId, standardId],
		action: `assign unit ${unitId} to learner ${learnerId}`,
		output: { learnerId, standardId, unitId },
	}),
});
