/**
 * Customer tokens and sessions (docs/onefile-api.md §2). POST /Authentication swaps a customer token
 * for a session token; every other call carries it as X-TokenID until it expires 24 h later [D].
 */
import { randomBytes } from 'node:crypto';

import type { SessionState } from './types';

/** Fixed and obviously fake; the CLI prints it so people can paste it into an n8n credential. */
export const DEMO_CUSTOMER_TOKEN = 'demoSandboxCustomerToken0neFileNotARealSecret2123x0QZ8w==';

interface Session {
	no: number;
	token: string;
	issuedAt: number;
	uses: number;
	revoked: boolean;
}

export interface SessionLimits {
	ttlSeconds: number;
	/** Undefined or 0 = unlimited. */
	maxUses?: number;
}

export interface SessionCheck {
	state: SessionState;
	/** 1-based issue number of the session the token matched, valid or not. */
	no?: number;
}

export class Sessions {
	private readonly list: Session[] = [];
	private readonly byToken = new Map<string, Session>();

	/**
	 * [C] About 300 characters of base64 alphabet, like the tokens in public client code. Real
	 * randomness (not the seeded PRNG): a token must not be guessable from the seed.
	 */
	issue(now: number): { no: number; token: string } {
		const token = randomBytes(225).toString('base64');
		const session: Session = { no: this.list.length + 1, token, issuedAt: now, uses: 0, revoked: false };
		this.list.push(session);
		this.byToken.set(token, session);
		return { no: session.no, token };
	}

	/** Checks X-TokenID and, when valid, counts the call against maxUses. */
	use(token: string | undefined, now: number, limits: SessionLimits): SessionCheck {
		if (token === undefined || token === '') return { state: 'missing' };
		const session = this.byToken.get(token);
		if (!session) return { state: 'unknown' };
		const expired =
			session.revoked ||
			now - session.issuedAt >= limits.ttlSeconds * 1000 ||
			(limits.maxUses !== undefined && limits.maxUses > 0 && session.uses >= limits.maxUses);
		if (expired) return { state: 'expired', no: session.no };
		session.uses++;
		return { state: 'valid', no: session.no };
	}

	/** Which session a token belongs to, without using it (for the request log). */
	numberOf(token: string | undefined): number | undefined {
		return token === undefined ? undefined : this.byToken.get(token)?.no;
	}

	expireAll(): void {
		for (const session of this.list) session.revoked = true;
	}

	tokens(): string[] {
		return this.list.map((session) => session.token);
	}
}
