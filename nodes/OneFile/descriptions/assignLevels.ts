import type { Role } from './roles';

/**
 * The Assign levels and who may be assigned at each (docs/onefile-api.md §6.2, documented). Whether a
 * Trainee Assessor counts as "Assessor" is not documented; we allow it, as the sandbox does by default.
 */
export const ASSIGN_LEVELS = {
	learningAim: {
		level: 3,
		name: 'Learning Aim',
		needs: 'standard',
		roles: ['assessor', 'traineeAssessor', 'iqa'],
	},
	unitSummary: {
		level: 2,
		name: 'Unit Summary',
		needs: 'unit',
		roles: ['assessor', 'traineeAssessor', 'iqa'],
	},
	additional: {
		level: 1,
		name: 'Additional',
		needs: undefined,
		roles: ['assessor', 'traineeAssessor', 'iqa', 'employer', 'observer'],
	},
} as const satisfies Record<
	string,
	{ level: number; name: string; needs: 'standard' | 'unit' | undefined; roles: readonly Role[] }
>;

export type AssignLevel = keyof typeof ASSIGN_LEVELS;

export function isAssignLevel(value: unknown): value is AssignLevel {
	return typeof value === 'string' && value in ASSIGN_LEVELS;
}
