/**
 * Route table matching. OneFile's paths are case-insensitive ([C]: the docs write
 * `Organisation/search`, C4 calls `/authentication`), so literal segments compare without case.
 */
import type { ParsedBody } from './body';
import type { Reply } from './reply';
import type { SandboxState } from './state';

export interface RequestContext {
	seq: number;
	method: string;
	/** Relative to basePath, original casing. */
	path: string;
	headers: Record<string, string>;
	body: ParsedBody;
	params: Record<string, string>;
	/** Set by POST /Authentication for the request log. */
	issuedSessionNo?: number;
	/** Set by partial updates for the request log: the fields whose stored value changed. */
	changedFields?: string[];
	/** Set by creates for the request log: the new record's ID. */
	createdId?: number;
}

export type Handler = (ctx: RequestContext, state: SandboxState) => Reply;

type ParamType = 'int' | 'str' | 'bool';

interface Segment {
	literal?: string;
	param?: { name: string; type: ParamType };
}

export interface Route {
	method: string;
	segments: Segment[];
	/** Every route but POST /Authentication needs a valid X-TokenID [D]. */
	needsSession: boolean;
	handler: Handler;
	pattern: string;
}

/** `route('POST', 'User/{id:int}/Assign', handler)`; params default to 'str'. */
export function route(method: string, pattern: string, handler: Handler, needsSession = true): Route {
	const segments = pattern.split('/').filter(Boolean).map((part): Segment => {
		const param = /^\{(\w+)(?::(int|str|bool))?\}$/.exec(part);
		if (!param) return { literal: part.toLowerCase() };
		return { param: { name: param[1]!, type: (param[2] as ParamType | undefined) ?? 'str' } };
	});
	return { method, segments, needsSession, handler, pattern };
}

/** Both `/Search` and `/Search/{page}/{size}` [D]/[C]. */
export function searchRoutes(resource: string, handler: Handler): Route[] {
	return [route('POST', `${resource}/Search`, handler), route('POST', `${resource}/Search/{page:int}/{size:int}`, handler)];
}

function fits(type: ParamType, value: string): boolean {
	if (type === 'int') return /^-?\d+$/.test(value);
	if (type === 'bool') return /^(true|false)$/i.test(value);
	return value.length > 0;
}

function matchSegments(route: Route, parts: string[]): Record<string, string> | undefined {
	if (route.segments.length !== parts.length) return undefined;
	const params: Record<string, string> = {};
	for (let i = 0; i < parts.length; i++) {
		const segment = route.segments[i]!;
		const part = parts[i]!;
		if (segment.literal !== undefined) {
			if (segment.literal !== part.toLowerCase()) return undefined;
		} else if (segment.param) {
			if (!fits(segment.param.type, part)) return undefined;
			params[segment.param.name] = part;
		}
	}
	return params;
}

export type RouteMatch =
	| { kind: 'found'; route: Route; params: Record<string, string> }
	| { kind: 'wrongMethod'; allowed: string[] }
	| { kind: 'none' };

export function splitPath(path: string): string[] | undefined {
	try {
		return path.split('/').filter(Boolean).map((part) => decodeURIComponent(part));
	} catch {
		return undefined;
	}
}

export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch {
	const parts = splitPath(path);
	if (!parts) return { kind: 'none' };
	const allowed: string[] = [];
	for (const candidate of routes) {
		const params = matchSegments(candidate, parts);
		if (!params) continue;
		if (candidate.method === method.toUpperCase()) return { kind: 'found', route: candidate, params };
		allowed.push(candidate.method);
	}
	return allowed.length > 0 ? { kind: 'wrongMethod', allowed: [...new Set(allowed)] } : { kind: 'none' };
}
