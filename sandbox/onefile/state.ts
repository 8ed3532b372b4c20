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
		clockOffsetMs: merged.clockOffsetMs ?? 0,
		stampPrecision: merged.stampPrecision ?? 'ms',
		lastModifiedFilter: merged.lastModifiedFilter ?? 'atOrAfter',
		searchRows: merged.searchRows ?? 'summary',
		lastModifiedStyle: merged.lastModifiedStyle ?? 'iso',
		stampUnchangedWrites: merged.stampUnchangedWrites ?? true,
		learningAimDateFilter: merged.learningAimDateFilter ?? 'achievedDate',
		createAnswer: merged.createAnswer ?? 'bareId',
		statusRows: merged.statusRows ?? 'idName',
		updateAnswer: merged.updateAnswer ?? 'noContent',
		getUserOmits: merged.getUserOmits ?? [],
	};
}

/** OneFile's clock ([G] `contract.clockOffsetMs`): the sandbox clock plus the offset, epoch ms. */
export function oneFileNow(state: Pick<SandboxState, 'now' | 'settings'>): number {
	return state.now() + state.settings.contract.clockOffsetMs;
}

/** A moment as OneFile would store it ([G] `contract.stampPrecision`), epoch ms. */
export function atPrecision(time: number, precision: Settings['contract']['stampPrecision']): number {
	if (precision === 'second') return Math.floor(time / 1000) * 1000;
	if (precision === 'secondRounded') return Math.round(time / 1000) * 1000;
	return time;
}

/** A stamp OneFile writes now: its clock, its precision, ISO UTC (whole-second stamps carry no fraction). */
export function stampNow(state: Pick<SandboxState, 'now' | 'settings'>): string {
	const { stampPrecision } = state.settings.contract;
	const iso = new Date(atPrecision(oneFileNow(state), stampPrecision)).toISOString();
	return stampPrecision === 'ms' ? iso : iso.replace(/\.000Z$/, 'Z');
}

function stripUndefined<T extends object>(value: T): Partial<T> {
	return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
