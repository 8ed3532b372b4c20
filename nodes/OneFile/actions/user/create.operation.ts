import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/descriptions/displayOptions';
import { toItems } from '../../../shared/items/output';
import { optionsCollection } from '../../descriptions/options';
import {
	additionalFieldsProperty,
	requiredFieldProperties,
	roleProperty,
} from '../../descriptions/userFields';
import { checkCreateInput, createOptions, validationResult, wouldCreate } from './createInput';
import { createUser } from './createUser';
import { withLearnerStatusId } from './learnerStatus';
import type { RequestSettings } from '../../transport/settings';

export const properties: INodeProperties[] = [
	roleProperty,
	...requiredFieldProperties(),
	additionalFieldsProperty(),
	optionsCollection(createOptions),
];

const displayOptions = { show: { resource: ['user'], operation: ['create'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
): Promise<INodeExecutionData[]> {
	const checked = checkCreateInput.call(this, itemIndex);
	if (checked.validateOnly) return toItems.call(this, validationResult(checked), itemIndex);
	checked.check.done();
	const body = await withLearnerStatusId.call(
		this,
		itemIndex,
		settings,
		checked.body,
		Number(checked.body.OrganisationID),
	);
	if (checked.preview) return toItems.call(this, wouldCreate({ ...checked, body }), itemIndex);
	return toItems.call(
		this,
		await createUser.call(this, itemIndex, settings, checked.role, body, checked.options),
		itemIndex,
	);
}
