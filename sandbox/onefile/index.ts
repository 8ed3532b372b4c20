/**
 * A local, stateful OneFile API v2.1 sandbox for tests, demos and benchmarks. See README.md.
 *
 *   const sandbox = await startOneFileSandbox();
 *   // point the node at sandbox.url with sandbox.customerToken
 *   await sandbox.close();
 */
import { DEMO_CUSTOMER_TOKEN } from './auth';
import { applyPatch, resolveSettings } from './config';
import { achieveLearningAim, signReview } from './helpers';
import { SandboxServer } from './server';
import type { ConfigurePatch, OneFileSandbox, SandboxOptions } from './types';

export { DEMO_CUSTOMER_TOKEN } from './auth';
export { SEED, seedFor } from './seed-data';
export type { SeedForOrganisation, SeedFrameworkTemplate, SeedNamed, SeedOrganisation, SeedStandard, SeedUnit, SeedUser } from './seed-data';
export { ASSIGN_LEVELS, ERROR_CODE, MANDATORY_ON_CREATE, OPTIONAL_ON_CREATE, ROLE } from './contract';
export type * from './types';

function hostForUrl(host: string): string {
	if (host === '0.0.0.0' || host === '') return '127.0.0.1';
	if (host === '::') return '[::1]';
	return host.includes(':') ? `[${host}]` : host;
}

export async function startOneFileSandbox(options: SandboxOptions = {}): Promise<OneFileSandbox> {
	const settings = resolveSettings(options);
	const host = options.host ?? '127.0.0.1';
	const seed = options.seed ?? 1;
	let origin = '';
	const urls = { url: (): string => `${origin}${settings.basePath}` };

	const configure = (patch: unknown): void => applyPatch(server.state.settings, server.faults, patch);
	const reset = (): void => {
		server.state.log.clear();
		server.faults.restart();
		server.reseed();
	};
	const server: SandboxServer = new SandboxServer(seed, settings, options.now ?? Date.now, urls.url, configure, reset);
	if (options.faults?.script) server.faults.setScript(options.faults.script);

	const port = await server.listen(host, options.port ?? 0);
	origin = `http://${hostForUrl(host)}:${port}`;
	const { state } = server;

	return {
		url: urls.url(),
		origin,
		customerToken: DEMO_CUSTOMER_TOKEN,
		requests: () => state.log.snapshot().entries,
		counters: () => state.log.snapshot().counters,
		contractViolations: () => state.log.snapshot().violations,
		issuedSessionTokens: () => state.sessions.tokens(),
		users: () => structuredClone([...state.store.users.values()].sort((a, b) => a.ID - b.ID)),
		assignments: () => structuredClone(state.store.assignments),
		learningAims: () => structuredClone([...state.store.learningAims.values()]),
		reviews: () => structuredClone([...state.store.reviews.values()]),
		placements: () => structuredClone([...state.store.placements.values()].sort((a, b) => a.ID - b.ID)),
		classrooms: () => structuredClone([...state.store.classrooms.values()].sort((a, b) => a.ID - b.ID)),
		visits: () => structuredClone([...state.store.visits.values()]),
		plans: () => structuredClone([...state.store.plans.values()]),
		timesheets: () => structuredClone(state.store.timesheets),
		offTheJob: () => structuredClone([...state.store.offTheJob.values()]),
		configure: (patch: ConfigurePatch) => configure(patch),
		achieveLearningAim: (id, iso) => achieveLearningAim(state, id, iso),
		signReview: (id, who) => signReview(state, id, who),
		expireAllSessions: () => state.sessions.expireAll(),
		reset,
		close: () => server.close(),
	};
}
