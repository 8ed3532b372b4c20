/**
 * `/__sandbox/*`: the in-process inspection API over HTTP, for out-of-process users (a real n8n,
 * the benchmark). Outside basePath, never needs a session, never logged, never serves a raw token.
 */
import type { FaultEngine } from './faults';
import { achieveLearningAim, signReview } from './helpers';
import { empty, json, type Reply } from './reply';
import type { SandboxState } from './state';

export interface InspectionRequest {
	method: string;
	path: string;
	query: URLSearchParams;
	rawBody: string;
}

export interface InspectionTarget {
	server: { state: SandboxState; faults: FaultEngine; seed: number };
	url: string;
	configure: (patch: unknown) => void;
	reset: () => void;
}

function publicSettings(state: SandboxState): Record<string, unknown> {
	const { settings } = state;
	return {
		basePath: settings.basePath,
		customerTokenCount: settings.customerTokens.length,
		auth: settings.auth,
		contract: settings.contract,
		faults: settings.faults,
	};
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
	if (text.trim() === '') return { ok: true, value: {} };
	try {
		return { ok: true, value: JSON.parse(text) as unknown };
	} catch {
		return { ok: false };
	}
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A helper's record as 200; 404 for an unknown ID, 400 for a bad date. */
function helperReply(run: () => unknown): Reply {
	try {
		return json(200, run());
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		return json(/^No /.test(message) ? 404 : 400, { message });
	}
}

export function handleInspection(request: InspectionRequest, target: InspectionTarget): Reply {
	const { state } = target.server;
	const name = request.path.replace(/^\/__sandbox\/?/i, '').replace(/\/+$/, '').toLowerCase();
	const method = request.method.toUpperCase();
	const key = `${method} ${name}`;
	const log = state.log.snapshot();
	switch (key) {
		case 'GET requests': {
			// ?since=N: only requests with seq > N, for polling.
			const since = Number(request.query.get('since') ?? '0');
			return json(200, log.entries.filter((entry) => entry.seq > since));
		}
		case 'GET counters':
			return json(200, log.counters);
		case 'GET violations':
			return json(200, log.violations);
		case 'GET users':
			return json(200, [...state.store.users.values()].sort((a, b) => a.ID - b.ID));
		case 'GET assignments':
			return json(200, state.store.assignments);
		case 'GET learning-aims':
			return json(200, [...state.store.learningAims.values()]);
		case 'GET reviews':
			return json(200, [...state.store.reviews.values()]);
		case 'GET plans':
			return json(200, [...state.store.plans.values()]);
		case 'GET timesheets':
			return json(200, state.store.timesheets);
		case 'GET offthejob':
			return json(200, [...state.store.offTheJob.values()]);
		case 'GET placements':
			return json(200, [...state.store.placements.values()]);
		case 'GET classrooms':
			return json(200, [...state.store.classrooms.values()]);
		case 'GET placement-links':
			return json(200, state.store.placementLinks);
		case 'GET info':
		case 'GET ':
			return json(200, { url: target.url, seed: target.server.seed, pendingScriptedFaults: target.server.faults.pendingScript(), settings: publicSettings(state) });
		case 'POST reset':
			target.reset();
			return empty(204);
		case 'POST expire-sessions':
			state.sessions.expireAll();
			return empty(204);
		case 'POST achieve-aim': {
			// Body {id, iso?}: the learning aim OneFile marks achieved (test-only, as achieveLearningAim()).
			const body = parseJson(request.rawBody);
			const value = body.ok && isRecord(body.value) ? body.value : undefined;
			if (!value || typeof value.id !== 'number' || (value.iso !== undefined && typeof value.iso !== 'string')) {
				return json(400, { message: 'Send a JSON object: {"id": learningAimId, "iso": "optional AchievedDate"}' });
			}
			return helperReply(() => achieveLearningAim(state, value.id as number, value.iso as string | undefined));
		}
		case 'POST sign-review': {
			// Body {id, learner?, assessor?, employer?}: who signs the review (test-only, as signReview()).
			const body = parseJson(request.rawBody);
			const value = body.ok && isRecord(body.value) ? body.value : undefined;
			const flag = (key: string): boolean | undefined => (value?.[key] === undefined ? undefined : (value[key] as boolean));
			if (!value || typeof value.id !== 'number' || ['learner', 'assessor', 'employer'].some((k) => value[k] !== undefined && typeof value[k] !== 'boolean')) {
				return json(400, { message: 'Send a JSON object: {"id": reviewId, "learner": true, "assessor": true, "employer": false}' });
			}
			return helperReply(() => signReview(state, value.id as number, { learner: flag('learner'), assessor: flag('assessor'), employer: flag('employer') }));
		}
		case 'POST config': {
			const parsed = parseJson(request.rawBody);
			if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) {
				return json(400, { message: 'Send a JSON object: {"faults": {...}, "auth": {...}, "contract": {...}}' });
			}
			try {
				target.configure(parsed.value);
			} catch (error) {
				return json(400, { message: error instanceof Error ? error.message : String(error) });
			}
			return json(200, publicSettings(state));
		}
		default:
			return json(404, {
				message: 'Unknown sandbox endpoint',
				endpoints: [
					'GET /__sandbox/info', 'GET /__sandbox/requests[?since=seq]', 'GET /__sandbox/counters', 'GET /__sandbox/violations',
					'GET /__sandbox/users', 'GET /__sandbox/assignments', 'GET /__sandbox/learning-aims',
					'GET /__sandbox/reviews', 'GET /__sandbox/plans', 'GET /__sandbox/timesheets', 'GET /__sandbox/offthejob', 'GET /__sandbox/placements', 'GET /__sandbox/classrooms', 'GET /__sandbox/placement-links',
					'POST /__sandbox/reset', 'POST /__sandbox/config', 'POST /__sandbox/expire-sessions',
					'POST /__sandbox/achieve-aim', 'POST /__sandbox/sign-review',
				],
			});
	}
}
