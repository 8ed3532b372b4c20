import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { Checker } from '../../../shared/checks/checker';
import { idFromAnswer } from '../../../shared/checks/values';
import { updateDisplayOptions } from '../../../shared/descriptions/displayOptions';
import { optionsCollection } from '../../descriptions/options';
import { locatorProperty } from '../../descriptions/rlc.description';
import { failureOf, oneFileApiRequest, type AnswerTiming } from '../../transport';
import { oneFileList, oneFileRecord } from '../../transport/answers';
import type { RequestSettings } from '../../transport/settings';

export const properties: INodeProperties[] = [
	{
		displayName:
			'Read-only, safe on Live: a few searches and one record read. It measures what OneFile does not document and reports it without any token. Attach its output to a bug report.',
		name: 'compatibilityNotice',
		type: 'notice',
		default: '',
	},
	locatorProperty({
		name: 'organisationId',
		displayName: 'Organisation',
		locator: 'organisation',
		description:
			'An organisation with at least one learner: its learners are searched, never changed',
	}),
	// Timeout and Requests in Parallel, as every operation has: the run's settings read them.
	optionsCollection(),
];

const displayOptions = { show: { resource: ['organisation'], operation: ['checkCompatibility'] } };

export const description = updateDisplayOptions(displayOptions, properties);

const LEARNER = 1;
/** Any learner will do: every stamp is after this. */
const EVER = '2000-01-01T00:00:00Z';
const WEEK_MS = 7 * 86_400_000;

interface Finding {
	question: string;
	answer: string;
	/** The sandbox setting that plays this answer (sandbox/onefile/README.md). */
	sandboxSetting: string;
	triggerDoes: string;
}

/**
 * Check Compatibility: measures, read-only, what docs/onefile-api.md §3.3 leaves open (OneFile's
 * clock, its stamps, what "modified since" means, search rows, paged paths) so users can report
 * the real API's behaviour and the trigger's behaviour under it can be checked.
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
): Promise<INodeExecutionData[]> {
	const check = new Checker(this, itemIndex, 'Cannot check compatibility', 'OneFile');
	const { organisationId } = check.done({
		organisationId: check.id('Organisation', check.param('organisationId')),
	});
	const timings: AnswerTiming[] = [];
	const search = async (filters: IDataObject, action: string) => {
		const answer = await oneFileApiRequest.call(this, {
			settings,
			method: 'POST',
			path: ['User', 'Search', 1, 50],
			body: { OrganisationID: organisationId, Role: LEARNER, ...filters },
			itemIndex,
			action,
			idempotent: true,
		});
		timings.push(answer.timing);
		return oneFileList.call(this, answer.body, { itemIndex, action });
	};
	const findings: Finding[] = [];
	const rows = await search({ LastModified: EVER }, 'search the learners');
	const clock = timings[0];
	// The Date header is truncated to the second: its middle, against the middle of the round trip.
	const offsetMs =
		clock.serverDate === undefined
			? undefined
			: clock.serverDate + 500 - (clock.sentAt + clock.receivedAt) / 2;
	findings.push({
		question: "OneFile's clock against n8n's (HTTP Date header)",
		answer:
			offsetMs === undefined
				? 'no Date header'
				: `${offsetMs >= 0 ? '+' : ''}${Math.round(offsetMs / 1000)} s (to the second; round trip ${clock.receivedAt - clock.sentAt} ms)`,
		sandboxSetting: `clockOffsetMs: ${offsetMs === undefined ? 0 : Math.round(offsetMs / 1000) * 1000}`,
		triggerDoes:
			offsetMs === undefined
				? "looks a minute back on n8n's clock each poll (more re-reads)"
				: "measures it on every poll and works on OneFile's clock",
	});
	// A recently changed learner's stamp shows how OneFile writes stamps today (old ones may differ).
	const recent = await search(
		{ LastModified: new Date(Date.now() - WEEK_MS).toISOString() },
		'search the learners changed this week',
	);
	const first = [...recent, ...rows].find((row) => idFromAnswer(row.ID) !== undefined);
	findings.push({
		question: 'Do search rows carry LastModified?',
		answer:
			first === undefined
				? 'unknown: this organisation has no learner'
				: 'LastModified' in first
					? 'yes'
					: `no: rows hold ${Object.keys(first).join(', ')}`,
		sandboxSetting:
			first !== undefined && 'LastModified' in first
				? "searchRows: 'withLastModified'"
				: "searchRows: 'summary'",
		triggerDoes: 'reads the full record of each user a search returns (Fetch Full Record on)',
	});
	if (first !== undefined) {
		const id = idFromAnswer(first.ID) as number;
		const record = oneFileRecord.call(
			this,
			(
				await oneFileApiRequest.call(this, {
					settings,
					method: 'GET',
					path: ['User', id],
					itemIndex,
					action: `get user ${id}`,
					idempotent: true,
				})
			).body,
			{ itemIndex, action: `get user ${id}` },
		);
		const stamp = typeof record.LastModified === 'string' ? record.LastModified : undefined;
		const iso = stamp !== undefined && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.test(stamp);
		findings.push({
			question: "How OneFile writes a user's LastModified",
			answer:
				stamp === undefined
					? 'missing'
					: !iso
						? `not ISO 8601 (${stamp.replace(/\d/g, '9')})`
						: /\.\d*[1-9]/.test(stamp)
							? `ISO with fractions of a second (${stamp.replace(/\d/g, '9')})`
							: `ISO in whole seconds (${stamp.replace(/\d/g, '9')})`,
			sandboxSetting:
				stamp === undefined
					? "lastModifiedStyle: 'missing'"
					: !iso
						? "lastModifiedStyle: 'ukDate' or 'dotnetEmpty'"
						: /\.\d*[1-9]/.test(stamp)
							? "stampPrecision: 'ms'"
							: "stampPrecision: 'second' (or 'secondRounded')",
			triggerDoes: iso
				? 'uses the stamp to tell changes apart'
				: "compares the record's content instead",
		});
		if (iso && stamp !== undefined) {
			const atStamp = await search({ LastModified: stamp }, "search at the user's own stamp");
			const after = await search(
				{ LastModified: new Date(Date.now() + 86_400_000).toISOString() },
				'search from tomorrow',
			);
			const included = atStamp.some((row) => idFromAnswer(row.ID) === id);
			const ignored = after.length > 0;
			findings.push({
				question: '"Modified since" a moment: includes that moment?',
				answer: ignored
					? 'the filter seems ignored: a search from tomorrow returned users'
					: included
						? 'yes (at or after)'
						: 'no (strictly after)',
				sandboxSetting: `lastModifiedFilter: '${ignored ? 'ignored' : included ? 'atOrAfter' : 'after'}'`,
				triggerDoes: ignored
					? 'reads every returned user each poll and emits only stamps in its window (costly but right)'
					: 'starts each window 2 s early, so either reading is covered',
			});
		}
	}
	findings.push(await pagedPaths.call(this, organisationId, itemIndex, settings, timings));
	const times = timings.map((t) => t.receivedAt - t.sentAt);
	return [
		{
			json: {
				checkedAt: new Date().toISOString(),
				oneFileClockOffsetMs: offsetMs ?? null,
				answerTimesMs: {
					fastest: Math.min(...times),
					slowest: Math.max(...times),
					requests: times.length,
				},
				findings: findings as unknown as IDataObject[],
			},
			pairedItem: { item: itemIndex },
		},
	];
}

/** Whether the paged path seen in client code (`/Classroom/Search/{page}/{size}`) answers. */
async function pagedPaths(
	this: IExecuteFunctions,
	organisationId: number,
	itemIndex: number,
	settings: RequestSettings,
	timings: AnswerTiming[],
): Promise<Finding> {
	let status: number | undefined;
	let failed: unknown;
	try {
		const answer = await oneFileApiRequest.call(this, {
			settings,
			method: 'POST',
			path: ['Classroom', 'Search', 1, 1],
			body: { OrganisationID: organisationId },
			itemIndex,
			action: 'try the paged classroom search',
			idempotent: true,
		});
		timings.push(answer.timing);
		status = answer.statusCode;
	} catch (error) {
		failed = error;
	}
	if (failed !== undefined) status = failureOf(failed)?.httpCode;
	// Not an answer from OneFile (no connection, a refused token): the check cannot go on.
	if (status === undefined) throw failed;
	return {
		question: 'Does the paged path /Classroom/Search/{page}/{size} answer?',
		answer: status < 300 ? `yes (HTTP ${status})` : `no (HTTP ${status})`,
		sandboxSetting: 'none (the sandbox answers both paths)',
		triggerDoes: 'not used by the trigger; the lists fall back to the unpaged path on 404 or 405',
	};
}
