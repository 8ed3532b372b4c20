import { statusListOperation } from './statusList';

/** `GET /Organisation/{id}/LearnerStatuses` [C]: the values of a learner's Learner Status. */
export const { description, execute } = statusListOperation(
	'getLearnerStatuses',
	'LearnerStatuses',
	'learner statuses',
);
