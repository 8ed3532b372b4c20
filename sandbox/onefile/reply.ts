/** What a route answers; server.ts turns it into bytes. */
export interface Reply {
	status: number;
	body?: string;
	contentType?: string;
	headers?: Record<string, string>;
}

export const JSON_TYPE = 'application/json; charset=utf-8';

export function json(status: number, value: unknown): Reply {
	return { status, body: JSON.stringify(value), contentType: JSON_TYPE };
}

export function empty(status: number): Reply {
	return { status };
}

export function text(status: number, value: string, contentType = 'text/plain; charset=utf-8'): Reply {
	return { status, body: value, contentType };
}

/** [C] Searches answer 204 with no body when nothing matches (C4, for User/Search). */
export function rows(list: unknown[]): Reply {
	return list.length === 0 ? empty(204) : json(200, list);
}
