import { statusListOperation } from './statusList';

/** `GET /Organisation/{id}/LearningAimStatuses` [C]: the values of a learning aim's Status. */
export const { description, execute } = statusListOperation(
	'getLearningAimStatuses',
	'LearningAimStatuses',
	'learning aim statuses',
);
