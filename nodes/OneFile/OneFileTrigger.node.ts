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
import { DEFAULT_OVERLAP_MINUTES_V11, pollChanges } from './trigger/poll';

/** Starts a workflow when learners or staff are created or changed in OneFile (polling: OneFile has no customer webhooks). */
export class OneFileTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OneFile Trigger',
		name: 'oneFileTrigger',
		icon: { light: 'file:../../icons/onefile.svg', dark: 'file:../../icons/onefile.dark.svg' },
		group: ['trigger'],
		// 1.1: Overlap defaults to 0 (the window comes from OneFile's measured clock); triggers saved at
		// version 1 keep a 5-minute overlap.
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle:
			'={{ {"userChanged": "Users created or updated", "learningAimAchieved": "Learning aims achieved", "reviewSigned": "Reviews signed"}[$parameter["event"]] }}',
		description:
			'Starts the workflow when learners or staff change, learning aims are achieved or reviews are signed in OneFile',
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
					"OneFile has no webhooks for customers, so this node asks OneFile for changes on the Poll Times schedule. When the workflow is first published it starts from that moment on OneFile's clock: earlier changes are not replayed (a change in the second or two before may be). Each change is emitted once.",
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
						name: 'Learning Aim Achieved',
						value: 'learningAimAchieved',
						description:
							"A learner's learning aim (standard) was marked achieved: one item per aim, with the learner",
					},
					{
						name: 'Review Signed',
						value: 'reviewSigned',
						description:
							'A progress review got its last required signature: one item per review, once',
					},
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
				displayOptions: { show: { event: ['userChanged'] } },
				description: 'The kinds of user to watch. Each role is one search per poll.',
			},
			{
				displayName: 'Signed By',
				name: 'signedBy',
				type: 'options',
				displayOptions: { show: { event: ['reviewSigned'] } },
				options: [
					{ name: 'Learner and Assessor', value: 'learnerAndAssessor' },
					{ name: 'Learner, Assessor and Employer', value: 'learnerAssessorAndEmployer' },
				],
				default: 'learnerAndAssessor',
				description: 'Which signatures make a review signed',
			},
			{
				displayName: 'Simplify',
				name: 'simplify',
				displayOptions: { show: { event: ['userChanged', 'learningAimAchieved'] } },
				type: 'boolean',
				default: true,
				description:
					'Whether to return only the main fields of each user or learner (as User → Get does) instead of the whole record',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					{
						displayName: 'Look Back (Days)',
						name: 'lookBackDays',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: 366, numberPrecision: 0 },
						default: 7,
						displayOptions: { show: { '/event': ['learningAimAchieved', 'reviewSigned'] } },
						description:
							'Learning aims: how far back an achieved date may lie when it is entered (7 days unless set). Reviews: how far back a review may have been scheduled and still be watched for signatures (30 days unless set).',
					},
					{
						displayName: 'Recheck Every (Minutes)',
						name: 'recheckMinutes',
						type: 'number',
						typeOptions: { minValue: 0, numberPrecision: 0 },
						default: 60,
						displayOptions: { show: { '/event': ['reviewSigned'] } },
						description:
							"How often each unsigned review is read again (OneFile's review search does not say who signed). Lower is quicker and costs more requests; at most 50 reads a poll.",
					},
					{
						displayName: 'Fetch Full Record',
						name: 'fetchFullRecord',
						type: 'boolean',
						default: true,
						displayOptions: { show: { '/event': ['userChanged'] } },
						description:
							"Whether to get each changed user's whole record (one request per change). OneFile's search rows are summaries (ID, names, MIS ID) without the time of the change: off, a user changed twice within about two seconds is emitted once, and Created is told only when OneFile's row says when the user was created.",
					},
					{
						displayName: 'Overlap (Minutes)',
						name: 'overlapMinutes',
						type: 'number',
						displayOptions: { show: { '/event': ['userChanged'] } },
						typeOptions: { minValue: 0, maxValue: 1440, numberPrecision: 0 },
						default: DEFAULT_OVERLAP_MINUTES_V11,
						description:
							"Also look this many minutes further back, for changes OneFile saved late (stamped before the last poll but saved after it). The trigger already measures OneFile's clock and covers its rounding, so 0 is right unless you see a change missed. Costs one more search per role per poll. Triggers saved before version 1.1 use 5 when this is not set.",
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
