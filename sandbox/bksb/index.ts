/**
 * A local bksb Live 2 API for tests and demos (docs/bksb-api.md), on loopback:
 *   const bksb = await startBksbSandbox();  // bksb.url, bksb.accessKeyId, bksb.secretKey
 * HTTP Basic authentication (access key ID : secret key) [inferred]; the API under one or both
 * base paths (`/live2api/api`, `/api`) [open question in the reference]; errors as
 * GenericResponseMessage [inferred]. Guesses are options.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import { COURSE_SUBJECTS, generatedUser, isoFromSimple, ORG_ID, seedGroups, seedUsers, simpleDateProblem, userView, type BksbUser, type BksbUserGroup, type SimpleDateTime } from './model';

export const DEMO_ACCESS_KEY_ID = 'demo-bksb-access-key-4417';
export const DEMO_SECRET_KEY = 'demoBksbSecretKeyNotARealSecret4417xQ9w';

export interface BksbSandboxOptions {
	port?: number;
	/** Base paths served; default ['/live2api/api'] ([G]: the reference cannot tell which is real). */
	basePaths?: string[];
	/** [G] refuse a second user with the same username; default true. */
	uniqueUsernames?: boolean;
}

export interface BksbLoggedRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	/** The Authorization header, masked: `Basic <masked>` or absent. */
	authorization?: string;
	body: unknown;
	status: number;
}

export interface BksbSandbox {
	url: string;
	accessKeyId: string;
	secretKey: string;
	requests(): BksbLoggedRequest[];
	users(): BksbUser[];
	counters(): { requests: number; creates: number; authFailures: number };
	/**
	 * Fault injection: the next `times` requests whose key is accepted (default 1) answer `status`
	 * with a GenericResponseMessage, as bksb's gateway or rate limit would, e.g. 429 with
	 * `{ 'Retry-After': '120' }`. Cleared by reset().
	 */
	failNext(status: number, options?: { times?: number; headers?: Record<string, string>; description?: string }): void;
	reset(): void;
	close(): Promise<void>;
}

interface Fault {
	status: number;
	headers: Record<string, string>;
	description: string;
}

interface State {
	users: Map<number, BksbUser>;
	groups: BksbUserGroup[];
	nextUserId: number;
	nextSessionId: number;
	log: BksbLoggedRequest[];
	creates: number;
	authFailures: number;
	faults: Fault[];
}

function freshState(): State {
	const users = new Map(seedUsers().map((u) => [u.UserId, u]));
	const groups = seedGroups();
	for (const group of groups) for (const id of group.members) if (!users.has(id)) users.set(id, generatedUser(id));
	return { users, groups, nextUserId: 33001, nextSessionId: 7001, log: [], creates: 0, authFailures: 0, faults: [] };
}

/** GenericResponseMessage ([D] shape on update endpoints; [G] also used for errors). */
function generic(status: number, statusName: string, description: string, data: string | null = null) {
	return { HttpStatusCode: status, HttpStatus: statusName, Status: status < 300 ? 'Success' : 'Error', Description: description, Data: data };
}

const STATUS_NAMES: Record<number, string> = { 200: 'OK', 400: 'BadRequest', 401: 'Unauthorized', 404: 'NotFound', 429: 'TooManyRequests', 500: 'InternalServerError', 502: 'BadGateway', 503: 'ServiceUnavailable', 504: 'GatewayTimeout' };

class Reply {
	constructor(readonly status: number, readonly body: unknown, readonly headers: Record<string, string> = {}) {}
}

const fail = (status: number, description: string) => new Reply(status, generic(status, STATUS_NAMES[status] ?? 'Error', description));

function page(query: Record<string, string>): { page: number; size: number; text: string } | Reply {
	const pageNo = Number(query.page);
	const size = Number(query.recordsPerPage);
	if (!Number.isInteger(pageNo) || pageNo < 1 || !Number.isInteger(size) || size < 1) return fail(400, 'page and recordsPerPage are required whole numbers from 1');
	return { page: pageNo, size, text: (query.query ?? '').toLowerCase() };
}

function route(state: State, options: Required<BksbSandboxOptions>, method: string, path: string, query: Record<string, string>, body: unknown): Reply {
	let m: RegExpExecArray | null;
	if (method === 'POST' && /^\/users\/createUser$/i.test(path)) return createUser(state, options, body);
	if (method === 'GET' && (m = /^\/users\/user\/(\d+)$/i.exec(path))) {
		const user = state.users.get(Number(m[1]));
		return user ? new Reply(200, userView(user)) : fail(404, `User ${m[1]} not found`);
	}
	if (method === 'POST' && (m = /^\/users\/user\/(\d+)\/updateDateOfBirth$/i.exec(path))) {
		const user = state.users.get(Number(m[1]));
		if (!user) return fail(404, `User ${m[1]} not found`);
		const problem = simpleDateProblem(body);
		if (problem) return fail(400, problem);
		user.DateOfBirth = isoFromSimple(body as SimpleDateTime);
		return new Reply(200, generic(200, 'OK', 'Date of birth updated'));
	}
	if (method === 'GET' && /^\/userGroups\/search$/i.test(path)) {
		const p = page(query);
		if (p instanceof Reply) return p;
		const matches = state.groups.filter((g) => !p.text || g.UserGroupName.toLowerCase().includes(p.text));
		const groups = matches.slice((p.page - 1) * p.size, p.page * p.size).map(({ members, ...g }) => ({ ...g, NoOfMembers: members.length }));
		return new Reply(200, { Groups: groups, Pagination: { CurrentPage: p.page, TotalRecords: matches.length, RecordsPerPage: p.size } });
	}
	if (method === 'GET' && (m = /^\/userGroups\/userGroup\/(\d+)\/getMembers$/i.exec(path))) {
		const group = state.groups.find((g) => g.UserGroupId === Number(m?.[1]));
		if (!group) return fail(404, `User group ${m[1]} not found`);
		const p = page(query);
		if (p instanceof Reply) return p;
		const members = group.members.map((id) => state.users.get(id)).filter((u): u is BksbUser => !!u && (!p.text || `${u.Firstname} ${u.Lastname} ${u.Username}`.toLowerCase().includes(p.text)));
		return new Reply(200, { Users: members.slice((p.page - 1) * p.size, p.page * p.size).map(userView), Pagination: { CurrentPage: p.page, TotalRecords: members.length, RecordsPerPage: p.size } });
	}
	if (method === 'GET' && (m = /^\/assessmentSessions\/get(Initial|Diagnostic)AssessmentSessionLinkForCourse$/i.exec(path))) return sessionLink(state, m[1].toLowerCase() === 'diagnostic', query);
	if (method === 'GET' && /^\/assessmentSessions\/getEOAReportLinkForSession$/i.test(path)) {
		const user = state.users.get(Number(query.userId));
		if (!user || !Number.isInteger(Number(query.sessionId)) || !query.sessionId) return fail(400, 'sessionId and userId must name an existing session and user');
		return new Reply(200, { UserId: user.UserId, SessionId: Number(query.sessionId), Expiry: expiry(), Token: `eoa${query.sessionId}`, Link: `https://demo.bksblive2.example/report?session=${query.sessionId}`, ReturlUrl: null });
	}
	return fail(404, `No endpoint ${method} ${path}`);
}

function createUser(state: State, options: Required<BksbSandboxOptions>, body: unknown): Reply {
	if (!body || typeof body !== 'object') return fail(400, 'The body must be an AddUserRequest');
	const request = body as Record<string, unknown>;
	for (const key of Object.keys(request)) {
		if (!['Username', 'Firstname', 'Lastname', 'Password', 'Email', 'DateOfBirth', 'AutoEnrolCourses'].includes(key)) return fail(400, `Unknown field ${key}`);
	}
	for (const key of ['Username', 'Firstname', 'Lastname']) {
		if (typeof request[key] !== 'string' || !(request[key] as string).trim()) return fail(400, `${key} is required`);
	}
	if (request.Email !== undefined && typeof request.Email !== 'string') return fail(400, 'Email must be text');
	if (request.AutoEnrolCourses !== undefined && typeof request.AutoEnrolCourses !== 'boolean') return fail(400, 'AutoEnrolCourses must be true or false');
	if (request.DateOfBirth !== undefined) {
		const problem = simpleDateProblem(request.DateOfBirth);
		if (problem) return fail(400, problem);
	}
	const username = String(request.Username);
	if (options.uniqueUsernames && [...state.users.values()].some((u) => u.Username.toLowerCase() === username.toLowerCase())) return fail(400, `Username ${username} is already taken`);
	const user: BksbUser = {
		UserId: state.nextUserId++, OrgId: ORG_ID, Username: username, Firstname: String(request.Firstname), Lastname: String(request.Lastname), IsArchived: false,
		Email: typeof request.Email === 'string' ? request.Email : '', DateOfBirth: request.DateOfBirth ? isoFromSimple(request.DateOfBirth as SimpleDateTime) : null,
		ProfilePhotoUrl: null, DateCreated: new Date().toISOString(), LastActivity: null, IsStaff: false, AdvancedID: null, workingLevels: [],
		password: typeof request.Password === 'string' && request.Password ? request.Password : 'org-default',
	};
	state.users.set(user.UserId, user);
	state.creates++;
	return new Reply(200, userView(user));
}

function expiry(): string {
	return new Date(Date.now() + 30 * 60 * 1000).toISOString();
}

function sessionLink(state: State, diagnostic: boolean, query: Record<string, string>): Reply {
	const user = state.users.get(Number(query.userId));
	if (!user) return fail(400, `User ${query.userId ?? ''} not found`);
	const subject = COURSE_SUBJECTS.find((s) => s.toLowerCase() === (query.courseSubject ?? '').toLowerCase());
	if (!subject) return fail(400, `courseSubject must be one of ${COURSE_SUBJECTS.join(', ')}`);
	// [D] the diagnostic needs a working level; without one bksb throws its generic exception.
	if (diagnostic && !user.workingLevels.includes(subject)) return fail(500, 'No working level is set for this course: take the initial assessment first');
	const sessionId = state.nextSessionId++;
	return new Reply(200, {
		UserId: user.UserId, AssessmentId: diagnostic ? 2 : 1, AssessmentName: `${subject} ${diagnostic ? 'Diagnostic' : 'Initial Assessment'}`,
		Session: { SessionId: sessionId, UserId: user.UserId, DateStarted: new Date().toISOString(), SessionStatus: 0, SessionType: diagnostic ? 2 : 1 },
		Expiry: expiry(), Token: `tok${sessionId}`, Link: `https://demo.bksblive2.example/launch?session=${sessionId}`, ReturlUrl: null,
	});
}

export async function startBksbSandbox(opts: BksbSandboxOptions = {}): Promise<BksbSandbox> {
	const options: Required<BksbSandboxOptions> = { port: opts.port ?? 0, basePaths: opts.basePaths ?? ['/live2api/api'], uniqueUsernames: opts.uniqueUsernames ?? true };
	let state = freshState();
	const expected = `Basic ${Buffer.from(`${DEMO_ACCESS_KEY_ID}:${DEMO_SECRET_KEY}`).toString('base64')}`;
	const sockets = new Set<Socket>();

	const handle = (request: IncomingMessage, response: ServerResponse, raw: string) => {
		const url = new URL(request.url ?? '/', 'http://sandbox');
		const query = Object.fromEntries(url.searchParams.entries());
		let body: unknown;
		try {
			body = raw ? JSON.parse(raw) : undefined;
		} catch {
			body = raw;
		}
		const base = options.basePaths.find((b) => url.pathname.toLowerCase().startsWith(`${b.toLowerCase()}/`));
		let reply: Reply;
		if (!base) reply = fail(404, `No API under ${url.pathname}`);
		else if (request.headers.authorization !== expected) {
			state.authFailures++;
			reply = fail(401, 'The access key ID or secret key is not valid');
		} else {
			const fault = state.faults.shift();
			reply = fault ? new Reply(fault.status, generic(fault.status, STATUS_NAMES[fault.status] ?? 'Error', fault.description), fault.headers) : route(state, options, request.method ?? 'GET', url.pathname.slice(base.length), query, body);
		}
		state.log.push({ method: request.method ?? 'GET', path: url.pathname, query, authorization: request.headers.authorization ? 'Basic <masked>' : undefined, body, status: reply.status });
		const text = JSON.stringify(reply.body);
		response.writeHead(reply.status, { ...reply.headers, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
		response.end(text);
	};

	const server: Server = createServer((request, response) => {
		let raw = '';
		request.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
		request.on('end', () => handle(request, response, raw));
	});
	server.on('connection', (socket: Socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		accessKeyId: DEMO_ACCESS_KEY_ID,
		secretKey: DEMO_SECRET_KEY,
		requests: () => structuredClone(state.log),
		users: () => structuredClone([...state.users.values()]),
		counters: () => ({ requests: state.log.length, creates: state.creates, authFailures: state.authFailures }),
		failNext: (status, fault = {}) => {
			for (let i = 0; i < (fault.times ?? 1); i++) state.faults.push({ status, headers: fault.headers ?? {}, description: fault.description ?? STATUS_NAMES[status] ?? 'Error' });
		},
		reset: () => {
			state = freshState();
		},
		close: async () => {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
