import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { Checker } from '../../../shared/checks/checker';
import { updateDisplayOptions } from '../../../shared/descriptions/displayOptions';
import { toItems } from '../../../shared/items/output';
import { optionsCollection } from '../../descriptions/options';
import type { RequestSettings } from '../../transport/settings';
import { locatorProperty } from '../../descriptions/rlc.description';
import { listStatuses, type StatusList } from '../statuses';
import type { OneFileOperation } from '../operation.type';

/**
 * Get Learner Statuses and Get Learning Aim Statuses: `GET /Organisation/{id}/{list}` (docs/onefile-api.md
 * §7 [C] C6), one item per status with `id` and `name` (from `Name` or `Description`, whichever
 * OneFile sends). Their IDs are what a learner's Learner Status and a learning aim's Status take.
 */
export function statusListOperation(
	operation: string,
	list: StatusList,
	what: string,
): OneFileOperation {
	const description = updateDisplayOptions(
		{ show: { resource: ['organisation'], operation: [operation] } },
		[
			locatorProperty({
				name: 'organisationId',
				displayName: 'Organisation',
				locator: 'organisation',
				description: `The organisation whose ${what} to list (each organisation has its own)`,
			}),
			optionsCollection(),
		],
	);

	async function execute(
		this: IExecuteFunctions,
		itemIndex: number,
		settings: RequestSettings,
	): Promise<INodeExecutionData[]> {
		const check = new Checker(this, itemIndex, `Cannot list the ${what}`, 'OneFile');
		const { organisationId } = check.done({
			organisationId: check.id('Organisation', check.param('organisationId')),
		});
		const statuses = await listStatuses.call(this, organisationId, list, settings, itemIndex);
		return toItems.call(
			this,
			statuses.map((status) => ({ id: status.id ?? null, name: status.name, organisationId })),
			itemIndex,
		);
	}

	return { description, execute };
}
