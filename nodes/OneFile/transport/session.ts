import type {
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { resolveBaseUrl } from './environments';
import type { RunCredential, RunState } from './runState';

export type OneFileContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

export const CREDENTIAL_TYPE = 'oneFileApi';

/** Sessions renewed by other requests that one request may follow, when sessions keep expiring. */
const MAX_FOLLOWED_RENEWALS = 3;

/**
 * A session renewal in progress, and how many have completed, per credential.
 *
 * Process-wide on purpose: n8n keeps one session token per credential in its database, shared by
 * every execution. So eight items of a run, or eight executions on one worker, that find the
 * session expired sign in once, not eight times; a run that sees the count move reads the new
 * session from n8n. Separate processes (queue-mode workers) cannot see each other's renewal:
 * each signs in once.
 */
interface Renewals {
	pending?: Promise<unknown>;
	count: number;
}

const renewalsByCredential = new Map<string, Renewals>();
/** Without a saved credential's ID (a credential being tested) renewals are shared within the run only. */
const renewalsByRun = new WeakMap<object, Renewals>();

function renewalsFor(context: OneFileContext): Renewals {
	const id = context.getNode().credentials?.[CREDENTIAL_TYPE]?.id;
	let renewals = id ? renewalsByCredential.get(id) : renewalsByRun.get(context);
	if (!renewals) {
		renewals = { count: 0 };
		if (id) renewalsByCredential.set(id, renewals);
		else renewalsByRun.set(context, renewals);
	}
	return renewals;
}

/** One attempt's credential: the data sent, and whether this attempt is the one that signs in. */
export interface Ticket {
	credential: RunCredential;
	data: ICredentialDataDecryptedObject;
	renewalsBefore: number;
	/** Set when this attempt signs in: the promise others wait on, and how to end it. */
	signIn?: { pending: Promise<void>; finish(): void };
}

/**
 * The session side of one request: which credential data each attempt sends, the sign-in it may
 * share with other requests, and what to do when OneFile refuses the session.
 */
export class SessionCoordinator {
	private readonly renewals: Renewals;

	private forceNew = false;

	private renewedOwn = false;

	private followed = 0;

	constructor(
		private readonly context: OneFileContext,
		private readonly run: RunState,
		private readonly itemIndex?: number,
	) {
		this.renewals = renewalsFor(context);
	}

	/**
	 * The credential for the next attempt. With no session stored yet (a new credential, or several
	 * executions starting together) it waits for a sign-in another request has in flight and uses
	 * its session; otherwise this attempt signs in (n8n runs the credential's preAuthentication),
	 * and the sign-in is registered here, in the same turn as the check, so that nobody else starts
	 * one meanwhile. A forced sign-in goes out with the session emptied, so n8n signs in and writes
	 * the new session into this copy; requests in flight keep the old one until then.
	 */
	async ticket(): Promise<Ticket> {
		for (;;) {
			const credential = await this.runCredential();
			const renewalsBefore = this.renewals.count;
			if (!this.forceNew && hasSession(credential))
				return { credential, data: credential.data, renewalsBefore };
			if (!this.forceNew && this.renewals.pending) {
				await this.renewals.pending;
				continue;
			}
			let finish!: () => void;
			const pending = new Promise<void>((resolve) => (finish = resolve));
			this.renewals.pending = pending;
			const data = this.forceNew ? { ...credential.data, sessionToken: '' } : credential.data;
			return { credential, data, renewalsBefore, signIn: { pending, finish } };
		}
	}

	/**
	 * Runs one attempt. When it signed in, the renewal is counted before anyone waiting on it goes
	 * on (they compare counts); a sign-in that another forced one replaced meanwhile is not counted.
	 */
	async attempt<T>(
		ticket: Ticket,
		send: () => Promise<T>,
		signedIn: (result: T) => boolean,
	): Promise<T> {
		let result: T | undefined;
		let sent = false;
		try {
			result = await send();
			sent = true;
		} finally {
			const own = ticket.signIn !== undefined && this.renewals.pending === ticket.signIn.pending;
			if (own) this.renewals.pending = undefined;
			const done = sent && signedIn(result as T);
			if (own && done) {
				this.renewals.count++;
				ticket.credential.data = ticket.data;
				ticket.credential.renewals = this.renewals.count;
			}
			// A forced sign-in that failed on the way (OneFile busy, connection lost) is forced again.
			if (done) this.forceNew = false;
			// Whatever happened, nobody may wait on this sign-in for ever.
			ticket.signIn?.finish();
		}
		return result as T;
	}

	/**
	 * After a 401 or 403: true to try again. OneFile does not document which of the two an expired
	 * session gets. If another request renewed the session meanwhile, use that session; otherwise
	 * sign in again ourselves, once. A refusal that survives a fresh session is a real refusal.
	 */
	async retryAfterRefusal(ticket: Ticket): Promise<boolean> {
		if (this.renewals.pending) await this.renewals.pending;
		if (this.renewals.count !== ticket.renewalsBefore && this.followed < MAX_FOLLOWED_RENEWALS) {
			this.followed++;
			return true;
		}
		if (this.renewedOwn) return false;
		this.renewedOwn = this.forceNew = true;
		return true;
	}

	/**
	 * The run's credential, read from n8n once, and again only when another run of this process has
	 * signed in since (n8n stored that session; the one this run holds is older). Reading it once
	 * saves a database read and a decryption per request (about 0.6 ms a row, bench/README.md).
	 */
	private async runCredential(): Promise<RunCredential> {
		const held = this.run.credential;
		if (held) {
			const credential = await held;
			if (credential.renewals >= this.renewals.count) return credential;
			if (this.run.credential === held) this.run.credential = undefined;
		}
		if (!this.run.credential) {
			const renewals = this.renewals.count;
			const reading = this.context
				.getCredentials(CREDENTIAL_TYPE)
				.then((data) => ({ data, baseUrl: this.baseUrlOf(data), renewals }));
			reading.catch(() => {
				if (this.run.credential === reading) this.run.credential = undefined;
			});
			this.run.credential = reading;
		}
		return await this.run.credential;
	}

	/** The credential's base URL, or an error that says how to fix the credential. */
	private baseUrlOf(data: ICredentialDataDecryptedObject): string {
		try {
			return resolveBaseUrl(data);
		} catch (error) {
			throw new NodeOperationError(this.context.getNode(), (error as Error).message, {
				itemIndex: this.itemIndex,
				description: 'Open the OneFile credential and correct the Base URL.',
			});
		}
	}
}

function hasSession(credential: RunCredential): boolean {
	return typeof credential.data.sessionToken === 'string' && credential.data.sessionToken !== '';
}
