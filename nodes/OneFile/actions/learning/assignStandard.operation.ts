import { answerId } from '../../../shared/checks/values';
import { learnerField, learningAssign } from './assign';

/** `POST /Standard/{standardId}/Assign/{learnerId}`: OneFile answers with the new learning aim's ID. */
export const { description, execute } = learningAssign({
	operation: 'assignStandard',
	subject: 'Cannot assign the standard',
	fields: [
		learnerField,
		{
			name: 'standardId',
			displayName: 'Standard',
			locator: 'standard',
			description: 'The standard to start as a learning aim',
		},
	],
	request: ({ learnerId, standardId }) => ({
		path: ['Standard', standardId, 'Assign', learnerId],
		action: `assign standard ${standardId} to learner ${learnerId}`,
		output: { learnerId, standardId },
	}),
	fromAnswer: (body) => ({ learningAimId: answerId(body) ?? null }),
});
