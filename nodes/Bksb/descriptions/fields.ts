import type { INodeProperties } from 'n8n-workflow';

export const userIdField: INodeProperties = {
	displayName: 'User ID',
	name: 'userId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 31001',
	description: 'The bksb user ID (UserId)',
};

export const COURSE_SUBJECTS = ['English', 'Maths', 'ICT'];

export const courseSubjectField: INodeProperties = {
	displayName: 'Course Subject',
	name: 'courseSubject',
	type: 'options',
	options: COURSE_SUBJECTS.map((s) => ({ name: s, value: s })),
	default: 'English',
	description:
		"The bksb course. bksb's documentation does not list the values; these are the subjects bksb assesses.",
};

export const searchField: INodeProperties = {
	displayName: 'Search',
	name: 'query',
	type: 'string',
	default: '',
	description: 'Only records whose name contains this text, as bksb matches it',
};
