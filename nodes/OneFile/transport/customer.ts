import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { oneFileApiRequest, type OneFileContext } from './index';

/** One lookup per execution (or dropdown load): every item of a run shares the customer. */
const customerIds = new WeakMap<object, Promise<number>>();

/** The customer that owns the token, from `GET /Customer` (onefile-api.md §4.1). */
export async function discoverCustomerId(this: OneFileContext, itemIndex?: number): Promise<number> {
	let pending = customerIds.get(this);
	if (!pending) {
		pending = fetchCustomerId.call(this, itemIndex);
		customerIds.set(this, pending);
		pending.catch(() => customerIds.delete(this));
	}
	return await pending;
}

async function fetchCustomerId(this: OneFileContext, itemIndex?: number): Promise<number> {
	const { body } = await oneFileApiRequest.call(this, { method: 'GET', endpoint: '/Customer', itemIndex, action: 'find the customer of this token', idempotent: true });
	const id = (body as IDataObject | undefined)?.ID;
	if (typeof id !== 'number') {
		throw new NodeApiError(this.getNode(), {}, {
			message: "OneFile's answer about the customer had no ID",
			description: 'Enter the Customer ID under Options, or check the Base URL points at the OneFile API.',
			itemIndex,
		});
	}
	return id;
}
