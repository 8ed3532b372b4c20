import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import * as learning from './actions/learning';
import * as learningAim from './actions/learningAim';
import * as offTheJob from './actions/offTheJob';
import * as plan from './actions/plan';
import * as review from './actions/review';
import * as timesheet from './actions/timesheet';
import * as lookup from './actions/lookup';
import * as organisationRecord from './actions/organisationRecord';
import * as organisation from './actions/organisation';
import { AdaptiveLimit } from '../shared/items/adaptiveLimit';
import { runItems } from '../shared/items/itemLoop';
import { runOperation } from './actions/router';
import * as user from './actions/user';
import { runState, type RunState } from './transport/runState';
import { readRunSettings, type RunSettings } from './actions/runSettings';
import { errorItem } from '../shared/items/output';
import { listSearch, loadOptions } from './methods';

export class OneFile implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OneFile',
		name: 'oneFile',
		icon: { light: 'file:../../icons/onefile.svg', dark: 'file:../../icons/onefile.dark.svg' },
		group: ['transform'],
		// 1.1: Requests in Parallel defaults to Auto; nodes saved at version 1 keep sending one at a time.
		// 1.2: Create or Update and Update compare with the user's record and send only what differs;
		// Create or Update by MIS ID lists the users once per run. Nodes saved earlier keep writing every field.
		version: [1, 1.1, 1.2],
		defaultVersion: 1.2,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Create, update and assign OneFile learners and staff; manage placements and classrooms; read and update learning aims, reviews, off-the-job hours, timesheets and plans',
		defaults: { name: 'OneFile' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'oneFileApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Classroom', value: 'classroom' },
					{ name: 'Framework Template', value: 'frameworkTemplate' },
					{
						name: 'Learning',
						value: 'learning',
						description: 'Standards, units and framework templates of a learner',
					},
					{
						name: 'Learning Aim',
						value: 'learningAim',
						description: "A learner's standards: progress and achievement",
					},
					{
						name: 'Off-the-Job',
						value: 'offTheJob',
						description: "A learner's off-the-job training hours",
					},
					{ name: 'Organisation', value: 'organisation' },
					{ name: 'Placement', value: 'placement' },
					{ name: 'Plan', value: 'plan', description: "A learner's learning plans" },
					{ name: 'Review', value: 'review', description: 'Progress reviews of learners' },
					{ name: 'Standard', value: 'standard' },
					{
						name: 'Timesheet',
						value: 'timesheet',
						description: "A learner's timesheet, off-the-job training included",
					},
					{ name: 'Unit', value: 'unit' },
					{
						name: 'User',
						value: 'user',
						description: 'Learners, assessors, IQAs, employers and observers',
					},
				],
				default: 'user',
			},
			...user.description,
			...learning.description,
			...learningAim.description,
			...review.description,
			...offTheJob.description,
			...timesheet.description,
			...plan.description,
			...organisation.description,
			...lookup.description,
			...organisationRecord.description,
		],
	};

	methods = { listSearch, loadOptions };

	/**
	 * Once per input item, up to "Requests in Parallel" at a time, in order and paired; with "Continue
	 * On Fail" every item gives one output item, its result or its error (runItems). The run's
	 * settings are read once, here, and handed down to every operation and request.
	 */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		let settings: RunSettings;
		try {
			settings = readRunSettings(this);
		} catch (error) {
			// Only the checks throw here (a NodeOperationError naming the option).
			const failure =
				error instanceof NodeOperationError
					? error
					: new NodeOperationError(this.getNode(), error as Error);
			if (!this.continueOnFail()) throw failure;
			// A setting of the whole run is wrong: every item fails with it, each paired to its input.
			return [
				this.getInputData().flatMap((_, itemIndex) => errorItem.call(this, failure, itemIndex)),
			];
		}

		const output = await runItems.call(
			this,
			{ concurrency: settings.parallel, continueOnFail: this.continueOnFail() },
			async (itemIndex) => await runOperation.call(this, itemIndex, settings.request),
		);
		const hints = runHints(settings.parallel, runState(this));
		if (hints.length > 0)
			this.addExecutionHints(
				...hints.map((message) => ({ message, location: 'outputPane' as const })),
			);
		return output;
	}
}

/** What the run did that the output does not show: what Auto did, and that a dry run sent nothing. */
function runHints(concurrency: number | AdaptiveLimit, run: RunState): string[] {
	const hints: string[] = [];
	if (concurrency instanceof AdaptiveLimit && concurrency.peakInFlight > 0) {
		const slowed =
			concurrency.slowDowns === 0
				? 'OneFile did not ask to slow down'
				: `OneFile asked to slow down ${concurrency.slowDowns === 1 ? 'once' : `${concurrency.slowDowns} times`}`;
		hints.push(
			`Requests in Parallel (Auto) ran up to ${concurrency.peakInFlight} at once; ${slowed}.`,
		);
	}
	if (run.dryRuns.preview > 0)
		hints.push(
			`Preview: nothing was written to OneFile for ${run.dryRuns.preview} ${run.dryRuns.preview === 1 ? 'item' : 'items'} (OneFile was only read).`,
		);
	if (run.dryRuns.validateOnly > 0)
		hints.push(
			`Validate Only: nothing was sent to OneFile for ${run.dryRuns.validateOnly} ${run.dryRuns.validateOnly === 1 ? 'item' : 'items'}.`,
		);
	return hints;
}
