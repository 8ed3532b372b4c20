/**
 * Public types of the OneFile sandbox. The node's tests import these through `index.ts`, so names
 * here are part of the sandbox's contract with the rest of the project.
 */

export type FaultName =
	| 'status500'
	| 'status503'
	| 'status429'
	| 'reset'
	| 'ambiguousCreate'
	| 'slow'
	| 'expireSession'
	| 'html'
	| 'invalidJson'
	| 'redirect';

/** A fault applied to the next matching request(s), in script order. */
export interface ScriptedFault {
	/** HTTP method, case-insensitive; omitted = any. */
	method?: string;
	/**
	 * Path relative to basePath with the caller's casing, e.g. '/User'. A RegExp is tested as given;
	 * a string is compiled as a case-insensitive regular expression (so anchor it: '^/User$').
	 * Omitted = any path.
	 */
	path?: RegExp | string;
	fault: FaultName;
	/** How many matching requests get this fault; default 1. */
	times?: number;
	/** Retry-After for status429; default 1. */
	retryAfterSeconds?: number;
	/** For redirect: where the 302 points (a test's second host); default http://127.0.0.2:9/elsewhere. */
	location?: string;
}

export interface RateLimitOptions {
	limit: number;
	windowMs: number;
	retryAfterSeconds: number;
}

export interface FaultOptions {
	/** Added to every response. */
	latencyMs?: number;
	/** Up to this many extra ms, drawn from the seeded PRNG. */
	jitterMs?: number;
	/**
	 * A server that saturates: with more than this many requests in flight, each answer's latency
	 * grows in proportion (latencyMs × in flight ÷ saturateAt), as a server whose workers are all busy.
	 */
	saturateAt?: number;
	/** 429 + Retry-After for requests beyond `limit` in a fixed window (OneFile documents none: [G]). */
	rateLimit?: RateLimitOptions;
	/** 0..1 chance of 500 or 503 before processing (nothing stored). */
	transientErrorRate?: number;
	/** 0..1 chance to destroy the socket before processing (nothing stored). */
	resetRate?: number;
	/** 0..1 chance that POST /User stores the user and then drops the socket without answering. */
	ambiguousCreateRate?: number;
	/** 0..1 chance of processing the request and answering only after slowMs. */
	slowRate?: number;
	/** Delay for slow answers; default 10000. */
	slowMs?: number;
	/** Deterministic faults for the next matching requests. */
	script?: ScriptedFault[];
}

export interface AuthOptions {
	/** Session lifetime; default 86400 (24 h, documented). */
	ttlSeconds?: number;
	/** Optional: a session dies after this many authenticated calls. */
	maxUses?: number;
	/** Status for a missing, invalid or expired X-TokenID; default 401 ([G], undocumented). */
	expiredStatus?: 401 | 403;
	/** Status for a missing or unknown X-CustomerToken; default 401 ([G]). */
	badCustomerTokenStatus?: 400 | 401 | 403;
	/** Answer POST /Authentication with a JSON-quoted string instead of bare text ([G]); default false. */
	quoteToken?: boolean;
}

export interface ContractOptions {
	/** Default true: reject (400) what a careful reading of the docs says a client must not send. */
	strict?: boolean;
	/** Which user ID /User/{id}/Assign has in its path; default 'assignee' ([C] client code; the 2026 doc says learner). */
	assignPathId?: 'assignee' | 'learner';
	/** Whether Trainee Assessor (role 4) counts as "Assessor" for Assign; default true ([G]). */
	traineeAssessorAssignable?: boolean;
	/** Serialise response datetimes without a trailing 'Z' ([G]: clients parse them as UTC); default false. */
	responseDatesWithoutZone?: boolean;
	/** Serialise yes/no fields of progress records as "true"/"false" text ([G]: seen as text in client code); default false. */
	flagsAsText?: boolean;
	/** [G] OneFile's clock = the sandbox clock + this many ms: every stamp it writes and every `Date` header; default 0. */
	clockOffsetMs?: number;
	/** [G] Precision of the stamps OneFile writes: 'ms' (default), 'second' (truncated) or 'secondRounded' (nearest second). */
	stampPrecision?: 'ms' | 'second' | 'secondRounded';
	/** [G] User/Search `LastModified`: 'atOrAfter' (default), 'after' (strictly; per second when the given value has whole seconds) or 'ignored'. */
	lastModifiedFilter?: 'atOrAfter' | 'after' | 'ignored';
	/** [G] User/Search rows: 'summary' (default: ID, FirstName, LastName, MISID, the documented form) or 'withLastModified'. */
	searchRows?: 'summary' | 'withLastModified';
	/** [G] How answers write LastModified: 'iso' (default), 'dotnetEmpty' ('0001-01-01T00:00:00'), 'ukDate' ('dd/mm/yyyy HH:MM:SS') or 'missing'. */
	lastModifiedStyle?: 'iso' | 'dotnetEmpty' | 'ukDate' | 'missing';
	/** [G] Whether an update that changes no stored value still stamps LastModified; default true. */
	stampUnchangedWrites?: boolean;
	/** [G] What LearningAim/Search DateFrom/DateTo select: 'achievedDate' (default), 'lastModified', 'startDate' or 'ignored'. */
	learningAimDateFilter?: 'achievedDate' | 'lastModified' | 'startDate' | 'ignored';
	/**
	 * [G] What `POST /Placement` and `POST /Classroom` answer: 'bareId' (default: 200, the new ID as a
	 * bare integer, as Standard assign, Visit and Review creates do [C]), 'object' (200, `{ID}`),
	 * 'empty' (200, empty body) or 'noContent' (204).
	 */
	createAnswer?: 'bareId' | 'object' | 'empty' | 'noContent';
	/** [G] Rows of `GET /Organisation/{id}/LearnerStatuses` and `/LearningAimStatuses`: 'idName' (default, `{ID, Name}`) or 'idDescription' (`{ID, Description}`). */
	statusRows?: 'idName' | 'idDescription';
	/** [G] What `POST /Placement/{id}`, `/Classroom/{id}` and `/LearningAim/{id}` answer: 'noContent' (default: 204, as `POST /User/{id}` [C]) or 'ok' (200, empty body). */
	updateAnswer?: 'noContent' | 'ok';
	/** [G] Fields GET /User/{id} leaves out of its answer (default none): a record that does not hold every field a create takes. */
	getUserOmits?: string[];
}

export interface SandboxOptions {
	host?: string;
	port?: number;
	basePath?: string;
	/** PRNG seed for faults and generated data; default 1. */
	seed?: number;
	customerTokens?: string[];
	auth?: AuthOptions;
	contract?: ContractOptions;
	faults?: FaultOptions;
	/** Clock in epoch ms, for session expiry, rate windows, LastModified and the log; default Date.now. */
	now?: () => number;
}

export interface ConfigurePatch {
	faults?: FaultOptions;
	auth?: AuthOptions;
	contract?: ContractOptions;
}

/** Where the X-TokenID of a request stood when it arrived. */
export type SessionState = 'missing' | 'unknown' | 'expired' | 'valid';

export interface LoggedRequest {
	seq: number;
	/** Arrival time from the sandbox clock, epoch ms. */
	at: number;
	method: string;
	/** Relative to basePath, original casing, without the query string. */
	path: string;
	query: Record<string, string>;
	/** Lower-cased keys; secret-bearing header values are masked. */
	headers: Record<string, string>;
	/** Parsed JSON, decoded form fields, raw text, or undefined when the request had no body. */
	body: unknown;
	bodyEncoding: 'none' | 'json' | 'form' | 'text';
	/** Final status, or null when the socket was dropped without an answer. */
	status: number | null;
	fault?: string;
	/** Which issued session (1-based) the X-TokenID matched, valid or not. */
	sessionNo?: number;
	sessionState?: SessionState;
	/** For POST /Authentication that succeeded: the number of the session it issued. */
	issuedSessionNo?: number;
	/** Set when the request carried X-CustomerToken. */
	customerTokenValid?: boolean;
	/** True when a known secret appeared in the path, query or body (and was redacted there). */
	leakedSecret?: boolean;
	/** Requests in flight at this one's arrival, itself included (how parallel the client was). */
	inFlight?: number;
	/**
	 * For a successful partial update (POST /User/{id}, /Placement/{id}, /Classroom/{id},
	 * /LearningAim/{id}): the fields whose stored value actually changed (empty: nothing changed).
	 */
	changedFields?: string[];
	/** For a successful create (POST /User, /Placement, /Classroom, /Visit, /Review): the new record's ID. */
	createdId?: number;
}

export interface SandboxCounters {
	/** POST /Authentication calls, successful or not. */
	authCalls: number;
	/** POST /Authentication calls refused for a bad or missing customer token. */
	authFailures: number;
	/** Calls refused for a missing, unknown or expired X-TokenID. */
	sessionRejections: number;
	/** Every request under basePath, faulted ones included. */
	requests: number;
	/** Keyed by status code; 'dropped' for sockets destroyed without an answer. */
	byStatus: Record<string, number>;
	/** Users stored by POST /User (ambiguous creates included). */
	creates: number;
	/** Successful POST /User/{id}. */
	updates: number;
	/** Successful POST /User/{id} that changed at least one stored value. */
	updatesThatChanged: number;
	/** Successful POST /User/{id} whose values all equalled what was stored. */
	updatesThatChangedNothing: number;
	/** Records stored by POST /Placement, /Classroom, /Visit and /Review, keyed by resource ('Placement', …). Users are `creates`. */
	createsByResource: Record<string, number>;
	/** Successful POST /Placement/{id}, /Classroom/{id} and /LearningAim/{id}, keyed by resource. Users are `updates`. */
	updatesByResource: Record<string, number>;
	/** Successful POST /User/{id}/Assign. */
	assigns: number;
	/** Successful Standard, Unit and FrameworkTemplate assigns. */
	learningAssigns: number;
	/** Keyed by role number. */
	usersCreatedByRole: Record<string, number>;
	/** Creates whose Email or MISID already existed in the same organisation. */
	duplicates: { byEmail: number; byMisid: number };
	faultsInjected: Record<string, number>;
	contractViolations: number;
}

export type ViolationKind =
	| 'body'
	| 'missing'
	| 'type'
	| 'notAllowed'
	| 'unknownKey'
	| 'empty'
	| 'format'
	| 'reference'
	| 'rule'
	| 'route'
	| 'method';

export interface ContractViolation {
	seq: number;
	method: string;
	path: string;
	/** The message the sandbox answered with (all problems, joined). */
	reason: string;
	/** The first offending field, when a field is to blame. */
	field?: string;
	kind: ViolationKind;
	/** OneFile-style error code the sandbox answered with. */
	code: number;
	status: number;
	/** Every problem found in the request, not only the first. */
	problems: { field?: string; kind: ViolationKind; message: string }[];
}

/** A user as the sandbox stores it: OneFile field names, unset fields absent. */
export interface SandboxUser {
	ID: number;
	OrganisationID: number;
	Role: number;
	Username: string;
	FirstName: string;
	LastName: string;
	Email: string;
	LastModified: string;
	[field: string]: string | number | boolean | string[] | undefined;
}

/** One successful POST /User/{id}/Assign. */
export interface SandboxAssignment {
	assigneeId: number;
	learnerId: number;
	level: 1 | 2 | 3;
	standardId?: number;
	unitId?: string;
	at: number;
}

export interface SandboxLearningAim {
	ID: number;
	UserID: number;
	StandardID: number;
	Status: number;
	/** Unit codes assigned under this aim. */
	UnitIDs: string[];
	/** The framework template that created it, if any. */
	FrameworkTemplateID?: number;
	StartDate?: string;
	PlannedEnd?: string;
	/** Set when the aim was achieved ([G] what `LearningAimCompletionStatus: 1` selects). */
	AchievedDate?: string;
	/** Set by `POST /LearningAim/{id}` ([C] C2 sends them). */
	RegistrationNumber?: string;
	RegistrationDate?: string;
	CertificateAppliedDate?: string;
	Progress?: number;
	LastModified?: string;
}

/** An employer's workplace (§7 [C] fields; Contact to Web only once a create or update sets them). */
export interface SandboxPlacement {
	ID: number;
	OrganisationID: number;
	Name: string;
	MISID: string;
	Active: boolean;
	Address: string;
	Contact?: string;
	Email?: string;
	Telephone?: string;
	Fax?: string;
	Web?: string;
	CreatedOn?: string;
	LastModified?: string;
}

/** A cohort of learners (§7 [C] fields; the fields after MISID only once a create or update sets them). */
export interface SandboxClassroom {
	ID: number;
	OrganisationID: number;
	Name: string;
	MISID: string;
	StartOn?: string;
	Archive?: boolean;
	CompletionMessage?: string;
	SendCompletionMessage?: boolean;
	IVFinalSignOff?: boolean;
	CreatedOn?: string;
	LastModified?: string;
}

/** A visit booked by `POST /Visit` (§7 [C] fields). */
export interface SandboxVisit {
	ID: number;
	LearnerID: number;
	OrganisationID: number;
	AssessorID?: number;
	DateFrom: string;
	DateTo?: string;
	/** [G] 1 Not Specified, 2 Remote Session, 3 Face-to-face. */
	VisitTypeID: number;
	SMSReminder?: boolean;
	CreatedOn: string;
}

/** A review of a learner's progress (§7 [C] fields). */
export interface SandboxReview {
	ID: number;
	LearnerID: number;
	OrganisationID: number;
	AssessorID: number;
	EmployerID?: number;
	Status: number;
	CreatedOn: string;
	ScheduledFor: string;
	StartedOn?: string;
	AssessorSignedOn?: string;
	LearnerSignedOn?: string;
	EmployerSignedOn?: string;
	EndTime?: string;
	VisitID?: number;
	Progress: number;
}

/** A learner's plan (§7 [C] fields). */
export interface SandboxPlan {
	ID: number;
	LearnerID: number;
	OrganisationID: number;
	Title: string;
	PlanOn: string;
	AssessorSignedOn?: string;
	LearnerSignedOn?: string;
}

/** A timesheet entry (§7 [C] fields). */
export interface SandboxTimesheet {
	ID: number;
	LearnerID: number;
	TimesheetCategory: string;
	FromDate: string;
	ToDate: string;
	Comments: string;
	IsOffTheJob: boolean;
}

/** A learner's off-the-job training figures (§7 [C] fields). */
export interface SandboxOffTheJob {
	ID: number;
	LearnerID: number;
	ContractedHours: number;
	TargetPercentage: number;
	PlannedOTJ: number;
	Duration: number;
	MethodOfCalculatingOTJ: string;
	MinimumOTJ: number;
	PercentOfPlanned: number;
	CachedActualHours: number;
}

export interface ReviewSigners {
	learner?: boolean;
	assessor?: boolean;
	employer?: boolean;
}

export interface OneFileSandbox {
	/** Full base URL including basePath, e.g. http://127.0.0.1:40123/api/v2.1 */
	url: string;
	/** e.g. http://127.0.0.1:40123 */
	origin: string;
	customerToken: string;
	requests(): LoggedRequest[];
	counters(): SandboxCounters;
	contractViolations(): ContractViolation[];
	/** Raw session tokens, in issue order. Test-only: for scanning output for leaks. */
	issuedSessionTokens(): string[];
	users(): SandboxUser[];
	assignments(): SandboxAssignment[];
	learningAims(): SandboxLearningAim[];
	reviews(): SandboxReview[];
	placements(): SandboxPlacement[];
	classrooms(): SandboxClassroom[];
	visits(): SandboxVisit[];
	plans(): SandboxPlan[];
	timesheets(): SandboxTimesheet[];
	offTheJob(): SandboxOffTheJob[];
	configure(patch: ConfigurePatch): void;
	/**
	 * Test-only: OneFile marks a learning aim achieved (Status 2, Progress 100, so that
	 * `LearningAimCompletionStatus: 1` finds it) with AchievedDate = `iso` or OneFile's clock, and
	 * stamps its LastModified. Throws for an unknown aim.
	 */
	achieveLearningAim(id: number, iso?: string): SandboxLearningAim;
	/** Test-only: the learner, assessor and/or employer sign a review, each with OneFile's clock. Throws for an unknown review. */
	signReview(id: number, who: ReviewSigners): SandboxReview;
	expireAllSessions(): void;
	reset(): void;
	close(): Promise<void>;
}
