import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { ASSIGN_LEVELS, isAssignLevel, type AssignLevel } from '../../descriptions/assignLevels';
import { locatorProperty } from '../../descriptions/rlc.description';
import { isRole, ROLES } from '../../descriptions/roles';
import { updateDisplayOptions } from '../../helpers/displayOptions';
import { readParam, throwIfProblems, toItems } from '../../helpers/params';
import type { Problem } from '../../helpers/userBody';
import { normaliseId, normaliseTextId } from '../../helpers/values';
import { oneFileApiRequest } from '../../transport';

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
	{ ...locatorProperty({ name: 'organisationId', displayName: 'Organisation', locator: 'organisation', description: 'The organisation of the learner, used to list learners, staff, standards and units', required: false }) },
	locatorProperty({ name: 'learnerId', displayName: 'Learner', locator: 'learner', description: 'The learner who gets the assessor, IQA, employer or observer' }),
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
		description: 'How the user is assigned to the learner. To change the default assessor or employer, use User → Update instead.',
	},
	...assigneeRoleProperties,
	{ ...locatorProperty({ name: 'assigneeId', displayName: 'Assignee', locator: 'assignee', description: 'The user being assigned to the learner' }), typeOptions: { loadOptionsDependsOn: ['organisationId.value', 'assigneeRole'] } },
	{ ...locatorProperty({ name: 'standardId', displayName: 'Standard', locator: 'standard', description: "The standard (learning aim) the assignee covers" }), displayOptions: { show: { level: ['learningAim'] } } },
	{ ...locatorProperty({ name: 'unitId', displayName: 'Unit', locator: 'unit', description: 'The unit the assignee covers' }), displayOptions: { show: { level: ['unitSummary'] } } },
];

const displayOptions = { show: { resource: ['user'], operation: ['assign'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const subject = 'Cannot assign the user';
	const problems: Problem[] = [];
	const level = this.getNodeParameter('level', itemIndex) as string;
	if (!isAssignLevel(level)) {
		throwIfProblems.call(this, subject, itemIndex, [{ field: 'Level', problem: `"${level}" is not an assignment level`, fix: 'Pick Learning Aim, Unit Summary or Additional' }]);
	}
	const rule = ASSIGN_LEVELS[level as AssignLevel];
	const role = this.getNodeParameter('assigneeRole', itemIndex) as string;
	if (!isRole(role) || !(rule.roles as readonly string[]).includes(role)) {
		problems.push({
			field: 'Assignee Role',
			problem: `${isRole(role) ? ROLES[role].name : `"${role}"`} cannot be assigned at ${rule.name} level`,
			fix: `At ${rule.name} level OneFile allows ${rule.roles.map((r) => ROLES[r].name).join(', ')}${level !== 'additional' ? '; use the Additional level for employers and observers' : ''}`,
		});
	}
	const body: IDataObject = { Level: rule.level };
	const learner = normaliseId(readParam.call(this, 'learnerId', itemIndex));
	if (learner.ok) body.LearnerID = learner.value as number;
	else problems.push({ field: 'Learner', problem: learner.problem, fix: learner.fix });
	const assignee = normaliseId(readParam.call(this, 'assigneeId', itemIndex));
	if (!assignee.ok) problems.push({ field: 'Assignee', problem: assignee.problem, fix: assignee.fix });
	if (rule.needs === 'standard') {
		const standard = normaliseId(readParam.call(this, 'standardId', itemIndex));
		if (standard.ok) body.StandardID = standard.value as number;
		else problems.push({ field: 'Standard', problem: standard.problem, fix: standard.fix });
	}
	if (rule.needs === 'unit') {
		const unit = normaliseTextId(readParam.call(this, 'unitId', itemIndex));
		if (unit.ok) body.UnitID = unit.value as string;
		else problems.push({ field: 'Unit', problem: unit.problem, fix: unit.fix });
	}
	throwIfProblems.call(this, subject, itemIndex, problems);

	const assigneeId = (assignee as { value: number }).value;
	// The path carries the user being assigned and the body the learner, as OneFile's public
	// client code does; the 2026 help text says "learner" for {id} (see README, "Assign").
	await oneFileApiRequest.call(this, {
		method: 'POST',
		endpoint: `/User/${assigneeId}/Assign`,
		body,
		itemIndex,
		action: `assign user ${assigneeId} to learner ${String(body.LearnerID)}`,
		// Whether OneFile treats a repeated assignment as a no-op is undocumented: do not repeat it.
		idempotent: false,
	});
	return toItems.call(this, {
		assigned: true,
		learnerId: body.LearnerID,
		assigneeId,
		assigneeRole: ROLES[role as keyof typeof ROLES].name,
		level: rule.name,
		...(body.StandardID !== undefined ? { standardId: body.StandardID } : {}),
		...(body.UnitID !== undefined ? { unitId: body.UnitID } : {}),
	}, itemIndex);
}
