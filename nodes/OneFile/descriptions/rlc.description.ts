import type { INodeProperties } from 'n8n-workflow';

/**
 * Resource locators: every OneFile ID the form asks for can be picked from a list loaded from
 * OneFile ("From List") or given as an ID, e.g. mapped from a spreadsheet column ("By ID").
 */

interface LocatorSpec {
	searchListMethod: string;
	entity: string;
	/** OneFile unit IDs are text codes (docs/onefile-api.md §3.2); every other ID is a whole number. */
	textId?: boolean;
	placeholder: string;
	/** The list depends on the organisation picked above it. */
	perOrganisation: boolean;
}

export const LOCATORS = {
	organisation: {
		searchListMethod: 'searchOrganisations',
		entity: 'organisation',
		placeholder: 'e.g. 1001',
		perOrganisation: false,
	},
	classroom: {
		searchListMethod: 'searchClassrooms',
		entity: 'classroom',
		placeholder: 'e.g. 15379',
		perOrganisation: true,
	},
	placement: {
		searchListMethod: 'searchPlacements',
		entity: 'placement',
		placeholder: 'e.g. 2041',
		perOrganisation: true,
	},
	assessor: {
		searchListMethod: 'searchAssessors',
		entity: 'assessor',
		placeholder: 'e.g. 5740',
		perOrganisation: true,
	},
	learner: {
		searchListMethod: 'searchLearners',
		entity: 'learner',
		placeholder: 'e.g. 5740',
		perOrganisation: true,
	},
	user: {
		searchListMethod: 'searchUsers',
		entity: 'user',
		placeholder: 'e.g. 5740',
		perOrganisation: true,
	},
	assignee: {
		searchListMethod: 'searchAssignees',
		entity: 'user',
		placeholder: 'e.g. 5740',
		perOrganisation: true,
	},
	standard: {
		searchListMethod: 'searchStandards',
		entity: 'standard',
		placeholder: 'e.g. 310',
		perOrganisation: true,
	},
	unit: {
		searchListMethod: 'searchUnits',
		entity: 'unit',
		textId: true,
		placeholder: 'e.g. KS_COMM1',
		perOrganisation: true,
	},
	employer: {
		searchListMethod: 'searchEmployers',
		entity: 'employer',
		placeholder: 'e.g. 137930',
		perOrganisation: true,
	},
	learningAim: {
		searchListMethod: 'searchLearningAims',
		entity: 'learning aim',
		placeholder: 'e.g. 900001',
		perOrganisation: true,
	},
	review: {
		searchListMethod: 'searchReviews',
		entity: 'review',
		placeholder: 'e.g. 700001',
		perOrganisation: true,
	},
	plan: {
		searchListMethod: 'searchPlans',
		entity: 'plan',
		placeholder: 'e.g. 800001',
		perOrganisation: true,
	},
	frameworkTemplate: {
		searchListMethod: 'searchFrameworkTemplates',
		entity: 'framework template',
		placeholder: 'e.g. 701',
		perOrganisation: true,
	},
} satisfies Record<string, LocatorSpec>;

export type LocatorName = keyof typeof LOCATORS;

export interface LocatorOptions {
	name: string;
	displayName: string;
	locator: LocatorName;
	description?: string;
	required?: boolean;
}

export function locatorProperty({
	name,
	displayName,
	locator,
	description,
	required = true,
}: LocatorOptions): INodeProperties {
	const spec: LocatorSpec = LOCATORS[locator];
	const idRegex = spec.textId ? '^\\s*\\S+\\s*$' : '^\\s*[0-9]+\\s*$';
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required,
		description,
		...(spec.perOrganisation
			? { typeOptions: { loadOptionsDependsOn: ['organisationId.value'] } }
			: {}),
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				// "an organisation", "an assessor", but "a user", "a unit".
				placeholder: `Select ${/^[aeio]/i.test(spec.entity) ? 'an' : 'a'} ${spec.entity}...`,
				typeOptions: {
					searchListMethod: spec.searchListMethod,
					searchable: true,
					searchFilterRequired: false,
				},
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: spec.placeholder,
				validation: [
					{
						type: 'regex',
						properties: {
							regex: idRegex,
							errorMessage: spec.textId
								? `Not a valid OneFile ${spec.entity} ID`
								: `Not a valid OneFile ${spec.entity} ID: a whole number, e.g. ${spec.placeholder.replace('e.g. ', '')}`,
						},
					},
				],
			},
		],
	};
}

/**
 * The learner an operation is about, with the organisation its From List searches in (optional:
 * the list then searches every organisation the token sees).
 */
export function learnerLocators(
	learnerDescription: string,
	learnerRequired = true,
): INodeProperties[] {
	return [
		locatorProperty({
			name: 'organisationId',
			displayName: 'Organisation',
			locator: 'organisation',
			description: 'The organisation of the learner, used to list learners',
			required: false,
		}),
		locatorProperty({
			name: 'learnerId',
			displayName: 'Learner',
			locator: 'learner',
			description: learnerDescription,
			required: learnerRequired,
		}),
	];
}
