import type { IExecuteFunctions } from 'n8n-workflow';

import { Checker } from '../../shared/checks/checker';
import { AdaptiveLimit } from '../../shared/items/adaptiveLimit';
import {
	AUTO_CAP,
	DEFAULT_TIMEOUT_S,
	MAX_CONCURRENCY,
	MAX_TIMEOUT_S,
} from '../descriptions/options';
import type { RequestSettings } from '../transport/settings';

/** The settings one run needs: how many items at once (a number, or Auto), and what each request is given. */
export interface RunSettings {
	parallel: number | AdaptiveLimit;
	request: RequestSettings;
}

const PARALLEL_MODES = ['auto', 'fixed'] as const;

/**
 * Requests in Parallel and Timeout, read once for the whole run (from the first item's Options)
 * through the checks: a value an expression made wrong stops the run before any request, naming
 * the option. What they mean depends on the version the node was saved at:
 * - 1: one number, 0 is Auto, default 1 (one after another);
 * - 1.1: the same number, default 0 (Auto);
 * - 1.2: a choice, Auto (default) or Fixed with its Number in Parallel.
 */
export function readRunSettings(context: IExecuteFunctions): RunSettings {
	// No row: these settings belong to the run (read from the first item, as n8n's own nodes do).
	const check = new Checker(context, undefined, 'Cannot start the run', 'OneFile');
	// The whole collection, then its fields: n8n's reader of one dotted option ('options.parallelCount')
	// judges a sibling condition (show when parallel is fixed) at the node's top level, where
	// `parallel` is absent, and would refuse an option the form rightly shows.
	const options = check.collection('options');
	const version = context.getNode().typeVersion;
	const range = { min: 1, max: MAX_CONCURRENCY };
	let fixed: number | undefined;
	if (version >= 1.2) {
		const mode = check.choice('Requests in Parallel', options.parallel, PARALLEL_MODES, 'auto');
		if (mode === 'fixed')
			fixed = check.wholeNumber('Number in Parallel', options.parallelCount, range, 1);
	} else {
		const number = check.wholeNumber(
			'Requests in Parallel',
			options.concurrency,
			{ min: 0, max: MAX_CONCURRENCY },
			version >= 1.1 ? 0 : 1,
		);
		if (number > 0) fixed = number;
	}
	const cap =
		fixed === undefined
			? check.wholeNumber("Auto's Most in Parallel", options.autoCap, range, AUTO_CAP)
			: AUTO_CAP;
	const timeout = check.wholeNumber(
		'Timeout (Seconds)',
		options.timeout,
		{ min: 1, max: MAX_TIMEOUT_S },
		DEFAULT_TIMEOUT_S,
	);
	check.done();
	const timeoutMs = timeout * 1000;
	if (fixed !== undefined) return { parallel: fixed, request: { timeoutMs } };
	// Auto: one limit the item loop asks before each start and the transport tells of each answer.
	const adaptive = new AdaptiveLimit(cap);
	return { parallel: adaptive, request: { timeoutMs, adaptive } };
}
