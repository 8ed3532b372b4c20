/**
 * The OneFile user contract as data, written from docs/onefile-api.md §5 and §6 (never from the node's
 * own role table, so a mistake there is caught here rather than copied).
 */

export type FieldType = 'int' | 'string' | 'datetime' | 'bool' | 'stringArray';

/** §5.1 [D]: the only roles the API can create. */
export const ROLE = {
	Learner: 1,
	TraineeAssessor: 4,
	Assessor: 5,
	IQA: 10,
	Employer: 40,
	Observer: 45,
} as const;

export type RoleId = (typeof ROLE)[keyof typeof ROLE];

export const ROLE_IDS: readonly RoleId[] = Object.values(ROLE);

export function isRoleId(value: number): value is RoleId {
	return (ROLE_IDS as readonly number[]).includes(value);
}

/** Every user field the sandbox knows, with its type (§3.2, §5.2, §5.3 [D]; extras [C]). */
export const USER_FIELD_TYPES = {
	OrganisationID: 'int',
	FirstName: 'string',
	LastName: 'string',
	Email: 'string',
	Role: 'int',
	DefaultAssessorID: 'int',
	ClassroomID: 'int',
	PlacementID: 'int',
	MISID: 'string',
	CreatedOn: 'datetime',
	CompanyName: 'string',
	MobileNumber: 'string',
	Telephone: 'string',
	Website: 'string',
	WorkAddress: 'string',
	ProviderID: 'int',
	DefaultEmployerID: 'int',
	ULN: 'string',
	NINO: 'string',
	EpisodeName: 'string',
	HomeAddress: 'string',
	CentreRegister: 'datetime',
	DOB: 'datetime',
	StartOn: 'datetime',
	PlannedEndDate: 'datetime',
	L12: 'string',
	L13: 'string',
	L14: 'string',
	L15: 'string',
	L16: 'string',
	SupportFunding: 'bool',
	LearnerStatusID: 'int',
	// [C] C2 sends these; their effect on the real server is unknown.
	Username: 'string',
	PrimaryLLDDCode: 'string',
	SecondaryLLDDCodes: 'stringArray',
	ID: 'int',
} as const satisfies Record<string, FieldType>;

export type UserField = keyof typeof USER_FIELD_TYPES;

const COMMON_MANDATORY: readonly UserField[] = ['OrganisationID', 'FirstName', 'LastName', 'Email', 'Role'];

/** §5.2 [D]: mandatory on create, per role. */
export const MANDATORY_ON_CREATE: Record<RoleId, readonly UserField[]> = {
	[ROLE.Learner]: [...COMMON_MANDATORY, 'DefaultAssessorID', 'ClassroomID', 'PlacementID'],
	[ROLE.TraineeAssessor]: COMMON_MANDATORY,
	[ROLE.Assessor]: COMMON_MANDATORY,
	[ROLE.IQA]: COMMON_MANDATORY,
	[ROLE.Employer]: [...COMMON_MANDATORY, 'PlacementID'],
	[ROLE.Observer]: [...COMMON_MANDATORY, 'PlacementID'],
};

/** §5.3 [D]: the optional list every role shares ("All other User Roles"). */
const STAFF_OPTIONAL: readonly UserField[] = [
	'MISID',
	'CreatedOn',
	'MobileNumber',
	'Telephone',
	'Website',
	'WorkAddress',
	'HomeAddress',
	'DOB',
];

/** §5.3 [D]: the learner's optional list is the staff list plus the learner-only fields. */
const LEARNER_OPTIONAL: readonly UserField[] = [
	...STAFF_OPTIONAL,
	'CompanyName',
	'ProviderID',
	'DefaultEmployerID',
	'ULN',
	'NINO',
	'EpisodeName',
	'CentreRegister',
	'StartOn',
	'PlannedEndDate',
	'L12',
	'L13',
	'L14',
	'L15',
	'L16',
	'SupportFunding',
	'LearnerStatusID',
];

/** §5.3 [C]: extras public clients send. Username for staff (C2); LLDD codes for learners when L14 = "1" (C2). */
const LEARNER_EXTRAS: readonly UserField[] = ['PrimaryLLDDCode', 'SecondaryLLDDCodes'];
const STAFF_EXTRAS: readonly UserField[] = ['Username'];

export const OPTIONAL_ON_CREATE: Record<RoleId, readonly UserField[]> = {
	[ROLE.Learner]: [...LEARNER_OPTIONAL, ...LEARNER_EXTRAS],
	[ROLE.TraineeAssessor]: [...STAFF_OPTIONAL, ...STAFF_EXTRAS],
	[ROLE.Assessor]: [...STAFF_OPTIONAL, ...STAFF_EXTRAS],
	[ROLE.IQA]: [...STAFF_OPTIONAL, ...STAFF_EXTRAS],
	[ROLE.Employer]: [...STAFF_OPTIONAL, ...STAFF_EXTRAS],
	[ROLE.Observer]: [...STAFF_OPTIONAL, ...STAFF_EXTRAS],
};

/**
 * Fields an update of a user with this role may carry: what create allows, plus Username and ID
 * (C2 sends both on update [C]). Role and OrganisationID are allowed only unchanged ([G]: moving a
 * user between roles or centres through update is not documented).
 */
export function fieldsAllowedOnUpdate(role: RoleId): ReadonlySet<UserField> {
	return new Set<UserField>([
		...MANDATORY_ON_CREATE[role],
		...OPTIONAL_ON_CREATE[role],
		'Username',
		'ID',
	]);
}

export function fieldsAllowedOnCreate(role: RoleId): ReadonlySet<UserField> {
	return new Set<UserField>([...MANDATORY_ON_CREATE[role], ...OPTIONAL_ON_CREATE[role]]);
}

/** [G] Roles a learner's DefaultAssessorID may point at: Assessor and Trainee Assessor. */
export const DEFAULT_ASSESSOR_ROLES: readonly RoleId[] = [ROLE.Assessor, ROLE.TraineeAssessor];

/** [G] Role a learner's DefaultEmployerID must point at. */
export const DEFAULT_EMPLOYER_ROLES: readonly RoleId[] = [ROLE.Employer];

/** §6.2 [D]: assignment levels, the roles allowed as assignee, and the extra body field. */
export const ASSIGN_LEVELS = {
	3: { name: 'Learning Aim', roles: [ROLE.Assessor, ROLE.IQA], extraField: 'StandardID' },
	2: { name: 'Unit Summary', roles: [ROLE.Assessor, ROLE.IQA], extraField: 'UnitID' },
	1: { name: 'Additional', roles: [ROLE.Assessor, ROLE.IQA, ROLE.Employer, ROLE.Observer], extraField: undefined },
} as const satisfies Record<1 | 2 | 3, { name: string; roles: readonly RoleId[]; extraField: string | undefined }>;

export type AssignLevel = keyof typeof ASSIGN_LEVELS;

export function isAssignLevel(value: number): value is AssignLevel {
	return value === 1 || value === 2 || value === 3;
}

/** Roles allowed as assignee at a level; Trainee Assessor joins "Assessor" when the [G] option says so. */
export function rolesForLevel(level: AssignLevel, traineeAssessorAssignable: boolean): readonly RoleId[] {
	const roles: readonly RoleId[] = ASSIGN_LEVELS[level].roles;
	return traineeAssessorAssignable ? [...roles, ROLE.TraineeAssessor] : roles;
}

/** Body fields of POST /User/{id}/Assign: LearnerID and Level [D], StandardID/UnitID per level [D]; UserID only in 'learner' path mode [G]. */
export const ASSIGN_FIELD_TYPES = {
	LearnerID: 'int',
	Level: 'int',
	StandardID: 'int',
	// [C] Unit IDs are string codes such as 'KS_COMM1' (C5).
	UnitID: 'string',
	UserID: 'int',
} as const satisfies Record<string, FieldType>;

/** POST /User/Search filters (§4.1 [D] OrganisationID and Role; the rest [C]). */
export const USER_SEARCH_FIELD_TYPES = {
	OrganisationID: 'int',
	Role: 'int',
	FirstName: 'string',
	LastName: 'string',
	Email: 'string',
	MISID: 'string',
	LastModified: 'datetime',
} as const satisfies Record<string, FieldType>;

/** `POST /Placement` and `POST /Placement/{id}` (§7 [C] C1/C2/C6); ID only on update, unchanged ([G]). */
export const PLACEMENT_FIELD_TYPES = {
	ID: 'int',
	OrganisationID: 'int',
	Name: 'string',
	Address: 'string',
	Active: 'bool',
	Contact: 'string',
	Email: 'string',
	Telephone: 'string',
	Fax: 'string',
	Web: 'string',
	MISID: 'string',
} as const satisfies Record<string, FieldType>;

/** `POST /Classroom` and `POST /Classroom/{id}` (§7 [C] C6); ID only on update, unchanged ([G]). */
export const CLASSROOM_FIELD_TYPES = {
	ID: 'int',
	OrganisationID: 'int',
	Name: 'string',
	StartOn: 'datetime',
	Archive: 'bool',
	MISID: 'string',
	CompletionMessage: 'string',
	SendCompletionMessage: 'bool',
	IVFinalSignOff: 'bool',
} as const satisfies Record<string, FieldType>;

/** [G] Mandatory on a placement or classroom create: the organisation and a name (OneFile documents neither). */
export const MANDATORY_ON_RECORD_CREATE = ['OrganisationID', 'Name'] as const;

/** `POST /LearningAim/{id}` (§7 [C] C2 sends all of these); every field optional, a partial update ([G]). */
export const LEARNING_AIM_UPDATE_FIELD_TYPES = {
	ID: 'int',
	UserID: 'int',
	StartDate: 'datetime',
	PlannedEnd: 'datetime',
	Status: 'int',
	RegistrationNumber: 'string',
	RegistrationDate: 'datetime',
	CertificateAppliedDate: 'datetime',
	AchievedDate: 'datetime',
} as const satisfies Record<string, FieldType>;

/** `POST /Visit` (§7 [C] C1/C2). [G] LearnerID and DateFrom are required; VisitTypeID defaults to 1. */
export const VISIT_FIELD_TYPES = {
	LearnerID: 'int',
	OrganisationID: 'int',
	AssessorID: 'int',
	DateFrom: 'datetime',
	DateTo: 'datetime',
	VisitTypeID: 'int',
	SMSReminder: 'bool',
} as const satisfies Record<string, FieldType>;

/** [G] The visit types issue #29 names; §7 gives only the field. */
export const VISIT_TYPES: Readonly<Record<number, string>> = { 1: 'Not Specified', 2: 'Remote Session', 3: 'Face-to-face' };

/** `POST /Review` (§7 [C] C1/C2/C6). [G] LearnerID and ScheduledFor are required; Status defaults to 1. */
export const REVIEW_CREATE_FIELD_TYPES = {
	LearnerID: 'int',
	AssessorID: 'int',
	EmployerID: 'int',
	Status: 'int',
	ScheduledFor: 'datetime',
	VisitID: 'int',
} as const satisfies Record<string, FieldType>;

/** [G] Review statuses a create may carry: 1 (scheduled, C1) and 2 (complete, as the seeded signed reviews). */
export const REVIEW_CREATE_STATUSES: readonly number[] = [1, 2];

/** OneFile-style error codes. -11/-57/-58 are seen in client code [C]; the rest are the sandbox's own [G]. */
export const ERROR_CODE = {
	OrganisationNotFound: -11,
	PlacementNotFound: -57,
	ClassroomNotFound: -58,
	InvalidBody: -1000,
	MissingField: -1001,
	InvalidType: -1002,
	FieldNotAllowed: -1003,
	UnknownField: -1004,
	InvalidFormat: -1005,
	EmptyValue: -1006,
	UsernameTaken: -1007,
	InvalidRole: -1008,
	AssessorInvalid: -1009,
	DefaultAssessorInvalid: -1010,
	DefaultEmployerInvalid: -1011,
	ProviderNotFound: -1012,
	LearnerStatusNotFound: -1013,
	LearnerInvalid: -1014,
	LearningAimStatusNotFound: -1015,
	VisitTypeInvalid: -1016,
	VisitNotFound: -1017,
	ReviewStatusInvalid: -1018,
	EmployerInvalid: -1019,
	AssignRoleNotAllowed: -1020,
	AssignNotALearner: -1021,
	AssignLevelInvalid: -1022,
	StandardNotFound: -1023,
	UnitNotFound: -1024,
	UnitNotInStandard: -1025,
	StandardNotAssigned: -1026,
	DifferentOrganisation: -1027,
	FrameworkTemplateNotFound: -1028,
	InvalidPaging: -1030,
	NotFound: -1040,
	RouteNotFound: -1041,
	MethodNotAllowed: -1042,
	UnsupportedMediaType: -1043,
	CustomerTokenInvalid: -1050,
} as const;
