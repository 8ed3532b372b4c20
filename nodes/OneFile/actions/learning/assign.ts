import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { locatorProperty, type LocatorName } from '../../descriptions/rlc.description';
import { updateDisplayOptions } from '../../helpers/displayOptions';
import { readParam, throwIfProblems, toItems } from '../../helpers/params';
import type { Problem } from '../../helpers/userBody';
import { normaliseId, normaliseTextId, type Normalised } from '../../helpers/values';
import { oneFileApiRequest } from '../../transport';

/** A locator the learning operations read, and how its value is checked. */
export interface LearningField {
	name: string;
	displayName: string;
	locator: LocatorName;
	description: string;
	textId?: boolean;
}

export const organisationField = locatorProperty({ name: 'organisationId', displayName: 'Organisation', locator: 'organisation', description: "The learner's organisation, used to list learners, standards, units and templates", required: false });
export const learnerField: LearningField = { name: 'learnerId', displayName: 'Learner', locator: 'learner', description: 'The learner to assign it to' };

export function learningProperties(operation: string, fields: LearningField[], extra: INodeProperties[] = []): INodeProperties[] {
	return updateDisplayOptions({ show: { resource: ['learning'], operation: [operation] } }, [
		organisationField,
		...fields.map((f) => locatorProperty({ name: f.name, displayName: f.displayName, locator: f.locator, description: f.description })),
		...extra,
	]);
}

/** Reads and checks every locator of the operation; stops the item before any request if one is wrong. */
export function readLearningIds(this: IExecuteFunctions, itemIndex: number, subject: string, fields: LearningField[]): IDataObject {
	const values: IDataObject = {};
	const problems: Problem[] = [];
	for (const field of fields) {
		const raw = readParam.call(this, field.name, itemIndex);
		const result: Normalised = field.textId ? normaliseTextId(raw) : normaliseId(raw);
		if (result.ok) values[field.name] = result.value as string | number;
		else problems.push({ field: field.displayName, problem: result.problem, fix: result.fix });
	}
	throwIfProblems.call(this, subject, itemIndex, problems);
	return values;
}

/** The learning assigns create records at OneFile (a learning aim, unit summaries): never repeated after a lost answer. */
export async function postAssign(this: IExecuteFunctions, itemIndex: number, endpoint: string, action: string): Promise<unknown> {
	const { body } = await oneFileApiRequest.call(this, { method: 'POST', endpoint, itemIndex, action, idempotent: false });
	return body;
}

export function output(this: IExecuteFunctions, itemIndex: number, json: IDataObject): INodeExecutionData[] {
	return toItems.call(this, { assigned: true, ...json }, itemIndex);
}
