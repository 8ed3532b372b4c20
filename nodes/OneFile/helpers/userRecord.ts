import { USER_FIELDS } from '../descriptions/roles';

/** Every field a user record is known to hold (the role table's, and what GET /User adds): Selected Fields' picker. */
export const USER_RECORD_FIELDS: readonly string[] = [
	'ID',
	'Username',
	'Role',
	'OrganisationID',
	'LastModified',
	// Set by Archive / Unarchive (client code; how OneFile shows it is a guess).
	'Archived',
	...USER_FIELDS.map((field) => field.apiName),
];

/** The fields Simplify keeps of a user record: who the user is and where they sit in OneFile. */
export const SIMPLE_USER_FIELDS = [
	'ID',
	'Username',
	'FirstName',
	'LastName',
	'Email',
	'MISID',
	'Role',
	'OrganisationID',
	'ClassroomID',
	'PlacementID',
	'DefaultAssessorID',
	'DefaultEmployerID',
	'LastModified',
];

/**
 * A date-time from OneFile's answer in epoch ms, or undefined. OneFile's dates are UTC; some answers
 * carry no zone (docs/onefile-api.md §3.3), so a missing zone means UTC. Pure.
 */
export function answerTime(raw: unknown): number | undefined {
	if (typeof raw !== 'string' || raw.trim() === '') return undefined;
	const text = raw.trim();
	const zoned = /(Z|[+-]\d{2}:?\d{2})$/i.test(text) || !text.includes('T') ? text : `${text}Z`;
	const time = Date.parse(zoned);
	return Number.isNaN(time) ? undefined : time;
}
