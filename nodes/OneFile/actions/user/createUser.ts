import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { answerId, idFromAnswer } from '../../../shared/checks/values';
import { ROLES, type Role } from '../../descriptions/roles';
import { failureOf, oneFileApiRequest } from '../../transport';
import { findMatchingUsers, MATCH_FIELDS, type MatchBy } from './matching';
import type { RequestSettings } from '../../transport/settings';

export interface CreateOptions {
	includePassword?: boolean;
	lookUpId?: boolean;
	/** How to recognise the user if OneFile's answer is lost: by email unless told otherwise. */
	matchBy?: MatchBy;
	/** The caller searched just before and found no such user (Create or Update). */
	knownAbsent?: boolean;
}

/**
 * `POST /User`, and a summary an ops person can read and write back to a sheet. A create is never
 * repeated blindly: when OneFile's answer is lost or garbled (connection dropped, timeout, 5xx,
 * unreadable body), the node looks for the user first; it creates again (up to twice) only if the user
 * is not there, and reports the item as unknown when it cannot tell whether the user is new.
 */
export async function createUser(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
	role: Role,
	body: IDataObject,
	options: CreateOptions,
): Promise<IDataObject> {
	const roleName = ROLES[role].name;
	const action = `create the ${roleName}`;
	const matchBy = options.matchBy ?? 'email';
	let responseBody: unknown;
	let recoveredId: unknown;
	let knownAbsent = options.knownAbsent ?? false;
	for (let attempt = 1; ; attempt++) {
		let lost: unknown;
		try {
			responseBody = (
				await oneFileApiRequest.call(this, {
					settings,
					method: 'POST',
					path: ['User'],
					body,
					itemIndex,
					action,
					idempotent: false,
				})
			).body;
			break;
		} catch (error) {
			lost = error;
		}
		if (!isAmbiguous(lost)) throw lost;
		const matches = await findMatchingUsers.call(this, itemIndex, settings, matchBy, body);
		if (matches.length === 1 && knownAbsent) {
			// It was not there before this create, so the user found now is the one just created.
			recoveredId = idFromAnswer(matches[0].ID) ?? null;
			break;
		}
		if (matches.length > 0) throw unknownOutcome.call(this, itemIndex, roleName, matchBy, matches);
		// A success whose body was garbled: OneFile acted. The search may not show the user yet
		// (Keychain verification, a slow index): never create again after a yes.
		if (saidYes(lost)) throw unknownOutcome.call(this, itemIndex, roleName, matchBy, []);
		// Not there: OneFile did not create it, so creating again cannot make a second one.
		if (attempt >= MAX_CREATE_ATTEMPTS) throw lost;
		knownAbsent = true;
	}
	return summarise.call(this, itemIndex, settings, role, body, responseBody, recoveredId, options);
}

/** How often a create is tried when each answer is lost and the user is then not found. */
const MAX_CREATE_ATTEMPTS = 3;

/** OneFile answered 2xx (its body could not be read): it acted on the create. */
function saidYes(error: unknown): boolean {
	const status = failureOf(error)?.httpCode;
	return status !== undefined && status >= 200 && status < 300;
}

function unknownOutcome(
	this: IExecuteFunctions,
	itemIndex: number,
	roleName: string,
	matchBy: MatchBy,
	matches: IDataObject[],
): NodeApiError {
	const { label } = MATCH_FIELDS[matchBy];
	const ids = matches.map((m) => String(idFromAnswer(m.ID) ?? '?'));
	const found =
		ids.length > 0
			? `its answer was lost, and a user with this ${label} exists (ID ${ids.join(', ')})`
			: `OneFile said yes but its answer could not be read, and no user with this ${label} shows yet`;
	return new NodeApiError(
		this.getNode(),
		{ ids },
		{
			message: `Unknown whether OneFile created the ${roleName}: ${found}`,
			description:
				'The node did not create it again, to avoid a duplicate. Check the user in OneFile; if it is the one you meant, nothing more is needed. Use Create or Update to make reruns safe.',
			itemIndex,
		},
	);
}

/**
 * Lost or garbled answers: OneFile may or may not have acted. A 4xx, a 429 or a refused redirect
 * means it did not; no answer in time, a 5xx, or an answer that could not be read, may hide a create.
 */
function isAmbiguous(error: unknown): boolean {
	const failure = failureOf(error);
	if (!failure || failure.cancelled || failure.redirectHost !== undefined) return false;
	return (
		failure.httpCode === undefined ||
		failure.httpCode >= 500 ||
		failure.unreadable === true ||
		failure.tooLargeBytes !== undefined
	);
}

async function summarise(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
	role: Role,
	body: IDataObject,
	responseBody: unknown,
	recoveredId: unknown,
	options: CreateOptions,
): Promise<IDataObject> {
	const roleName = ROLES[role].name;
	const name = `${String(body.FirstName)} ${String(body.LastName)}`;
	const summary: IDataObject = {
		id: null,
		role: roleName,
		firstName: body.FirstName,
		lastName: body.LastName,
		email: body.Email,
		...(body.MISID !== undefined ? { misId: body.MISID } : {}),
		created: true,
	};
	const returned = readCreateResponse(responseBody);
	if (returned.id !== undefined) {
		// Keychain setting off: OneFile returns the login details (docs/onefile-api.md §5.4).
		summary.id = returned.id;
		summary.username = returned.username ?? null;
		summary.loginDetails = 'returned';
		summary.message = `Created ${roleName} ${name} (ID ${returned.id}). OneFile returned the login details${options.includePassword ? '' : '; the password is left out of the output (Options → Include Password)'}.`;
		if (options.includePassword && returned.password !== undefined)
			summary.password = returned.password;
		return summary;
	}
	if (recoveredId !== undefined) {
		summary.id = recoveredId as number;
		summary.loginDetails = 'unknown: the answer was lost or unreadable';
		summary.message = `Created ${roleName} ${name}${recoveredId ? ` (ID ${String(recoveredId)})` : ''}. OneFile's answer was lost or unreadable, so login details, if any, were not received.`;
		return summary;
	}
	// Keychain setting on: only 200 OK; OneFile emails the user to verify the account.
	summary.loginDetails = 'verification email sent';
	summary.message = `Created ${roleName} ${name}. The Keychain setting is on for this organisation, so OneFile sent a verification email to ${String(body.Email)} instead of returning login details.`;
	if (options.lookUpId ?? true) {
		const matches = await findMatchingUsers.call(
			this,
			itemIndex,
			settings,
			body.MISID !== undefined ? 'misId' : 'email',
			body,
		);
		const id = matches.length === 1 ? idFromAnswer(matches[0].ID) : undefined;
		if (id !== undefined) summary.id = id;
		else if (matches.length === 1)
			summary.idLookup = `OneFile's search answered with ${JSON.stringify(matches[0].ID ?? null).slice(0, 40)}, which is not a OneFile ID; look the ID up in OneFile`;
		else
			summary.idLookup =
				matches.length === 0
					? 'not found yet'
					: `${matches.length} users share this ${body.MISID !== undefined ? 'MIS ID' : 'email'}; look the ID up in OneFile`;
	}
	return summary;
}

interface CreateResponse {
	/** A number, or the exact digits as text when they pass 2^53 (answerId). */
	id?: number | string;
	username?: string;
	password?: string;
}

/** `{ID, Username, Password}` when OneFile returns login details; key case tolerated. */
function readCreateResponse(body: unknown): CreateResponse {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return {};
	const record = Object.fromEntries(
		Object.entries(body as IDataObject).map(([k, v]) => [k.toLowerCase(), v]),
	);
	return {
		id: answerId(record.id),
		username: typeof record.username === 'string' ? record.username : undefined,
		password: typeof record.password === 'string' ? record.password : undefined,
	};
}
