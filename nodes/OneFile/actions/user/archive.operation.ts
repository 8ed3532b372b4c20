import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { Checker } from '../../../shared/checks/checker';
import { updateDisplayOptions } from '../../../shared/descriptions/displayOptions';
import { toItems } from '../../../shared/items/output';
import { optionsCollection } from '../../descriptions/options';
import { locatorProperty } from '../../descriptions/rlc.description';
import { oneFileApiRequest } from '../../transport';
import { previewOption, previewWrite, readPreview } from '../sync';
import type { RequestSettings } from '../../transport/settings';

function properties(operation: 'archive' | 'unarchive'): INodeProperties[] {
	return updateDisplayOptions({ show: { resource: ['user'], operation: [operation] } }, [
		locatorProperty({
			name: 'organisationId',
			displayName: 'Organisation',
			locator: 'organisation',
			description: 'The organisation of the user, used to list users',
			required: false,
		}),
		locatorProperty({
			name: 'userId',
			displayName: 'User',
			locator: 'user',
			description:
				operation === 'archive'
					? 'The user who leaves (a learner who withdrew or finished, a member of staff who left)'
					: 'The archived user who returns',
		}),
		optionsCollection([previewOption]),
	]);
}

/**
 * `POST /User/{id}/Archive` or `/Unarchive` (public client code). Archiving an archived user again
 * changes nothing, so a lost answer is safely asked again.
 */
function operation(kind: 'archive' | 'unarchive') {
	return async function (
		this: IExecuteFunctions,
		itemIndex: number,
		settings: RequestSettings,
	): Promise<INodeExecutionData[]> {
		const check = new Checker(this, itemIndex, `Cannot ${kind} the user`, 'OneFile');
		const preview = readPreview(check, check.collection('options'));
		const { userId } = check.done({ userId: check.id('User', check.param('userId')) });
		if (preview)
			return toItems.call(
				this,
				await previewWrite.call(this, itemIndex, settings, [['User', userId]], {
					id: userId,
					action: `would ${kind}`,
					message: `Would ${kind} user ${userId}`,
				}),
				itemIndex,
			);
		await oneFileApiRequest.call(this, {
			settings,
			method: 'POST',
			path: ['User', userId, kind === 'archive' ? 'Archive' : 'Unarchive'],
			itemIndex,
			action: `${kind} user ${userId}`,
			idempotent: true,
		});
		return toItems.call(this, { id: userId, archived: kind === 'archive' }, itemIndex);
	};
}

export const archive = { description: properties('archive'), execute: operation('archive') };
export const unarchive = { description: properties('unarchive'), execute: operation('unarchive') };
