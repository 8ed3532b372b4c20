/**
 * The HTTP side: reads a request, logs it (masked), lets the fault engine decide, routes it,
 * checks the session, runs the handler and answers, after any latency. Tracks every socket and
 * timer so close() leaves nothing behind for jest to wait on.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

import { Sessions } from './auth';
import { parseBody } from './body';
import { ERROR_CODE } from './contract';
import { ApiError, oneViolation } from './errors';
import { faultReply } from './fault-replies';
import { FaultEngine } from './faults';
import { handleInspection } from './inspect';
import { Redactor, RequestLog } from './log';
import { streamFor } from './prng';
import { json, type Reply } from './reply';
import { matchRoute, type RequestContext, type RouteMatch } from './router';
import { apiRoutes, CREATE_USER_ROUTE } from './routes';
import { buildStore } from './seed';
import { oneFileNow, type SandboxState, type Settings } from './state';
import type { LoggedRequest } from './types';

const MAX_BODY_BYTES = 1024 * 1024;

/** [G] ASP.NET Web API's answer when authorisation fails; it names no token. */
const DENIED = { Message: 'Authorization has been denied for this request.' };

export class SandboxServer {
	readonly state: SandboxState;
	readonly faults: FaultEngine;
	private readonly http: Server;
	private readonly sockets = new Set<Socket>();
	private readonly timers = new Set<NodeJS.Timeout>();
	/** Requests received and not yet answered, for the saturating-server setting. */
	private inFlight = 0;
	private readonly routes = apiRoutes();
	private readonly redactor: Redactor;
	private closing = false;

	constructor(
		readonly seed: number,
		settings: Settings,
		now: () => number,
		/** The public URL, once listening (for /__sandbox/info). */
		private readonly publicUrl: () => string,
		private readonly configure: (patch: unknown) => void,
		private readonly resetAll: () => void,
	) {
		const sessions = new Sessions();
		this.redactor = new Redactor(() => [...this.state.settings.customerTokens, ...sessions.tokens()]);
		const dataRandom = streamFor(seed, 'data');
		this.state = { store: buildStore(dataRandom, now()), settings, log: new RequestLog(this.redactor), sessions, dataRandom, now };
		this.faults = new FaultEngine(seed);
		this.http = createServer((req, res) => {
			this.onRequest(req, res).catch((error: unknown) => this.crash(res, error));
		});
		this.http.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
	}

	/** Reseeds the data stream and rebuilds the store (same seed, same data). */
	reseed(): void {
		const dataRandom = streamFor(this.seed, 'data');
		this.state.store = buildStore(dataRandom, this.state.now());
		this.state.dataRandom = dataRandom;
	}

	listen(host: string, port: number): Promise<number> {
		return new Promise((resolve, reject) => {
			this.http.once('error', reject);
			this.http.listen(port, host, () => {
				this.http.off('error', reject);
				const address = this.http.address();
				resolve(typeof address === 'object' && address ? address.port : port);
			});
		});
	}

	close(): Promise<void> {
		this.closing = true;
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		return new Promise((resolve) => {
			this.http.close(() => resolve());
			// Keep-alive and half-answered (slow) sockets would hold close() open.
			this.http.closeAllConnections();
			for (const socket of this.sockets) socket.destroy();
		});
	}

	private later(ms: number, run: () => void): void {
		if (ms <= 0) return run();
		const timer = setTimeout(() => {
			this.timers.delete(timer);
			run();
		}, ms);
		this.timers.add(timer);
	}

	private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
		const read = await readBody(req);
		if (read.kind === 'aborted' || this.closing) return void req.socket.destroy();
		if (read.kind === 'tooLarge') {
			res.writeHead(413, { 'Content-Type': 'application/json; charset=utf-8', Connection: 'close', Date: this.dateHeader() });
			res.end(JSON.stringify({ code: ERROR_CODE.InvalidBody, message: 'Request body too large' }));
			return;
		}
		const raw = read.text;
		const basePath = this.state.settings.basePath;
		if (url.pathname.toLowerCase().startsWith('/__sandbox')) {
			const reply = handleInspection({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, rawBody: raw }, {
				server: this,
				url: this.publicUrl(),
				configure: this.configure,
				reset: this.resetAll,
			});
			return this.write(res, reply);
		}
		const underBase = isUnder(url.pathname, basePath);
		const path = underBase ? url.pathname.slice(basePath.length) || '/' : url.pathname;
		const headers = flatHeaders(req);
		const body = parseBody(raw, headers['content-type']);
		const { state } = this;
		const entry = state.log.begin({
			at: state.now(),
			method: req.method ?? 'GET',
			path,
			query: Object.fromEntries(url.searchParams),
			headers,
			body: body.value,
			bodyEncoding: body.encoding,
		});
		const customerToken = headers['x-customertoken'];
		if (customerToken !== undefined) entry.customerTokenValid = state.settings.customerTokens.includes(customerToken);
		const sessionNo = state.sessions.numberOf(headers['x-tokenid']);
		if (sessionNo !== undefined) entry.sessionNo = sessionNo;

		const match: RouteMatch = underBase ? matchRoute(this.routes, entry.method, path) : { kind: 'none' };
		const isCreate = match.kind === 'found' && match.route === CREATE_USER_ROUTE;
		const decision = this.faults.decide({ method: entry.method, path, isCreate }, state.settings.faults, state.now());
		this.inFlight++;
		entry.inFlight = this.inFlight;
		res.on('close', () => this.inFlight--);
		const saturateAt = state.settings.faults.saturateAt;
		if (saturateAt && this.inFlight > saturateAt) decision.delayMs = Math.round(decision.delayMs * (this.inFlight / saturateAt));

		if (decision.early) {
			const early = decision.early;
			if (early.kind === 'reset') {
				state.log.finish(entry, null, early.fault);
				return void req.socket.destroy();
			}
			const reply = faultReply(early);
			state.log.finish(entry, reply.status, early.fault);
			return this.later(decision.delayMs, () => this.write(res, reply));
		}
		if (decision.expireSessions) state.sessions.expireAll();

		const ctx: RequestContext = { seq: entry.seq, method: entry.method, path, headers, body, params: {} };
		const reply = this.dispatch(match, ctx, entry);
		if (ctx.issuedSessionNo !== undefined) entry.issuedSessionNo = ctx.issuedSessionNo;
		if (ctx.changedFields !== undefined) entry.changedFields = ctx.changedFields;
		if (ctx.createdId !== undefined) entry.createdId = ctx.createdId;
		if (decision.dropAfterProcessing) {
			state.log.finish(entry, null, decision.fault);
			return void req.socket.destroy();
		}
		state.log.finish(entry, reply.status, decision.fault);
		this.later(decision.delayMs + (decision.slowMs ?? 0), () => this.write(res, reply));
	}

	private dispatch(match: RouteMatch, ctx: RequestContext, entry: LoggedRequest): Reply {
		const { state } = this;
		try {
			if (match.kind === 'none') {
				throw oneViolation(404, { kind: 'route', code: ERROR_CODE.RouteNotFound, message: `No OneFile endpoint matches ${ctx.method} ${state.settings.basePath}${ctx.path}` });
			}
			if (match.kind === 'wrongMethod') {
				const error = oneViolation(405, { kind: 'method', code: ERROR_CODE.MethodNotAllowed, message: `${ctx.method} is not allowed here; use ${match.allowed.join(' or ')}` });
				this.recordViolation(error, ctx);
				return { ...json(405, error.body()), headers: { Allow: match.allowed.join(', ') } };
			}
			ctx.params = match.params;
			if (match.route.needsSession) {
				const { auth } = state.settings;
				const check = state.sessions.use(ctx.headers['x-tokenid'], state.now(), auth);
				entry.sessionState = check.state;
				if (check.no !== undefined) entry.sessionNo = check.no;
				if (check.state !== 'valid') {
					state.log.counters.sessionRejections++;
					return json(auth.expiredStatus, DENIED);
				}
			}
			return match.route.handler(ctx, state);
		} catch (error) {
			if (!(error instanceof ApiError)) throw error;
			if (error.isViolation) this.recordViolation(error, ctx);
			// Messages can quote what the client sent; never serve a secret back, even to its sender.
			return json(error.status, { code: error.code, message: this.redactor.text(error.message).text });
		}
	}

	private recordViolation(error: ApiError, ctx: RequestContext): void {
		const first = error.problems[0]!;
		const clean = (text: string): string => this.redactor.text(text).text;
		this.state.log.violation({
			seq: ctx.seq,
			method: ctx.method,
			path: clean(ctx.path),
			reason: clean(error.message),
			...(first.field === undefined ? {} : { field: first.field }),
			kind: first.kind,
			code: error.code,
			status: error.status,
			problems: error.problems.map((p) => ({ ...(p.field === undefined ? {} : { field: p.field }), kind: p.kind, message: clean(p.message) })),
		});
	}

	private write(res: ServerResponse, reply: Reply): void {
		if (res.destroyed || res.writableEnded) return;
		const headers: Record<string, string | number> = { Date: this.dateHeader(), ...reply.headers };
		if (reply.body !== undefined) {
			headers['Content-Type'] = reply.contentType ?? 'application/json; charset=utf-8';
			headers['Content-Length'] = Buffer.byteLength(reply.body);
		} else if (reply.status !== 204) {
			headers['Content-Length'] = 0;
		}
		res.writeHead(reply.status, headers);
		res.end(reply.body);
	}

	/** RFC 7231 `Date` from OneFile's clock ([G] `contract.clockOffsetMs`), whole seconds, as the answer leaves. */
	private dateHeader(): string {
		return new Date(oneFileNow(this.state)).toUTCString();
	}

	private crash(res: ServerResponse, error: unknown): void {
		// A sandbox bug, not an emulated fault: say so plainly (no request data, so no secrets).
		const message = error instanceof Error ? error.message : String(error);
		if (!res.headersSent && !res.destroyed) this.write(res, json(500, { code: -1099, message: `Sandbox internal error: ${message}` }));
	}
}

function isUnder(pathname: string, basePath: string): boolean {
	if (basePath === '') return true;
	const lower = pathname.toLowerCase();
	const base = basePath.toLowerCase();
	return lower === base || lower.startsWith(`${base}/`);
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(req.headers)) {
		if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
	}
	return headers;
}

type BodyRead = { kind: 'ok'; text: string } | { kind: 'tooLarge' } | { kind: 'aborted' };

/** The whole body as text; the client may also give up half-way or send too much. */
function readBody(req: IncomingMessage): Promise<BodyRead> {
	return new Promise((resolve) => {
		const chunks: Buffer[] = [];
		let size = 0;
		let tooLarge = false;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) tooLarge = true;
			else chunks.push(chunk);
		});
		req.on('end', () => resolve(tooLarge ? { kind: 'tooLarge' } : { kind: 'ok', text: Buffer.concat(chunks).toString('utf8') }));
		req.on('error', () => resolve({ kind: 'aborted' }));
		req.on('close', () => {
			if (!req.complete) resolve({ kind: 'aborted' });
		});
	});
}
