import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { Checker } from '../../../shared/checks/checker';
import { updateDisplayOptions } from '../../../shared/descriptions/displayOptions';
import type { PathPart } from '../../../shared/http/url';
import { toItems } from '../../../shared/items/output';
import { optionsCollection } from '../../descriptions/options';
import { locatorProperty, type LocatorName } from '../../descriptions/rlc.description';
import { oneFileApiRequest } from '../../transport';
import { previewOption, previewWrite, readPreview } from '../sync';
import type { RequestSettings } from '../../transport/settings';
import type { OneFileOperation } from '../operation.type';

/** A locator a learning operation reads, and how its value is checked. */
export interface LearningField {
	name: string;
	displayName: string;
	locator: LocatorName;
	description: string;
	/** Unit IDs are text codes (docs/onefile-api.md §3.2). */
	textId?: boolean;
}

export type LearningIds = Record<string, string | number>;

/** One learning assign: its fields, and the request and output made from the checked IDs. */
export interface LearningAssignSpec {
	operation: string;
	/** "Cannot assign the standard" */
	subject: string;
	fields: LearningField[];
	/** Further parameters, e.g. Only Change Assigned. */
	extra?: INodeProperties[];
	/** Reads the further parameters through the item's checks, before any request. */
	readExtra?(check: Checker): Record<string, boolean>;
	request(
		ids: LearningIds,
		extra: Record<string, boolean>,
	): { path: PathPart[]; action: string; output: IDataObject };
	/** What OneFile's answer adds to the output (the Standard assign's new learning aim ID). */
	fromAnswer?(body: unknown): IDataObject;
}

export const learnerField: LearningField = {
	name: 'learnerId',
	displayName: 'Learner',
	locator: 'learner',
	description: 'The learner to assign it to',
};

const organisationField = locatorProperty({
	name: 'organisationId',
	displayName: 'Organisation',
	locator: 'organisation',
	description: "The learner's organisation, used to list learners, standards, units and templates",
	required: false,
});

/**
 * A Learning operation: the form (organisation, the spec's locators, Options), the checks, and one
 * `POST` that creates records at OneFile (a learning aim, unit summaries): never repeated after a
 * lost answer.
 */
export function learningAssign(spec: LearningAssignSpec): OneFileOperation {
	const description = updateDisplayOptions(
		{ show: { resource: ['learning'], operation: [spec.operation] } },
		[
			organisationField,
			...spec.fields.map((f) =>
				locatorProperty({
					name: f.name,
					displayName: f.displayName,
					locator: f.locator,
					description: f.description,
				}),
			),
			...(spec.extra ?? []),
			optionsCollection([previewOption]),
		],
	);

	async function execute(
		this: IExecuteFunctions,
		itemIndex: number,
		settings: RequestSettings,
	): Promise<INodeExecutionData[]> {
		const check = new Checker(this, itemIndex, spec.subject, 'OneFile');
		const values: Record<string, string | number | undefined> = {};
		for (const field of spec.fields) {
			const raw = check.param(field.name);
			values[field.name] = field.textId
				? check.textId(field.displayName, raw, 'KS_COMM1')
				: check.id(field.displayName, raw);
		}
		const extra = spec.readExtra?.(check) ?? {};
		const preview = readPreview(check, check.collection('options'));
		const ids = check.done(values) as LearningIds;
		const { path, action, output } = spec.request(ids, extra);
		if (preview)
			return toItems.call(
				this,
				await previewWrite.call(this, itemIndex, settings, [['User', Number(ids.learnerId)]], {
					action: 'would assign',
					assigned: false,
					...output,
					message: `Would ${action}`,
				}),
				itemIndex,
			);
		const { body } = await oneFileApiRequest.call(this, {
			settings,
			method: 'POST',
			path,
			itemIndex,
			action,
			idempotent: false,
		});
		return toItems.call(this, { assigned: true, ...output, ...spec.fromAnswer?.(body) }, itemIndex);
	}

	return { description, execute };
}
