import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { RequestSettings } from '../transport/settings';

/** One operation's run for one item: the item, and the run's settings to hand to every request. */
export type OperationExecute = (
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
) => Promise<INodeExecutionData[]>;

/** What an operation module is: its form and its run (actions/<resource>/<operation>.operation.ts). */
export interface OneFileOperation {
	description: INodeProperties[];
	execute: OperationExecute;
}
