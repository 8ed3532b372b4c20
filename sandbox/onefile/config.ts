/** Turning options and live patches into Settings; patches from HTTP are checked before use. */
import { DEMO_CUSTOMER_TOKEN } from './auth';
import { FAULT_NAMES, type FaultEngine } from './faults';
import { resolveAuth, resolveContract, type Settings } from './state';
import type { ConfigurePatch, FaultOptions, SandboxOptions, ScriptedFault } from './types';

export function normaliseBasePath(basePath: string | undefined): string {
	const raw = (basePath ?? '/api/v2.1').trim();
	const trimmed = raw.replace(/\/+$/, '');
	if (trimmed === '') return '';
	return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

export function resolveSettings(options: SandboxOptions): Settings {
	const { script: _script, ...faults } = options.faults ?? {};
	return {
		basePath: normaliseBasePath(options.basePath),
		customerTokens: options.customerTokens ?? [DEMO_CUSTOMER_TOKEN],
		auth: resolveAuth(options.auth),
		contract: resolveContract(options.contract),
		faults: cleanFaults({}, faults),
	};
}

/** Merges fault settings; null or undefined removes a setting (JSON cannot send undefined). */
function cleanFaults(current: Omit<FaultOptions, 'script'>, patch: Record<string, unknown>): Omit<FaultOptions, 'script'> {
	const next: Record<string, unknown> = { ...current };
	for (const [key, value] of Object.entries(patch)) {
		if (key === 'script') continue;
		if (value === null || value === undefined) delete next[key];
		else next[key] = value;
	}
	return next as Omit<FaultOptions, 'script'>;
}

const FAULT_KEYS = ['latencyMs', 'jitterMs', 'saturateAt', 'rateLimit', 'transientErrorRate', 'resetRate', 'ambiguousCreateRate', 'slowRate', 'slowMs', 'script'];
const AUTH_KEYS = ['ttlSeconds', 'maxUses', 'expiredStatus', 'badCustomerTokenStatus', 'quoteToken'];
const CONTRACT_KEYS = [
	'strict',
	'assignPathId',
	'traineeAssessorAssignable',
	'responseDatesWithoutZone',
	'flagsAsText',
	'clockOffsetMs',
	'stampPrecision',
	'lastModifiedFilter',
	'searchRows',
	'lastModifiedStyle',
	'stampUnchangedWrites',
	'learningAimDateFilter',
	'createAnswer',
	'statusRows',
	'updateAnswer',
	'getUserOmits',
];

/** Allowed values of the contract settings that are one of a few words (null or undefined: back to the default). */
const CONTRACT_CHOICES: Record<string, readonly string[]> = {
	assignPathId: ['assignee', 'learner'],
	stampPrecision: ['ms', 'second', 'secondRounded'],
	lastModifiedFilter: ['atOrAfter', 'after', 'ignored'],
	searchRows: ['summary', 'withLastModified'],
	lastModifiedStyle: ['iso', 'dotnetEmpty', 'ukDate', 'missing'],
	learningAimDateFilter: ['achievedDate', 'lastModified', 'startDate', 'ignored'],
	createAnswer: ['bareId', 'object', 'empty', 'noContent'],
	statusRows: ['idName', 'idDescription'],
	updateAnswer: ['noContent', 'ok'],
};
const CONTRACT_FLAGS = ['strict', 'traineeAssessorAssignable', 'responseDatesWithoutZone', 'flagsAsText', 'stampUnchangedWrites'];

/** Checks the values of a contract patch; null and undefined mean "the default". */
function checkContractValues(patch: Record<string, unknown>): void {
	for (const [key, value] of Object.entries(patch)) {
		if (value === null || value === undefined) continue;
		const choices = CONTRACT_CHOICES[key];
		if (choices && !choices.includes(value as string)) throw new Error(`contract.${key} must be one of ${choices.join(', ')}`);
		if (CONTRACT_FLAGS.includes(key) && typeof value !== 'boolean') throw new Error(`contract.${key} must be true or false`);
		if (key === 'getUserOmits' && (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))) throw new Error('contract.getUserOmits must be a list of field names');
		if (key === 'clockOffsetMs' && (typeof value !== 'number' || !Number.isFinite(value))) throw new Error('contract.clockOffsetMs must be a finite number of milliseconds');
	}
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkKeys(section: string, value: unknown, allowed: readonly string[]): Record<string, unknown> | undefined {
	if (value === undefined) return undefined;
	if (!isObject(value)) throw new Error(`${section} must be an object`);
	const unknown = Object.keys(value).filter((key) => !allowed.includes(key));
	if (unknown.length > 0) throw new Error(`Unknown ${section} setting(s): ${unknown.join(', ')}; known: ${allowed.join(', ')}`);
	return value;
}

function checkScript(value: unknown): ScriptedFault[] {
	if (!Array.isArray(value)) throw new Error('faults.script must be an array');
	return value.map((item: unknown, index) => {
		if (!isObject(item)) throw new Error(`faults.script[${index}] must be an object`);
		if (!FAULT_NAMES.includes(item.fault as ScriptedFault['fault'])) throw new Error(`faults.script[${index}].fault must be one of ${FAULT_NAMES.join(', ')}`);
		if (item.path !== undefined && typeof item.path !== 'string' && !(item.path instanceof RegExp)) throw new Error(`faults.script[${index}].path must be a string (a regular expression) or a RegExp`);
		return item as unknown as ScriptedFault;
	});
}

/** Applies a patch in place. Accepts anything (HTTP) and throws a readable Error when it is wrong. */
export function applyPatch(settings: Settings, faults: FaultEngine, patch: unknown): void {
	if (!isObject(patch)) throw new Error('The patch must be an object');
	checkKeys('patch', patch, ['faults', 'auth', 'contract']);
	const typed = patch as ConfigurePatch;
	const faultPatch = checkKeys('faults', typed.faults, FAULT_KEYS);
	const authPatch = checkKeys('auth', typed.auth, AUTH_KEYS);
	const contractPatch = checkKeys('contract', typed.contract, CONTRACT_KEYS);
	if (contractPatch) checkContractValues(contractPatch);
	// Check everything before changing anything, so a bad patch changes nothing.
	const script = faultPatch && 'script' in faultPatch && faultPatch.script !== null && faultPatch.script !== undefined ? checkScript(faultPatch.script) : undefined;
	if (script) faults.setScript(script);
	else if (faultPatch && 'script' in faultPatch) faults.setScript([]);
	if (faultPatch) {
		settings.faults = cleanFaults(settings.faults, faultPatch);
		if ('rateLimit' in faultPatch) faults.resetRateWindow();
	}
	if (authPatch) settings.auth = resolveAuth(authPatch, settings.auth);
	if (contractPatch) settings.contract = resolveContract(contractPatch, settings.contract);
}
