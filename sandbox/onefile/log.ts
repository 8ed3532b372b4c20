/**
 * The request log, counters and contract-violation list. Nothing recorded here may hold a raw
 * customer or session token: secret headers are masked, and any known secret found elsewhere in a
 * request (path, query, body) is redacted and flagged, because a node that leaks a token into a
 * URL or body is exactly what the log should expose without repeating the leak.
 */
import type { ContractViolation, LoggedRequest, SandboxCounters } from './types';

const SECRET_HEADERS = new Set(['x-customertoken', 'x-tokenid', 'authorization', 'proxy-authorization', 'cookie', 'x-api-key']);

export function maskValue(value: string): string {
	return `[masked ${value.length} chars]`;
}

/** Replaces every known secret (raw or URL-encoded) in text; reports whether it found one. */
export class Redactor {
	constructor(private readonly secrets: () => string[]) {}

	text(value: string): { text: string; found: boolean } {
		let text = value;
		let found = false;
		for (const secret of this.secrets()) {
			if (secret.length < 8) continue;
			for (const form of new Set([secret, encodeURIComponent(secret)])) {
				if (text.includes(form)) {
					found = true;
					text = text.split(form).join('[redacted secret]');
				}
			}
		}
		return { text, found };
	}

	deep(value: unknown): { value: unknown; found: boolean } {
		let found = false;
		const walk = (item: unknown): unknown => {
			if (typeof item === 'string') {
				const result = this.text(item);
				found ||= result.found;
				return result.text;
			}
			if (Array.isArray(item)) return item.map(walk);
			if (item !== null && typeof item === 'object') {
				return Object.fromEntries(Object.entries(item as Record<string, unknown>).map(([k, v]) => [walk(k) as string, walk(v)]));
			}
			return item;
		};
		return { value: walk(value), found };
	}
}

export function emptyCounters(): SandboxCounters {
	return {
		authCalls: 0,
		authFailures: 0,
		sessionRejections: 0,
		requests: 0,
		byStatus: {},
		creates: 0,
		updates: 0,
		updatesThatChanged: 0,
		updatesThatChangedNothing: 0,
		createsByResource: {},
		updatesByResource: {},
		assigns: 0,
		learningAssigns: 0,
		usersCreatedByRole: {},
		duplicates: { byEmail: 0, byMisid: 0 },
		faultsInjected: {},
		contractViolations: 0,
	};
}

export function bump(record: Record<string, number>, key: string | number, by = 1): void {
	record[String(key)] = (record[String(key)] ?? 0) + by;
}

export class RequestLog {
	entries: LoggedRequest[] = [];
	violations: ContractViolation[] = [];
	counters: SandboxCounters = emptyCounters();
	private nextSeq = 1;

	constructor(private readonly redactor: Redactor) {}

	begin(input: {
		at: number;
		method: string;
		path: string;
		query: Record<string, string>;
		headers: Record<string, string>;
		body: unknown;
		bodyEncoding: LoggedRequest['bodyEncoding'];
	}): LoggedRequest {
		let leaked = false;
		const clean = <T>(value: T): T => {
			const result = this.redactor.deep(value);
			leaked ||= result.found;
			return result.value as T;
		};
		const headers: Record<string, string> = {};
		for (const [name, value] of Object.entries(input.headers)) {
			headers[name] = SECRET_HEADERS.has(name) ? maskValue(value) : clean(value);
		}
		const entry: LoggedRequest = {
			seq: this.nextSeq++,
			at: input.at,
			method: input.method,
			path: clean(input.path),
			query: clean(input.query),
			headers,
			body: clean(input.body),
			bodyEncoding: input.bodyEncoding,
			status: null,
		};
		if (leaked) entry.leakedSecret = true;
		this.entries.push(entry);
		this.counters.requests++;
		return entry;
	}

	finish(entry: LoggedRequest, status: number | null, fault?: string): void {
		entry.status = status;
		if (fault !== undefined) {
			entry.fault = fault;
			bump(this.counters.faultsInjected, fault);
		}
		bump(this.counters.byStatus, status === null ? 'dropped' : status);
	}

	violation(record: ContractViolation): void {
		this.violations.push(record);
		this.counters.contractViolations++;
	}

	clear(): void {
		this.entries = [];
		this.violations = [];
		this.counters = emptyCounters();
		this.nextSeq = 1;
	}

	/** Deep copies, so callers cannot change the log by editing what they got. */
	snapshot(): { entries: LoggedRequest[]; violations: ContractViolation[]; counters: SandboxCounters } {
		return structuredClone({ entries: this.entries, violations: this.violations, counters: this.counters });
	}
}
