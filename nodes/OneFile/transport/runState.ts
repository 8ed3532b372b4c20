import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { RefusalStreak } from '../../shared/http/refusals';

/**
 * What the items of one run (an execution of the node, or one dropdown load) share while they run
 * in parallel, keyed by n8n's context object so it ends with the run. The one place per-run
 * transport state lives; process-wide state is in session.ts (renewals) and pacing.ts (starts).
 */
export interface RunState {
	/** A pause OneFile asked for with 429 + Retry-After: every item waits, not just the one told. */
	pausedUntil: number;
	/** The credential as n8n decrypted it, read once per run (see session.ts). */
	credential?: Promise<RunCredential>;
	/** The customer that owns the token (GET /Customer), looked up once per run. */
	customerId?: Promise<number>;
	/** Lists whose paged path answered 404/405 in this run: they use the unpaged path from then on. */
	unpagedLists: Set<string>;
	/** OneFile's refusals in a row across the run's items: past its bound, the run stops sending. */
	refusals: RefusalStreak;
	/** Create or Update by MIS ID: each organisation's and role's users listed once, shared by the run's items. */
	misIdIndexes: Map<string, Promise<MisIdIndex | undefined>>;
	/** Items that write the same user (one MIS ID or email) run one after another: a sheet that names it twice never creates it twice. */
	keyLocks: Map<string, Promise<unknown>>;
	/** Items of this run that only looked (Preview) or only checked (Validate Only): said in the run's hint. */
	dryRuns: { preview: number; validateOnly: number };
	/** An organisation's status lists (learner, learning aim), read once per run: `${organisationId}:${list}`. */
	statusLists: Map<
		string,
		Promise<ReadonlyArray<{ id: number | string | undefined; name: string }>>
	>;
}

/** MIS ID (trimmed, lower case) → the IDs of the users that have it. */
export type MisIdIndex = Map<string, number[]>;

export interface RunCredential {
	/** What n8n authenticates each request with; when n8n signs in, it writes the new session into it. */
	data: ICredentialDataDecryptedObject;
	baseUrl: string;
	/** The process's renewal count this session is from: a higher count means another run signed in since. */
	renewals: number;
}

const runs = new WeakMap<object, RunState>();

export function runState(context: object): RunState {
	let state = runs.get(context);
	if (!state) {
		state = {
			pausedUntil: 0,
			unpagedLists: new Set(),
			refusals: new RefusalStreak(),
			misIdIndexes: new Map(),
			keyLocks: new Map(),
			statusLists: new Map(),
			dryRuns: { preview: 0, validateOnly: 0 },
		};
		runs.set(context, state);
	}
	return state;
}
