import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { locatorProperty } from '../../descriptions/rlc.description';
import { updateDisplayOptions } from '../../helpers/displayOptions';
import { readId, toItems } from '../../helpers/params';
import { oneFileApiRequest } from '../../transport';

export const properties: INodeProperties[] = [
	locatorProperty({ name: 'userId', displayName: 'User', locator: 'user', description: 'The OneFile user to get' }),
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: 'Whether to return only the main fields (ID, names, email, MIS ID, role, organisation, classroom, placement, default assessor and employer) instead of the whole record',
	},
];

/** The fields Simplify keeps: who the user is and where they sit in OneFile. */
const SIMPLE_FIELDS = ['ID', 'Username', 'FirstName', 'LastName', 'Email', 'MISID', 'Role', 'OrganisationID', 'ClassroomID', 'PlacementID', 'DefaultAssessorID', 'DefaultEmployerID', 'LastModified'];

const displayOptions = { show: { resource: ['user'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const userId = readId.call(this, 'userId', 'User', itemIndex, 'Cannot get the user');
	const { body } = await oneFileApiRequest.call(this, {
		method: 'GET',
		endpoint: `/User/${userId}`,
		itemIndex,
		action: `get user ${userId}`,
		idempotent: true,
	});
	const user = (body ?? {}) as IDataObject;
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	return toItems.call(this, simplify ? Object.fromEntries(SIMPLE_FIELDS.filter((k) => k in user).map((k) => [k, user[k]])) : user, itemIndex);
}
