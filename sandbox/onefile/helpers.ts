/**
 * Test-only moves that OneFile makes on its own (a learner achieves an aim, people sign a review),
 * which the API offers no call for. Stamps come from OneFile's clock (`contract.clockOffsetMs`,
 * `contract.stampPrecision`), as every stamp OneFile writes. Used by index.ts and /__sandbox.
 */
import { normaliseDate } from './body';
import { stampNow, type SandboxState } from './state';
import type { ReviewSigners, SandboxLearningAim, SandboxReview } from './types';

/**
 * [G] Achieved = Status 2 and Progress 100, as the seeded achieved aims, plus an AchievedDate, which
 * is what `LearningAimCompletionStatus: 1` selects. The aim's LastModified is stamped too.
 */
export function achieveLearningAim(state: SandboxState, id: number, iso?: string): SandboxLearningAim {
	const aim = state.store.learningAims.get(id);
	if (!aim) throw new Error(`No learning aim ${id}`);
	let achieved: string;
	if (iso === undefined) achieved = stampNow(state);
	else {
		const normalised = normaliseDate(iso);
		if (normalised === undefined) throw new Error(`achieveLearningAim: '${iso}' is not a date-time`);
		achieved = normalised;
	}
	aim.Status = 2;
	aim.Progress = 100;
	aim.AchievedDate = achieved;
	aim.LastModified = stampNow(state);
	return structuredClone(aim);
}

/**
 * The given people sign (an already signed part is signed again, with the new time). [G] A review
 * signed by both assessor and learner is complete (Status 2, as the seeded signed reviews).
 */
export function signReview(state: SandboxState, id: number, who: ReviewSigners): SandboxReview {
	const review = state.store.reviews.get(id);
	if (!review) throw new Error(`No review ${id}`);
	const at = stampNow(state);
	if (who.learner) review.LearnerSignedOn = at;
	if (who.assessor) review.AssessorSignedOn = at;
	if (who.employer) review.EmployerSignedOn = at;
	if (review.LearnerSignedOn !== undefined && review.AssessorSignedOn !== undefined) review.Status = 2;
	return structuredClone(review);
}
