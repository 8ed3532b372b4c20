/** A plain HTTP client for the sandbox's contract tests: no n8n, no node code. */
import type { OneFileSandbox } from '../../sandbox/onefile';

export interface Answer {
	status: number;
	text: string;
	json: unknown;
	headers: Headers;
}

export async function call(sandbox: OneFileSandbox, method: string, path: string, options: { body?: unknown; token?: string | null; customerToken?: string; raw?: string; contentType?: string } = {}): Promise<Answer> {
	const headers: Record<string, string> = {};
	if (options.token) headers['X-TokenID'] = options.token;
	if (options.customerToken !== undefined) headers['X-CustomerToken'] = options.customerToken;
	let body: string | undefined;
	if (options.raw !== undefined) {
		body = options.raw;
		headers['Content-Type'] = options.contentType ?? 'application/x-www-form-urlencoded';
	} else if (options.body !== undefined) {
		body = JSON.stringify(options.body);
		headers['Content-Type'] = 'application/json';
	}
	const response = await fetch(`${sandbox.url}${path}`, { method, headers, body });
	const text = await response.text();
	let json: unknown;
	try {
		json = text ? JSON.parse(text) : undefined;
	} catch {
		json = undefined;
	}
	return { status: response.status, text, json, headers: response.headers };
}

export async function signIn(sandbox: OneFileSandbox): Promise<string> {
	const answer = await call(sandbox, 'POST', '/Authentication', { customerToken: sandbox.customerToken });
	if (answer.status !== 200) throw new Error(`sign-in failed: ${answer.status}`);
	return answer.text.trim().replace(/^"|"$/g, '');
}
