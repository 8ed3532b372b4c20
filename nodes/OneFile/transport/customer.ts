import { NodeApiError } from 'n8n-workflow';

import { idFromAnswer } from '../../shared/checks/values';
import { oneFileRecord } from './answers';
import { oneFileApiRequest, type OneFileContext } from './index';
import { runState } from './runState';
import type { RequestSettings } from './settings';

/** The customer that owns the token, from `GET /Customer` (docs/onefile-api.md §4.1), once per run. */
export async function discoverCustomerId(
	this: OneFileContext,
	settings: RequestSettings,
	itemIndex?: number,
): Promise<number> {
	const run = runState(this);
	if (!run.customerId) {
		const pending = fetchCustomerId.call(this, settings, itemIndex);
		run.customerId = pending;
		pending.catch(() => {
			if (run.customerId === pending) run.customerId = undefined;
		});
	}
	return await run.customerId;
}

async function fetchCustomerId(
	this: OneFileContext,
	settings: RequestSettings,
	itemIndex?: number,
): Promise<number> {
	const { body } = await oneFileApiRequest.call(this, {
		settings,
		method: 'GET',
		path: ['Customer'],
		itemIndex,
		action: 'find the customer of this token',
		idempotent: true,
	});
	const customer = oneFileRecord.call(this, body, {
		action: 'find the customer of this token',
		itemIndex,
	});
	const id = idFromAnswer(customer.ID);
	if (id === undefined) {
		throw new NodeApiError(
			this.getNode(),
			{},
			{
				message: "OneFile's answer about the customer had no ID",
				description:
					'Enter the Customer ID under Options, or check the Base URL points at the OneFile API.',
				itemIndex,
			},
		);
	}
	return id;
}
