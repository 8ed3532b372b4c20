import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { additionalFieldsProperty, requiredFieldProperties, roleProperty } from '../../descriptions/userFields';
import { createUser } from '../../helpers/createUser';
import { updateDisplayOptions } from '../../helpers/displayOptions';
import { readCreateInput } from '../../helpers/createInput';
import { toItems } from '../../helpers/params';

export const properties: INodeProperties[] = [roleProperty, ...requiredFieldProperties(), additionalFieldsProperty()];

const displayOptions = { show: { resource: ['user'], operation: ['create'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const { role, body, options } = readCreateInput.call(this, itemIndex);
	return toItems.call(this, await createUser.call(this, itemIndex, role, body, options), itemIndex);
}
