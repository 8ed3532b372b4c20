import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { Checker } from '../../../shared/checks/checker';
import { isRole, requiredFields, ROLES, type Role } from '../../descriptions/roles';
import { createUserBody } from '../../helpers/userBody';
import type { CreateOptions } from './createUser';
import { runState } from '../../transport/runState';
import { previewOption, readPreview } from '../sync';

/** The options of Create and Create or Update (with the request options, see options.ts). */
export const createOptions: INodeProperties[] = [
	previewOption,
	{
		displayName: 'Include Password',
		name: 'includePassword',
		type: 'boolean',
		default: false,
		description:
			'Whether to put the new login password in the output when OneFile returns one (Keychain setting off). Off by default so passwords do not end up in sheets or logs.',
	},
	{
		displayName: 'Validate Only',
		name: 'validateOnly',
		type: 'boolean',
		default: false,
		description:
			'Whether to only check every row, offline: nothing is sent to OneFile, not even a search. Each row comes out with valid (true or false) and, field by field, what to fix: check a sheet before its first real run. To see what a run would change in OneFile, use Preview.',
	},
	{
		displayName: 'Look Up New User ID',
		name: 'lookUpId',
		type: 'boolean',
		default: true,
		description:
			"Whether to find the new user's ID by email (or MIS ID) when OneFile does not return it (Keychain setting on). Costs one search per user.",
	},
];

export interface CreateInput {
	role: Role;
	body: IDataObject;
	options: CreateOptions;
}

/** Every check of a Create row, its problems kept rather than thrown (Validate Only reports them). */
export interface CheckedCreate extends CreateInput {
	check: Checker;
	validateOnly: boolean;
	/** Read OneFile, write nothing: each row says what the real run would do. */
	preview: boolean;
}

/** The role, the checked body of `POST /User` and the options, with every problem noted in `check`. */
export function checkCreateInput(
	this: IExecuteFunctions,
	itemIndex: number,
	extra: IDataObject = {},
	/** "create", or "create or update": the words of the item's error. */
	verb = 'create',
): CheckedCreate {
	const raw = this.getNodeParameter('role', itemIndex) as string;
	const role: Role = isRole(raw) ? raw : 'learner';
	const check = new Checker(
		this,
		itemIndex,
		isRole(raw) ? `Cannot ${verb} the ${ROLES[role].name}` : `Cannot ${verb} the user`,
		'OneFile',
	);
	const options = check.collection('options');
	const settings = {
		includePassword: check.flag('Include Password', options.includePassword, false),
		lookUpId: check.flag('Look Up New User ID', options.lookUpId, true),
	};
	// Unreadable, it reads as off: the problem it noted stops the row before any request.
	const validateOnly = check.flag('Validate Only', options.validateOnly, false);
	if (validateOnly) runState(this).dryRuns.validateOnly++;
	const preview = readPreview(check, options);
	if (!isRole(raw)) {
		check.add({
			field: 'Role',
			problem: `"${raw}" is not a OneFile role`,
			fix: `Pick one of: ${Object.values(ROLES)
				.map((r) => r.name)
				.join(', ')}`,
		});
		return {
			role,
			body: {},
			options: settings,
			check,
			validateOnly,
			preview,
		};
	}
	const required = Object.fromEntries(
		requiredFields(role).map((f) => [f.param, check.param(f.param)]),
	);
	const { body, problems } = createUserBody(role, required, {
		...check.collection('additionalFields'),
		...extra,
	});
	problems.forEach((problem) => check.add(problem));
	return { role, body, options: settings, check, validateOnly, preview };
}

/** The same, stopping the item before any request when anything is wrong. */
export function readCreateInput(
	this: IExecuteFunctions,
	itemIndex: number,
	extra: IDataObject = {},
): CreateInput {
	const { check, role, body, options } = checkCreateInput.call(this, itemIndex, extra);
	check.done();
	return { role, body, options };
}

/** Validate Only's output for a row: nothing was sent; whether the row would go, and what to fix if not. */
export function validationResult(checked: CheckedCreate): IDataObject {
	const { problems } = checked.check;
	return {
		valid: problems.length === 0,
		role: ROLES[checked.role].name,
		problems: problems.map(({ field, problem, fix }) => ({ field, problem, fix })),
		...(problems.length === 0
			? { message: 'Every check passed; nothing was sent to OneFile (Validate Only).' }
			: {}),
	};
}

/** Preview of a create: what would be sent, and that nothing was. */
export function wouldCreate(checked: CheckedCreate, notice?: string): IDataObject {
	const roleName = ROLES[checked.role].name;
	return {
		action: 'would create',
		role: roleName,
		firstName: checked.body.FirstName,
		lastName: checked.body.LastName,
		email: checked.body.Email,
		...(checked.body.MISID !== undefined ? { misId: checked.body.MISID } : {}),
		wouldSend: checked.body,
		message: `Would create the ${roleName} ${String(checked.body.FirstName)} ${String(checked.body.LastName)}; nothing was written (Preview).`,
		...(notice === undefined ? {} : { notice }),
	};
}
