import type { ValueKind } from '../../shared/checks/values';
import type { LocatorName } from './rlc.description';

/**
 * THE role table (docs/onefile-api.md §5). Every OneFile user field, which roles must send it on
 * create and which may. The User form (displayOptions) and the checks before a request are both
 * generated from these rows; add a field or a role here and nowhere else.
 */

export const ROLES = {
	learner: { id: 1, name: 'Learner' },
	traineeAssessor: { id: 4, name: 'Trainee Assessor' },
	assessor: { id: 5, name: 'Assessor / Tutor' },
	iqa: { id: 10, name: 'IV / IQA' },
	employer: { id: 40, name: 'Employer' },
	observer: { id: 45, name: 'Observer' },
} as const;

export type Role = keyof typeof ROLES;

export const ALL_ROLES = Object.keys(ROLES) as Role[];

/** How a value is checked and sent (shared/checks/values.ts). */
export type FieldKind = ValueKind;

export interface UserField {
	/** OneFile's JSON key. */
	apiName: string;
	/** n8n parameter name (camelCase). */
	param: string;
	displayName: string;
	kind: FieldKind;
	/** Roles that must send it on create (a top-level field of the form). */
	requiredFor: readonly Role[];
	/** Roles that may send it on create (in Additional Fields). */
	optionalFor: readonly Role[];
	description: string;
	/** Which dropdown (resource locator) offers the value, when it is an ID of another record. */
	locator?: LocatorName;
	placeholder?: string;
	/** False when User → Update cannot change it (where the user lives). Default: true. */
	updatable?: false;
}

export const USER_FIELDS: readonly UserField[] = [
	// Mandatory for everyone (§5.2)
	{
		apiName: 'OrganisationID',
		param: 'organisationId',
		displayName: 'Organisation',
		kind: 'id',
		locator: 'organisation',
		requiredFor: ALL_ROLES,
		optionalFor: [],
		updatable: false,
		description: 'The organisation (centre) the user belongs to',
	},
	{
		apiName: 'FirstName',
		param: 'firstName',
		displayName: 'First Name',
		kind: 'text',
		requiredFor: ALL_ROLES,
		optionalFor: [],
		description: '',
		placeholder: 'e.g. Amira',
	},
	{
		apiName: 'LastName',
		param: 'lastName',
		displayName: 'Last Name',
		kind: 'text',
		requiredFor: ALL_ROLES,
		optionalFor: [],
		description: '',
		placeholder: 'e.g. Khan',
	},
	{
		apiName: 'Email',
		param: 'email',
		displayName: 'Email',
		kind: 'email',
		requiredFor: ALL_ROLES,
		optionalFor: [],
		description:
			"The user's email address. With the Keychain centre setting on, OneFile sends a verification email to it.",
		placeholder: 'e.g. amira.khan@example.com',
	},
	// Mandatory for some roles (§5.2)
	{
		apiName: 'DefaultAssessorID',
		param: 'defaultAssessorId',
		displayName: 'Default Assessor',
		kind: 'id',
		locator: 'assessor',
		requiredFor: ['learner'],
		optionalFor: [],
		description: "The learner's main assessor or tutor",
	},
	{
		apiName: 'ClassroomID',
		param: 'classroomId',
		displayName: 'Classroom',
		kind: 'id',
		locator: 'classroom',
		requiredFor: ['learner'],
		optionalFor: [],
		description: 'The classroom (class or cohort) the learner joins',
	},
	{
		apiName: 'PlacementID',
		param: 'placementId',
		displayName: 'Placement',
		kind: 'id',
		locator: 'placement',
		requiredFor: ['learner', 'employer', 'observer'],
		optionalFor: [],
		description: 'The workplace (employer placement)',
	},
	// Optional for every role (§5.3)
	{
		apiName: 'MISID',
		param: 'misId',
		displayName: 'MIS ID',
		kind: 'text',
		requiredFor: [],
		optionalFor: ALL_ROLES,
		description: "The user's reference in your MIS, used to find the user again",
		placeholder: 'e.g. C-001-000-0000',
	},
	{
		apiName: 'DOB',
		param: 'dateOfBirth',
		displayName: 'Date of Birth',
		kind: 'birthDate',
		requiredFor: [],
		optionalFor: ALL_ROLES,
		description: 'A date: 2001-09-23 or 23/09/2001 (day first)',
	},
	{
		apiName: 'MobileNumber',
		param: 'mobileNumber',
		displayName: 'Mobile Number',
		kind: 'text',
		requiredFor: [],
		optionalFor: ALL_ROLES,
		description: '',
	},
	{
		apiName: 'Telephone',
		param: 'telephone',
		displayName: 'Telephone',
		kind: 'text',
		requiredFor: [],
		optionalFor: ALL_ROLES,
		description: '',
	},
	{
		apiName: 'Website',
		param: 'website',
		displayName: 'Website',
		kind: 'text',
		requiredFor: [],
		optionalFor: ALL_ROLES,
		description: '',
	},
	{
		apiName: 'HomeAddress',
		param: 'homeAddress',
		displayName: 'Home Address',
		kind: 'multiline',
		requiredFor: [],
		optionalFor: ALL_ROLES,
		description: 'One line per address line',
	},
	{
		apiName: 'WorkAddress',
		param: 'workAddress',
		displayName: 'Work Address',
		kind: 'multiline',
		requiredFor: [],
		optionalFor: ALL_ROLES,
		description: 'One line per address line',
	},
	{
		apiName: 'CreatedOn',
		param: 'createdOn',
		displayName: 'Created On',
		kind: 'dateTime',
		requiredFor: [],
		optionalFor: ALL_ROLES,
		description: 'When the account counts as created, if not now',
	},
	// Optional for learners only (§5.3)
	{
		apiName: 'ULN',
		param: 'uln',
		displayName: 'ULN',
		kind: 'uln',
		requiredFor: [],
		optionalFor: ['learner'],
		description: 'Unique Learner Number: 10 digits',
		placeholder: 'e.g. 1234567890',
	},
	{
		apiName: 'NINO',
		param: 'nino',
		displayName: 'National Insurance Number',
		kind: 'nino',
		requiredFor: [],
		optionalFor: ['learner'],
		description: 'e.g. QQ123456C; spaces are removed',
		placeholder: 'e.g. QQ123456C',
	},
	{
		apiName: 'StartOn',
		param: 'startOn',
		displayName: 'Start Date',
		kind: 'date',
		requiredFor: [],
		optionalFor: ['learner'],
		description: 'Episode start date',
	},
	{
		apiName: 'PlannedEndDate',
		param: 'plannedEndDate',
		displayName: 'Planned End Date',
		kind: 'date',
		requiredFor: [],
		optionalFor: ['learner'],
		description: '',
	},
	{
		apiName: 'CentreRegister',
		param: 'centreRegister',
		displayName: 'Centre Registration Date',
		kind: 'date',
		requiredFor: [],
		optionalFor: ['learner'],
		description: '',
	},
	{
		apiName: 'EpisodeName',
		param: 'episodeName',
		displayName: 'Episode Name',
		kind: 'text',
		requiredFor: [],
		optionalFor: ['learner'],
		description: '',
	},
	{
		apiName: 'CompanyName',
		param: 'companyName',
		displayName: 'Company Name',
		kind: 'text',
		requiredFor: [],
		optionalFor: ['learner'],
		description: "Shown on the learner's profile",
	},
	{
		apiName: 'DefaultEmployerID',
		param: 'defaultEmployerId',
		displayName: 'Default Employer ID',
		kind: 'id',
		requiredFor: [],
		optionalFor: ['learner'],
		description: "OneFile user ID of the learner's employer contact",
	},
	{
		apiName: 'ProviderID',
		param: 'providerId',
		displayName: 'Provider ID',
		kind: 'id',
		requiredFor: [],
		optionalFor: ['learner'],
		description: 'OneFile provider ID',
	},
	{
		apiName: 'LearnerStatusID',
		param: 'learnerStatusId',
		displayName: 'Learner Status',
		kind: 'idOrName',
		requiredFor: [],
		optionalFor: ['learner'],
		description:
			'One of the organisation\'s learner statuses: pick it, or give its ID or its name ("Withdrawn") from a sheet',
	},
	{
		apiName: 'SupportFunding',
		param: 'supportFunding',
		displayName: 'Support Funding',
		kind: 'boolean',
		requiredFor: [],
		optionalFor: ['learner'],
		description: 'Whether the learner receives support funding',
	},
	{
		apiName: 'L12',
		param: 'l12',
		displayName: 'Ethnicity (L12)',
		kind: 'text',
		requiredFor: [],
		optionalFor: ['learner'],
		description: 'ILR ethnicity code',
	},
	{
		apiName: 'L13',
		param: 'l13',
		displayName: 'Sex (L13)',
		kind: 'text',
		requiredFor: [],
		optionalFor: ['learner'],
		description: 'ILR sex code',
	},
	{
		apiName: 'L14',
		param: 'l14',
		displayName: 'LLDD and Health Problem (L14)',
		kind: 'text',
		requiredFor: [],
		optionalFor: ['learner'],
		description: 'ILR code for a learning difficulty, disability or health problem',
	},
	{
		apiName: 'L15',
		param: 'l15',
		displayName: 'Disability (L15)',
		kind: 'text',
		requiredFor: [],
		optionalFor: ['learner'],
		description: 'ILR disability code',
	},
	{
		apiName: 'L16',
		param: 'l16',
		displayName: 'Learning Difficulty (L16)',
		kind: 'text',
		requiredFor: [],
		optionalFor: ['learner'],
		description: 'ILR learning difficulty code',
	},
];

export function isRole(value: unknown): value is Role {
	return typeof value === 'string' && value in ROLES;
}

export function requiredFields(role: Role): UserField[] {
	return USER_FIELDS.filter((f) => f.requiredFor.includes(role));
}

/** Fields a role may send at all on create. */
export function allowedFields(role: Role): UserField[] {
	return USER_FIELDS.filter((f) => f.requiredFor.includes(role) || f.optionalFor.includes(role));
}

/** Fields User → Update can change. */
export function updatableFields(): UserField[] {
	return USER_FIELDS.filter((f) => f.updatable !== false);
}
