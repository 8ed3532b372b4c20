import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { locatorProperty } from '../../descriptions/rlc.description';
import { updateDisplayOptions } from '../../helpers/displayOptions';
import { readParam, throwIfProblems, toItems } from '../../helpers/params';
import { normaliseId } from '../../helpers/values';
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

/** Reads the user ID parameter as a whole number, or stops the item with the fix. */
export function readUserId(this: IExecuteFunctions, param: string, label: string, itemIndex: number, subject: string): number {
	const id = normaliseId(readParam.call(this, param, itemIndex));
	if (!id.ok) throwIfProblems.call(this, subject, itemIndex, [{ field: label, problem: id.problem, fix: id.fix }]);
	return (id as { value: number }).value;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const userId = readUserId.call(this, 'userId', 'User', itemIndex, 'Cannot get the user');
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
