/**
 * Resolved settings and the state every route shares. Settings can change live (configure()), so
 * routes read them on every request instead of capturing them.
 */
import type { Sessions } from './auth';
import type { RequestLog } from './log';
import type { Random } from './prng';
import type { Store } from './store';
import type { AuthOptions, ContractOptions, FaultOptions } from './types';

export interface Settings {
	basePath: string;
	customerTokens: string[];
	auth: Required<Omit<AuthOptions, 'maxUses'>> & Pick<AuthOptions, 'maxUses'>;
	contract: Required<ContractOptions>;
	faults: Omit<FaultOptions, 'script'>;
}

export interface SandboxState {
	store: Store;
	settings: Settings;
	log: RequestLog;
	sessions: Sessions;
	/** Seeded stream for generated values (passwords). */
	dataRandom: Random;
	now: () => number;
}

export function resolveAuth(auth: AuthOptions | undefined, base?: Settings['auth']): Settings['auth'] {
	const merged = { ...base, ...stripUndefined(auth ?? {}) };
	return {
		ttlSeconds: merged.ttlSeconds ?? 86400,
		maxUses: merged.maxUses,
		expiredStatus: merged.expiredStatus ?? 401,
		badCustomerTokenStatus: merged.badCustomerTokenStatus ?? 401,
		quoteToken: merged.quoteToken ?? false,
	};
}

export function resolveContract(contract: ContractOptions | undefined, base?: Settings['contract']): Settings['contract'] {
	const merged = { ...base, ...stripUndefined(contract ?? {}) };
	return {
		strict: merged.strict ?? true,
		assignPathId: merged.assignPathId ?? 'assignee',
		traineeAssessorAssignable: merged.traineeAssessorAssignable ?? true,
		responseDatesWithoutZone: merged.responseDatesWithoutZone ?? false,
		flagsAsText: merged.flagsAsText ?? false,
	};
}

function stripUndefined<T extends object>(value: T): Partial<T> {
	return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
