/**
 * A OneFile sandbox and an engine whose credential points at it, for one test file:
 *
 *   const onefile = useOneFile();
 *   test('…', async () => { const result = await onefile.engine.run({ parameters }); onefile.sandbox.requests(); });
 *
 * Each test gets a reset sandbox (same seed, empty log, no faults) and a fresh credential store.
 */
import { startCountingProxy, type CountingProxy } from './counting-proxy';
import { resolveContract } from '../../sandbox/onefile/state';
import type { INodeParameters } from 'n8n-workflow';

import { startOneFileSandbox, type OneFileSandbox, type SandboxOptions } from '../../sandbox/onefile';
import type { SeedForOrganisation } from '../../sandbox/onefile/seed-data';
import { Engine } from './engine';

export interface OneFileFixture {
	sandbox: OneFileSandbox;
	engine: Engine;
	/** A new engine (new credential store) against the same sandbox. */
	newEngine(credential?: Record<string, unknown>): Engine;
}

export function useOneFile(options: SandboxOptions = {}): OneFileFixture {
	const fixture = {} as OneFileFixture;
	beforeAll(async () => {
		fixture.sandbox = await startOneFileSandbox(options);
		fixture.newEngine = (credential = {}) =>
			new Engine({ oneFileApi: { environment: 'custom', baseUrl: fixture.sandbox.url, customerToken: fixture.sandbox.customerToken, ...credential } });
	});
	beforeEach(() => {
		fixture.sandbox.reset();
		fixture.sandbox.configure(startSettings(options));
		fixture.engine = fixture.newEngine();
	});
	afterAll(async () => {
		await fixture.sandbox?.close();
	});
	return fixture;
}

/** The file's own settings again: a test's configure() must not leak into the next test. */
function startSettings(options: SandboxOptions): Parameters<OneFileSandbox['configure']>[0] {
	const noFaults = Object.fromEntries(['latencyMs', 'jitterMs', 'rateLimit', 'transientErrorRate', 'resetRate', 'ambiguousCreateRate', 'slowRate', 'slowMs', 'script'].map((k) => [k, null]));
	return {
		faults: { ...noFaults, ...options.faults } as SandboxOptions['faults'],
		auth: { ttlSeconds: 86400, maxUses: 0, expiredStatus: 401, badCustomerTokenStatus: 401, quoteToken: false, ...options.auth },
		// Every contract setting back to the sandbox's own default (new settings included), then the file's.
		contract: { ...resolveContract(undefined), ...options.contract },
	};
}

/** A resource locator value given "By ID", as a sheet column or an expression would. */
export function byId(value: string | number): INodeParameters[string] {
	return { __rl: true, mode: 'id', value: String(value) };
}

/** API calls in the sandbox log, as "METHOD /Path status". */
export function calls(sandbox: OneFileSandbox): string[] {
	return sandbox.requests().map((r) => `${r.method} ${r.path} ${r.status ?? 'dropped'}`);
}

/**
 * A proxy in front of the sandbox that counts requests in flight, and an engine that sends through
 * it; the counts start again for each test. Call after useOneFile (its sandbox starts first).
 */
export function useCountingProxy(fixture: OneFileFixture): { proxy: CountingProxy; engine: Engine } {
	const counted = {} as { proxy: CountingProxy; engine: Engine };
	beforeAll(async () => {
		counted.proxy = await startCountingProxy(fixture.sandbox.url);
	});
	afterAll(async () => {
		await counted.proxy?.close();
	});
	beforeEach(() => {
		counted.proxy.resetCounts();
		counted.engine = fixture.newEngine({ baseUrl: counted.proxy.url });
	});
	return counted;
}

/**
 * User → Create or Update of learners in `org`, the row's columns mapped (first, last, email,
 * classroom, mis): the sheet a rerun test sends twice. `extra` adds or replaces parameters.
 */
export function learnerUpsert(org: SeedForOrganisation, matchBy: 'email' | 'misId', extra: INodeParameters = {}): INodeParameters {
	return {
		resource: 'user',
		operation: 'upsert',
		role: 'learner',
		matchBy,
		organisationId: byId(org.organisation.id),
		firstName: '={{ $json.first }}',
		lastName: '={{ $json.last }}',
		email: '={{ $json.email }}',
		defaultAssessorId: byId(org.assessors[0].id),
		classroomId: byId('={{ $json.classroom }}'),
		placementId: byId(org.placements[0].id),
		...(matchBy === 'misId' ? { misId: '={{ $json.mis }}' } : {}),
		...extra,
	};
}
