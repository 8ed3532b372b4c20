import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { locatorProperty } from './descriptions/rlc.description';
import { ALL_ROLES, ROLES } from './descriptions/roles';
import { listSearch } from './methods';
import { DEFAULT_OVERLAP_MINUTES, pollChanges } from './trigger/poll';

/** Starts a workflow when learners or staff are created or changed in OneFile (polling: OneFile has no customer webhooks). */
export class OneFileTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OneFile Trigger',
		name: 'oneFileTrigger',
		icon: { light: 'file:../../icons/onefile.svg', dark: 'file:../../icons/onefile.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"Users created or updated"}}',
		description: 'Starts the workflow when learners or staff are created or changed in OneFile',
		defaults: { name: 'OneFile Trigger' },
		polling: true,
		// A polling trigger starts workflows; it has no execute() an AI agent could call, so no tool variant.
		usableAsTool: undefined,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'oneFileApi', required: true }],
		properties: [
			{
				displayName:
					'OneFile has no webhooks for customers, so this node asks OneFile for changes on the schedule below. When the workflow is first published it starts from that moment: earlier changes are not replayed. Each change is emitted once.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'User Created or Updated',
						value: 'userChanged',
						description:
							'A user of the chosen roles was added, or their record changed (details, status, progress, assignments)',
					},
				],
				default: 'userChanged',
			},
			locatorProperty({
				name: 'organisationId',
				displayName: 'Organisation',
				locator: 'organisation',
				description: 'The organisation (centre) to watch',
			}),
			{
				displayName: 'Roles',
				name: 'roles',
				type: 'multiOptions',
				options: ALL_ROLES.map((role) => ({ name: ROLES[role].name, value: role })),
				default: ['learner'],
				required: true,
				description: 'The kinds of user to watch. Each role is one search per poll.',
			},
			{
				displayName: 'Simplify',
				name: 'simplify',
				type: 'boolean',
				default: true,
				description:
					'Whether to return only the main fields of each user (as User → Get does) instead of the whole record',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					{
						displayName: 'Fetch Full Record',
						name: 'fetchFullRecord',
						type: 'boolean',
						default: true,
						description:
							'Whether to get each changed user\'s whole record (one request per user). OneFile\'s search rows are summaries (ID, names, MIS ID) without the time of the change: off, a user changed twice within the overlap is emitted once, and Event is always "updated".',
					},
					{
						displayName: 'Overlap (Minutes)',
						name: 'overlapMinutes',
						type: 'number',
						typeOptions: { minValue: 0, maxValue: 1440, numberPrecision: 0 },
						default: DEFAULT_OVERLAP_MINUTES,
						description:
							'How far before the last poll each poll looks again. OneFile does not document its clock, its rounding, or whether "modified since" includes the moment itself: the overlap catches changes stamped a little early or saved late; changes already emitted are recognised and dropped. Raise it if n8n\'s and OneFile\'s clocks disagree by more.',
					},
				],
			},
		],
	};

	methods = { listSearch };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollChanges.call(this);
	}
}
