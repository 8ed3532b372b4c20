/**
 * bksb Live 2 data as its help pages describe it (docs/bksb-api.md): users,
 * user groups, assessment sessions. Written from the reference, never from the node.
 */

export interface SimpleDateTime {
	Year: number;
	Month: number;
	Day: number;
	Hour: number;
	Minute: number;
	Second: number;
	Millisecond: number;
}

export interface BksbUser {
	UserId: number;
	OrgId: number;
	Username: string;
	Firstname: string;
	Lastname: string;
	IsArchived: boolean;
	Email: string;
	DateOfBirth: string | null;
	ProfilePhotoUrl: string | null;
	DateCreated: string;
	LastActivity: string | null;
	IsStaff: boolean;
	AdvancedID: string | null;
	/** Not in the API: whether a working level is set, which the diagnostic link needs ([D]). */
	workingLevels: string[];
	password: string;
}

export interface BksbUserGroup {
	UserGroupId: number;
	OrgId: number;
	UserGroupName: string;
	Description: string;
	CreatedOn: string;
	members: number[];
}

export const ORG_ID = 4417;
/** [G] course subjects; the docs show only a free-text courseSubject. */
export const COURSE_SUBJECTS = ['English', 'Maths', 'ICT'];

export function seedUsers(): BksbUser[] {
	const names: Array<[string, string, boolean]> = [
		['Aisha', 'Khan', false], ['Ben', 'Walker', false], ['Chloe', 'Turner', false], ['Dev', 'Patel', false],
		['Emma', 'Hughes', true], ['Finn', 'Doyle', false], ['Grace', 'Okafor', false], ['Harry', 'Lewis', false],
	];
	return names.map(([first, last, staff], i) => ({
		UserId: 31001 + i,
		OrgId: ORG_ID,
		Username: `${first}.${last}`.toLowerCase(),
		Firstname: first,
		Lastname: last,
		IsArchived: false,
		Email: `${first}.${last}@learners.example`.toLowerCase(),
		DateOfBirth: staff ? null : `200${i % 6}-0${(i % 9) + 1}-1${i % 9}T00:00:00+00:00`,
		ProfilePhotoUrl: null,
		DateCreated: '2025-09-01T08:00:00+00:00',
		LastActivity: null,
		IsStaff: staff,
		AdvancedID: null,
		workingLevels: i % 2 === 0 ? ['English', 'Maths'] : [],
		password: 'org-default',
	}));
}

/** 3 groups, one of 140 members for paging (members are user IDs; extra ones are generated users). */
export function seedGroups(): BksbUserGroup[] {
	return [
		{ UserGroupId: 501, OrgId: ORG_ID, UserGroupName: 'September 2026 starters', Description: 'New apprentices', CreatedOn: '2026-08-20T09:00:00+00:00', members: [31001, 31002, 31003, 31004] },
		{ UserGroupId: 502, OrgId: ORG_ID, UserGroupName: 'Maths resits', Description: 'Functional skills maths', CreatedOn: '2026-01-10T09:00:00+00:00', members: [31002, 31006] },
		{ UserGroupId: 503, OrgId: ORG_ID, UserGroupName: 'Whole cohort', Description: 'Everyone', CreatedOn: '2025-09-01T09:00:00+00:00', members: Array.from({ length: 140 }, (_, i) => 32001 + i) },
	];
}

export function generatedUser(id: number): BksbUser {
	const n = id - 32000;
	return {
		UserId: id, OrgId: ORG_ID, Username: `learner${n}`, Firstname: 'Learner', Lastname: `Number ${n}`, IsArchived: false,
		Email: `learner${n}@learners.example`, DateOfBirth: null, ProfilePhotoUrl: null, DateCreated: '2025-09-01T08:00:00+00:00',
		LastActivity: null, IsStaff: false, AdvancedID: null, workingLevels: [], password: 'org-default',
	};
}

/** The User model as the API returns it: internal fields left out. */
export function userView(user: BksbUser): Omit<BksbUser, 'workingLevels' | 'password'> {
	const { workingLevels: _levels, password: _password, ...view } = user;
	return view;
}

/** Checks a SimpleDateTime as the help page defines it: Year 1–9999, Month 1–12, a real day. */
export function simpleDateProblem(value: unknown): string | undefined {
	if (!value || typeof value !== 'object' || Array.isArray(value)) return 'DateOfBirth must be a SimpleDateTime object';
	const d = value as Record<string, unknown>;
	for (const key of ['Year', 'Month', 'Day', 'Hour', 'Minute', 'Second', 'Millisecond']) {
		if (d[key] !== undefined && !Number.isInteger(d[key])) return `${key} must be a whole number`;
	}
	const year = (d.Year as number | undefined) ?? 1900;
	const month = (d.Month as number | undefined) ?? 1;
	const day = (d.Day as number | undefined) ?? 1;
	if (year < 1 || year > 9999) return 'Year must be 1 to 9999';
	if (month < 1 || month > 12) return 'Month must be 1 to 12';
	const check = new Date(Date.UTC(year, month - 1, day));
	if (check.getUTCDate() !== day) return 'Day is not a day of that month';
	return undefined;
}

export function isoFromSimple(value: SimpleDateTime): string {
	const pad = (n: number, w = 2) => String(n).padStart(w, '0');
	return `${pad(value.Year, 4)}-${pad(value.Month)}-${pad(value.Day)}T${pad(value.Hour ?? 0)}:${pad(value.Minute ?? 0)}:${pad(value.Second ?? 0)}+00:00`;
}
