import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { Checker } from '../../../shared/checks/checker';
import { toItems } from '../../../shared/items/output';
import { COURSE_SUBJECTS } from '../../descriptions/fields';
import { bksbApiRequest } from '../../transport';
import { bksbRecord } from '../../transport/answers';

/** An auto-login link for a learner's course: `GET assessmentSessions/get{Initial|Diagnostic}AssessmentSessionLinkForCourse`. */
export async function courseLink(
	this: IExecuteFunctions,
	itemIndex: number,
	kind: 'Initial' | 'Diagnostic',
): Promise<INodeExecutionData[]> {
	const check = new Checker(
		this,
		itemIndex,
		`Cannot get the ${kind.toLowerCase()} assessment link`,
		'bksb',
	);
	const userId = check.id('User ID', check.param('userId'));
	const subject = check.text('Course Subject', check.param('courseSubject'));
	if (
		subject !== undefined &&
		!COURSE_SUBJECTS.some((s) => s.toLowerCase() === subject.toLowerCase())
	) {
		check.add({
			field: 'Course Subject',
			problem: `"${subject}" is not a bksb course`,
			fix: `Use ${COURSE_SUBJECTS.join(', ')}`,
		});
	}
	const ids = check.done({ userId, subject });
	const link = await bksbApiRequest.call(this, {
		method: 'GET',
		path: ['assessmentSessions', `get${kind}AssessmentSessionLinkForCourse`],
		qs: { courseSubject: ids.subject, userId: ids.userId },
		itemIndex,
		action: `get the ${kind.toLowerCase()} assessment link for bksb user ${ids.userId}`,
		idempotent: true,
	});
	return toItems.call(
		this,
		bksbRecord.call(this, link, {
			action: `get the ${kind.toLowerCase()} assessment link for bksb user ${ids.userId}`,
			itemIndex,
		}),
		itemIndex,
	);
}
