import type { ViolationKind } from './types';

export interface Problem {
	field?: string;
	kind: ViolationKind;
	message: string;
	code: number;
}

/**
 * An error answer in OneFile's shape: HTTP status plus a JSON body `{code, message}` with lower-case
 * keys, as the 2018 beta server sent them ([C] C5). When `problems` is set the request broke the
 * contract and is recorded as a contract violation.
 */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly code: number,
		message: string,
		readonly problems: Problem[] = [],
	) {
		super(message);
	}

	get isViolation(): boolean {
		return this.problems.length > 0;
	}

	body(): { code: number; message: string } {
		return { code: this.code, message: this.message };
	}
}

/** A 400/404/405… that counts as a contract violation; the message joins every problem. */
export function violation(status: number, problems: Problem[]): ApiError {
	const first = problems[0];
	if (!first) throw new Error('violation() needs at least one problem');
	return new ApiError(status, first.code, problems.map((p) => p.message).join('; '), problems);
}

export function oneViolation(status: number, problem: Problem): ApiError {
	return violation(status, [problem]);
}

/** Unknown entity by ID: a data condition, not a contract violation. */
export function notFound(what: string, code: number): ApiError {
	return new ApiError(404, code, `${what} not found`);
}
