/**
 * Hostile and broken servers on loopback, for the security suite: a programmable "OneFile" (or
 * bksb) on 127.0.0.1 and a second host on 127.0.0.2 that must never hear from the node.
 *
 *   const api = await startHost('127.0.0.1', { 'GET /api/User/5': (req, res) => redirect(res, other.url('/x')) });
 *   api.seen  // every request it received, headers and body included (unmasked: test-only)
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Socket } from 'node:net';

export interface Seen {
	method: string;
	path: string;
	headers: IncomingMessage['headers'];
	body: string;
}

/** Answers one request; `body` is the request body as text. */
export type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void | Promise<void>;

export interface Host {
	origin: string;
	url(path?: string): string;
	/** Every request received, in order. */
	seen: Seen[];
	/** Requests whose connection the client closed before the answer was complete. */
	abandoned: string[];
	/** Routes by "METHOD /path" (query ignored); the fallback answers 404. */
	routes: Record<string, Handler>;
	close(): Promise<void>;
}

export const CUSTOMER_TOKEN = 'customer-token-SECRET-0123456789abcdef';
export const SESSION_TOKEN = 'session-token-SECRET-9876543210fedcba';

export async function startHost(address: string, routes: Record<string, Handler> = {}): Promise<Host> {
	const seen: Seen[] = [];
	const abandoned: string[] = [];
	const sockets = new Set<Socket>();
	const host: Partial<Host> = { seen, abandoned, routes };
	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const path = (req.url ?? '/').split('?')[0];
			const body = Buffer.concat(chunks).toString('utf8');
			seen.push({ method: req.method ?? 'GET', path, headers: req.headers, body });
			res.on('close', () => {
				if (!res.writableFinished) abandoned.push(`${req.method} ${path}`);
			});
			const handler = (host.routes ?? {})[`${req.method} ${path}`] ?? notFound;
			Promise.resolve(handler(req, res, body)).catch(() => res.destroy());
		});
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(0, address, resolve));
	const { port } = server.address() as AddressInfo;
	host.origin = `http://${address}:${port}`;
	host.url = (path = '') => `${host.origin}${path}`;
	host.close = () =>
		new Promise<void>((resolve) => {
			server.close(() => resolve());
			server.closeAllConnections();
			for (const socket of sockets) socket.destroy();
		});
	return host as Host;
}

export function json(res: ServerResponse, status: number, body: unknown): void {
	res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
	res.end(JSON.stringify(body));
}

function notFound(_req: IncomingMessage, res: ServerResponse): void {
	json(res, 404, { Message: 'No HTTP resource was found that matches the request URI.' });
}

export function redirect(res: ServerResponse, status: 301 | 302 | 303 | 307 | 308, location: string): void {
	res.writeHead(status, { Location: location, 'Content-Type': 'text/plain' });
	res.end(`Moved to ${location}`);
}

/** Headers now, then the body one byte every `everyMs`, for `totalMs` in all (a slow-loris answer). */
export function drip(res: ServerResponse, text: string, everyMs: number): Promise<void> {
	res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
	return new Promise((resolve) => {
		let at = 0;
		const timer = setInterval(() => {
			if (res.destroyed || at >= text.length) {
				clearInterval(timer);
				if (!res.destroyed) res.end();
				resolve();
				return;
			}
			res.write(text[at++]);
		}, everyMs);
	});
}

/** OneFile's sign-in and customer answers, so a test only writes the routes it is about. */
export function oneFileRoutes(base: string, routes: Record<string, Handler> = {}): Record<string, Handler> {
	return {
		[`POST ${base}/Authentication`]: (_req, res) => {
			res.writeHead(200, { 'Content-Type': 'text/plain' });
			res.end(SESSION_TOKEN);
		},
		[`GET ${base}/Customer`]: (_req, res) => json(res, 200, { ID: 1, Name: 'Hostile Training Ltd' }),
		...routes,
	};
}

/** Waits (up to `ms`) until `condition` holds: a server hears of a closed connection a moment after the client closes it. */
export async function eventually(condition: () => boolean, ms = 2000): Promise<void> {
	const until = Date.now() + ms;
	while (!condition() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
}
