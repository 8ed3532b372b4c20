import { learnerField, learningAssign } from './assign';

/** `POST /FrameworkTemplate/{id}/Assign/{userId}/{onlyChangeAssigned}`; OneFile answers 204. */
export const { description, execute } = learningAssign({
	operation: 'assignFrameworkTemplate',
	subject: 'Cannot assign the framework template',
	fields: [
		learnerField,
		{
			name: 'frameworkTemplateId',
			displayName: 'Framework Template',
			locator: 'frameworkTemplate',
			description:
				"The template whose learning aims and units the learner gets, with the template's default dates and weightings",
		},
	],
	extra: [
		{
			displayName: 'Only Change Assigned',
			name: 'onlyChangeAssigned',
			type: 'boolean',
			default: false,
			description:
				"Whether to only update the learning aims the learner already has. Off: all the template's aims and units are assigned and override existing ones, which may affect progress.",
		},
	],
	readExtra: (check) => ({
		onlyChangeAssigned: check.flag(
			'Only Change Assigned',
			check.param('onlyChangeAssigned', false),
			false,
		),
	}),
	request({ learnerId, frameworkTemplateId }, { onlyChangeAssigned }) {
		return {
			path: ['FrameworkTemplate', frameworkTemplateId, 'Assign', learnerId, onlyChangeAssigned],
			action: `assign framework template ${frameworkTemplateId} to learner ${learnerId}`,
			output: { learnerId, frameworkTemplateId, onlyChangeAssigned },
		};
	},
});
