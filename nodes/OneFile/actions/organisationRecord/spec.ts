import type { INodeProperties } from 'n8n-workflow';

import type { ValueKind } from '../../../shared/checks/values';
import type { LocatorName } from '../../descriptions/rlc.description';
import { ONEFILE_LISTS, type OneFileList } from '../../transport/paging';

/**
 * A record an organisation owns and a learner needs (docs/onefile-api.md §4.3): a placement (the
 * employer's workplace) or a classroom (a cohort). One spec drives the form, the checks and the
 * requests of Create, Update, Create or Update and Get. The bodies are seen only in client code [C].
 */
export interface RecordField {
	displayName: string;
	/** Parameter name in the form. */
	name: string;
	/** Field name in OneFile's body. */
	apiName: string;
	kind: ValueKind;
	description: string;
}

export interface RecordSpec {
	resource: 'placement' | 'classroom';
	/** OneFile's path: `POST /Placement`, `POST /Placement/{id}`, `GET /Placement/{id}`. */
	path: 'Placement' | 'Classroom';
	noun: string;
	locator: LocatorName;
	list: OneFileList;
	/** Every field but Name (required on create) and the organisation. */
	fields: RecordField[];
}

const MIS_ID: RecordField = {
	displayName: 'MIS ID',
	name: 'misId',
	apiName: 'MISID',
	kind: 'text',
	description: "The record's ID in your MIS or CRM: what Create or Update can match by",
};

export const PLACEMENT: RecordSpec = {
	resource: 'placement',
	path: 'Placement',
	noun: 'placement',
	locator: 'placement',
	list: ONEFILE_LISTS.placement,
	fields: [
		{
			displayName: 'Active',
			name: 'active',
			apiName: 'Active',
			kind: 'boolean',
			description: 'Whether learners can be placed here',
		},
		{
			displayName: 'Address',
			name: 'address',
			apiName: 'Address',
			kind: 'multiline',
			description: "The workplace's postal address",
		},
		{
			displayName: 'Contact',
			name: 'contact',
			apiName: 'Contact',
			kind: 'text',
			description: "The employer's contact person",
		},
		{
			displayName: 'Email',
			name: 'email',
			apiName: 'Email',
			kind: 'email',
			description: "The contact's email address",
		},
		{ displayName: 'Fax', name: 'fax', apiName: 'Fax', kind: 'text', description: 'Fax number' },
		MIS_ID,
		{
			displayName: 'Telephone',
			name: 'telephone',
			apiName: 'Telephone',
			kind: 'text',
			description: 'Telephone number',
		},
		{
			displayName: 'Website',
			name: 'web',
			apiName: 'Web',
			kind: 'text',
			description: "The employer's website",
		},
	],
};

export const CLASSROOM: RecordSpec = {
	resource: 'classroom',
	path: 'Classroom',
	noun: 'classroom',
	locator: 'classroom',
	list: ONEFILE_LISTS.classroom,
	fields: [
		{
			displayName: 'Archive',
			name: 'archive',
			apiName: 'Archive',
			kind: 'boolean',
			description: 'Whether the classroom is archived',
		},
		{
			displayName: 'Completion Message',
			name: 'completionMessage',
			apiName: 'CompletionMessage',
			kind: 'multiline',
			description: 'The message learners get when they complete',
		},
		{
			displayName: 'IV Final Sign Off',
			name: 'ivFinalSignOff',
			apiName: 'IVFinalSignOff',
			kind: 'boolean',
			description: 'Whether the internal verifier signs off last',
		},
		MIS_ID,
		{
			displayName: 'Send Completion Message',
			name: 'sendCompletionMessage',
			apiName: 'SendCompletionMessage',
			kind: 'boolean',
			description: 'Whether to send the completion message',
		},
		{
			displayName: 'Start On',
			name: 'startOn',
			apiName: 'StartOn',
			kind: 'date',
			description: 'When the cohort starts',
		},
	],
};

/** One form field of a spec, as a collection option (Additional Fields, Update Fields). */
export function fieldOption(field: RecordField): INodeProperties {
	const type = field.kind === 'boolean' ? 'boolean' : field.kind === 'date' ? 'dateTime' : 'string';
	return {
		displayName: field.displayName,
		name: field.name,
		type,
		default: type === 'boolean' ? false : '',
		description: field.description,
		...(field.kind === 'multiline' ? { typeOptions: { rows: 3 } } : {}),
		...(field.kind === 'email' ? { placeholder: 'name@email.com' } : {}),
	};
}
