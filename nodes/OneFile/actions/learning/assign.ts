import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { Checker } from '../../../shared/checks/checker';
import { updateDisplayOptions } from '../../../shared/descriptions/displayOptions';
import type { PathPart } from '../../../shared/http/url';
import { toItems } from '../../../shared/items/output';
import { optionsCollection } from '../../descriptions/options';
import { locatorProperty, type LocatorName } from '../../descriptions/rlc.description';
import { oneFileApiRequest } from '../../transport';

/** A locator the learning operations read, and how its value is checked. */
export interface LearningField {
	name: string;
	displayName: string;
	locator: LocatorName;
	description: string;
	/** Unit IDs are text codes (onefile-api.md §3.2). */
	textId?: boolean;
}

export const organisationField = locatorProperty({ name: 'organisationId', displayName: 'Organisation', locator: 'organisation', description: "The learner's organisation, used to list learners, standards, units and templates", required: false });
export const learnerField: LearningField = { name: 'learnerId', displayName: 'Learner', locator: 'learner', description: 'The learner to assign it to' };

export function learningProperties(operation: string, fields: LearningField[], extra: INodeProperties[] = []): INodeProperties[] {
	return updateDisplayOptions({ show: { resource: ['learning'], operation: [operation] } }, [
		organisationField,
		...fields.map((f) => locatorProperty({ name: f.name, displayName: f.displayName, locator: f.locator, description: f.description })),
		...extra,
		optionsCollection(),
	]);
}

/** Reads and checks every locator of the operation; stops the item before any request if one is wrong. */
export function readLearningIds(this: IExecuteFunctions, itemIndex: number, subject: string, fields: LearningField[]): Record<string, string | number> {
	const check = new Checker(this, itemIndex, subject, 'OneFile');
	const values: Record<string, string | number | undefined> = {};
	for (const field of fields) {
		const raw = check.param(field.name);
		values[field.name] = field.textId ? check.textId(field.displayName, raw, 'KS_COMM1') : check.id(field.displayName, raw);
	}
	return check.done(values) as Record<string, string | number>;
}

/** The learning assigns create records at OneFile (a learning aim, unit summaries): never repeated after a lost answer. */
export async function postAssign(this: IExecuteFunctions, itemIndex: number, path: readonly PathPart[], action: string): Promise<unknown> {
	const { body } = await oneFileApiRequest.call(this, { method: 'POST', path, itemIndex, action, idempotent: false });
	return body;
}

export function output(this: IExecuteFunctions, itemIndex: number, json: IDataObject): INodeExecutionData[] {
	return toItems.call(this, { assigned: true, ...json }, itemIndex);
}
