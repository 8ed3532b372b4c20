/**
 * The one place request URLs are made: a checked base URL (serviceUrl.ts) plus path segments,
 * each validated and encoded on its own, so that no value can climb out of its segment (`..`),
 * add one (`/`), or start a query (`?`).
 */

/** A value placed in a URL path: a literal such as "User", an ID, a unit code, `true`. */
export type PathPart = string | number | boolean;

/** A value that cannot be a path segment; the caller turns it into an item error. */
export class PathSegmentError extends Error {}

export function pathSegment(part: PathPart): string {
	if (typeof part === 'number' && !(Number.isSafeInteger(part) && part >= 0))
		throw new PathSegmentError(`${part} is not a whole number`);
	const text = String(part);
	if (text === '' || text === '.' || text === '..' || text.trim() !== text)
		throw new PathSegmentError(`"${text}" cannot be part of an address`);
	return encodeURIComponent(text);
}

export function isPathSegment(part: PathPart): boolean {
	try {
		pathSegment(part);
		return true;
	} catch {
		return false;
	}
}

/** `base` (no query, fragment or user info: checked when the credential was read) + `/a/b/c`. */
export function buildUrl(
	base: string,
	path: readonly PathPart[],
	query?: Record<string, string | number | boolean | undefined>,
): string {
	const url = new URL(base);
	url.pathname = `${url.pathname.replace(/\/+$/, '')}/${path.map(pathSegment).join('/')}`;
	for (const [key, value] of Object.entries(query ?? {})) {
		if (value !== undefined) url.searchParams.set(key, String(value));
	}
	return url.href;
}

/** `/User/5/Assign`, for messages and logs. */
export function describePath(path: readonly PathPart[]): string {
	return `/${path.map(String).join('/')}`;
}
