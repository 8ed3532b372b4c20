import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { readParam, toItems } from '../../../OneFile/helpers/params';
import type { Problem } from '../../../OneFile/helpers/userBody';
import { updateDisplayOptions } from '../../../OneFile/helpers/displayOptions';
import { bksbApiRequest } from '../../transport';
import { COURSE_SUBJECTS, courseSubjectField, idFrom, stopIfProblems, userIdField } from '../fields';

const sessionIdField: INodeProperties = { displayName: 'Session ID', name: 'sessionId', type: 'string', default: '', required: true, placeholder: 'e.g. 7001', description: 'The assessment session (SessionId) to report on' };

export const initialDescription = updateDisplayOptions({ show: { resource: ['assessment'], operation: ['getInitialLink'] } }, [userIdField, courseSubjectField]);
export const diagnosticDescription = updateDisplayOptions({ show: { resource: ['assessment'], operation: ['getDiagnosticLink'] } }, [userIdField, courseSubjectField]);
export const reportDescription = updateDisplayOptions({ show: { resource: ['assessment'], operation: ['getReportLink'] } }, [userIdField, sessionIdField]);

async function courseLink(this: IExecuteFunctions, itemIndex: number, kind: 'Initial' | 'Diagnostic'): Promise<INodeExecutionData[]> {
	const problems: Problem[] = [];
	const userId = idFrom.call(this, 'userId', 'User ID', itemIndex, problems);
	const subject = String(readParam.call(this, 'courseSubject', itemIndex) ?? '').trim();
	if (!COURSE_SUBJECTS.some((s) => s.toLowerCase() === subject.toLowerCase())) {
		problems.push({ field: 'Course Subject', problem: `"${subject}" is not a bksb course`, fix: `Use ${COURSE_SUBJECTS.join(', ')}` });
	}
	stopIfProblems.call(this, `Cannot get the ${kind.toLowerCase()} assessment link`, itemIndex, problems);
	const link = await bksbApiRequest.call(this, {
		method: 'GET',
		path: `/assessmentSessions/get${kind}AssessmentSessionLinkForCourse`,
		qs: { courseSubject: subject, userId },
		itemIndex,
		action: `get the ${kind.toLowerCase()} assessment link for bksb user ${String(userId)}`,
		idempotent: true,
	});
	return toItems.call(this, (link ?? {}) as IDataObject, itemIndex);
}

/** An auto-login link that starts the initial assessment of a course. */
export async function getInitialLink(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	return await courseLink.call(this, itemIndex, 'Initial');
}

/** An auto-login link to the diagnostic at the learner's working level (which must be set). */
export async function getDiagnosticLink(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	return await courseLink.call(this, itemIndex, 'Diagnostic');
}

/** A link to the end-of-assessment report of a session. */
export async function getReportLink(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const problems: Problem[] = [];
	const userId = idFrom.call(this, 'userId', 'User ID', itemIndex, problems);
	const sessionId = idFrom.call(this, 'sessionId', 'Session ID', itemIndex, problems);
	stopIfProblems.call(this, 'Cannot get the report link', itemIndex, problems);
	const link = await bksbApiRequest.call(this, { method: 'GET', path: '/assessmentSessions/getEOAReportLinkForSession', qs: { sessionId, userId }, itemIndex, action: `get the report link of session ${String(sessionId)}`, idempotent: true });
	return toItems.call(this, (link ?? {}) as IDataObject, itemIndex);
}
