import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { Checker } from '../../../shared/checks/checker';
import { updateDisplayOptions } from '../../../shared/descriptions/displayOptions';
import { toItems } from '../../../shared/items/output';
import { ASSIGN_LEVELS, isAssignLevel, type AssignLevel } from '../../descriptions/assignLevels';
import { optionsCollection } from '../../descriptions/options';
import { locatorProperty } from '../../descriptions/rlc.description';
import { isRole, ROLES } from '../../descriptions/roles';
import { oneFileApiRequest } from '../../transport';
import { previewOption, previewWrite, readPreview } from '../sync';
import { compact } from '../../../shared/http/body';
import type { RequestSettings } from '../../transport/settings';

const LEVEL_KEYS = Object.keys(ASSIGN_LEVELS) as AssignLevel[];

/** One "Assignee Role" selector per level, offering only the roles OneFile allows at that level. */
const assigneeRoleProperties: INodeProperties[] = LEVEL_KEYS.map((level) => ({
	displayName: 'Assignee Role',
	name: 'assigneeRole',
	type: 'options',
	noDataExpression: true,
	options: ASSIGN_LEVELS[level].roles.map((role) => ({ name: ROLES[role].name, value: role })),
	default: 'assessor', // first at every level
	description: `The role of the user being assigned. At ${ASSIGN_LEVELS[level].name} level OneFile allows these roles only.`,
	displayOptions: { show: { level: [level] } },
}));

export const properties: INodeProperties[] = [
	{
		...locatorProperty({
			name: 'organisationId',
			displayName: 'Organisation',
			locator: 'organisation',
			description:
				'The organisation of the learner, used to list learners, staff, standards and units',
			required: false,
		}),
	},
	locatorProperty({
		name: 'learnerId',
		displayName: 'Learner',
		locator: 'learner',
		description: 'The learner who gets the assessor, IQA, employer or observer',
	}),
	{
		displayName: 'Level',
		name: 'level',
		type: 'options',
		noDataExpression: true,
		options: LEVEL_KEYS.map((level) => ({
			name: ASSIGN_LEVELS[level].name,
			value: level,
			description: `Level ${ASSIGN_LEVELS[level].level}: ${ASSIGN_LEVELS[level].roles.map((r) => ROLES[r].name).join(', ')}${ASSIGN_LEVELS[level].needs ? `; needs a ${ASSIGN_LEVELS[level].needs}` : ''}`,
		})),
		default: 'learningAim',
		description:
			'How the user is assigned to the learner. To change the default assessor or employer, use User → Update instead.',
	},
	...assigneeRoleProperties,
	{
		...locatorProperty({
			name: 'assigneeId',
			displayName: 'Assignee',
			locator: 'assignee',
			description: 'The user being assigned to the learner',
		}),
		typeOptions: { loadOptionsDependsOn: ['organisationId.value', 'assigneeRole'] },
	},
	{
		...locatorProperty({
			name: 'standardId',
			displayName: 'Standard',
			locator: 'standard',
			description: 'The standard (learning aim) the assignee covers',
		}),
		displayOptions: { show: { level: ['learningAim'] } },
	},
	{
		...locatorProperty({
			name: 'unitId',
			displayName: 'Unit',
			locator: 'unit',
			description: 'The unit the assignee covers',
		}),
		displayOptions: { show: { level: ['unitSummary'] } },
	},
	optionsCollection([previewOption]),
];

const displayOptions = { show: { resource: ['user'], operation: ['assign'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RequestSettings,
): Promise<INodeExecutionData[]> {
	const check = new Checker(this, itemIndex, 'Cannot assign the user', 'OneFile');
	const level = this.getNodeParameter('level', itemIndex) as string;
	if (!isAssignLevel(level)) {
		check.add({
			field: 'Level',
			problem: `"${level}" is not an assignment level`,
			fix: 'Pick Learning Aim, Unit Summary or Additional',
		});
		check.done();
	}
	const rule = ASSIGN_LEVELS[level as AssignLevel];
	const role = this.getNodeParameter('assigneeRole', itemIndex) as string;
	if (!isRole(role) || !(rule.roles as readonly string[]).includes(role)) {
		check.add({
			field: 'Assignee Role',
			problem: `${isRole(role) ? ROLES[role].name : `"${role}"`} cannot be assigned at ${rule.name} level`,
			fix: `At ${rule.name} level OneFile allows ${rule.roles.map((r) => ROLES[r].name).join(', ')}${level !== 'additional' ? '; use the Additional level for employers and observers' : ''}`,
		});
	}
	const learnerId = check.id('Learner', check.param('learnerId'));
	const assigneeId = check.id('Assignee', check.param('assigneeId'));
	const standardId =
		rule.needs === 'standard' ? check.id('Standard', check.param('standardId')) : undefined;
	const unitId =
		rule.needs === 'unit' ? check.textId('Unit', check.param('unitId'), 'KS_COMM1') : undefined;
	const preview = readPreview(check, check.collection('options'));
	const ids = check.done({ learnerId, assigneeId });
	const body: IDataObject = {
		LearnerID: ids.learnerId,
		Level: rule.level,
		StandardID: standardId,
		UnitID: unitId,
	};

	if (preview)
		return toItems.call(
			this,
			await previewWrite.call(
				this,
				itemIndex,
				settings,
				[
					['User', ids.learnerId],
					['User', ids.assigneeId],
				],
				{
					action: 'would assign',
					assigned: false,
					learnerId: ids.learnerId,
					assigneeId: ids.assigneeId,
					level: rule.name,
					message: `Would assign user ${ids.assigneeId} to learner ${ids.learnerId} at ${rule.name} level`,
				},
			),
			itemIndex,
		);
	// The path carries the user being assigned and the body the learner, as OneFile's public
	// client code does; the 2026 help text says "learner" for {id} (see README, "Assign").
	await oneFileApiRequest.call(this, {
		settings,
		method: 'POST',
		path: ['User', ids.assigneeId, 'Assign'],
		body: compact(body),
		itemIndex,
		action: `assign user ${ids.assigneeId} to learner ${ids.learnerId}`,
		// Whether OneFile treats a repeated assignment as a no-op is undocumented: do not repeat it.
		idempotent: false,
	});
	return toItems.call(
		this,
		compact({
			assigned: true,
			learnerId: ids.learnerId,
			assigneeId: ids.assigneeId,
			assigneeRole: ROLES[role as keyof typeof ROLES].name,
			level: rule.name,
			standardId,
			unitId,
		}),
		itemIndex,
	);
}
