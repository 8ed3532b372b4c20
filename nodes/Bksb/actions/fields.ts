import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readParam, throwIfProblems } from '../../OneFile/helpers/params';
import type { Problem } from '../../OneFile/helpers/userBody';
import { isBlank, normaliseId, normaliseValue } from '../../OneFile/helpers/values';

/** bksb's SimpleDateTime from an ordinary date (2001-09-23, 23/09/2001, a Date): `{Year, Month, Day, …}`. */
export function simpleDateTime(raw: unknown, field: string, problems: Problem[]): IDataObject | undefined {
	const date = normaliseValue('date', raw);
	if (!date.ok) {
		problems.push({ field, problem: date.problem, fix: date.fix });
		return undefined;
	}
	const [year, month, day] = String(date.value).slice(0, 10).split('-').map(Number);
	return { Year: year, Month: month, Day: day, Hour: 0, Minute: 0, Second: 0, Millisecond: 0 };
}

/** A whole-number bksb ID from a parameter, or a problem naming the field. */
export function idFrom(this: IExecuteFunctions, param: string, field: string, itemIndex: number, problems: Problem[]): number | undefined {
	const id = normaliseId(readParam.call(this, param, itemIndex));
	if (id.ok) return id.value as number;
	problems.push({ field, problem: id.problem.replace('OneFile', 'bksb'), fix: 'Use the whole-number ID from bksb, e.g. 31001' });
	return undefined;
}

export function stopIfProblems(this: IExecuteFunctions, subject: string, itemIndex: number, problems: Problem[]): void {
	throwIfProblems.call(this, subject, itemIndex, problems);
}

export { isBlank };

export const userIdField: INodeProperties = { displayName: 'User ID', name: 'userId', type: 'string', default: '', required: true, placeholder: 'e.g. 31001', description: 'The bksb user ID (UserId)' };

export const COURSE_SUBJECTS = ['English', 'Maths', 'ICT'];

export const courseSubjectField: INodeProperties = {
	displayName: 'Course Subject',
	name: 'courseSubject',
	type: 'options',
	options: COURSE_SUBJECTS.map((s) => ({ name: s, value: s })),
	default: 'English',
	description: "The bksb course. bksb's documentation does not list the values; these are the subjects bksb assesses.",
};
