import type { IDisplayOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { locatorProperty } from './rlc.description';
import { ALL_ROLES, ROLES, updatableFields, USER_FIELDS, type Role, type UserField } from './roles';

/** The Role selector; options come straight from the role table. */
export const roleProperty: INodeProperties = {
	displayName: 'Role',
	name: 'role',
	type: 'options',
	noDataExpression: true,
	options: ALL_ROLES.map((role) => ({
		name: ROLES[role].name,
		value: role,
		description: `OneFile role ${ROLES[role].id}`,
	})),
	default: 'learner',
	description:
		'The kind of user. The fields of this form (the required ones and Additional Fields) change with it, as OneFile requires different details per role. For a sheet with mixed roles, split it with a Switch node first.',
};

/** One form field for a role-table row, in the shape its kind needs. */
export function fieldProperty(
	field: UserField,
	options: { required: boolean; asLocator: boolean },
): INodeProperties {
	const description = field.description || undefined;
	if (field.locator && options.asLocator) {
		return locatorProperty({
			name: field.param,
			displayName: field.displayName,
			locator: field.locator,
			description,
			required: options.required,
		});
	}
	const common = {
		displayName: field.displayName,
		name: field.param,
		description,
		required: options.required || undefined,
		placeholder: field.placeholder,
	};
	switch (field.kind) {
		case 'id':
			return {
				...common,
				type: 'number',
				typeOptions: { minValue: 1, numberPrecision: 0 },
				default: 0,
			};
		case 'idOrName':
			// A status: picked from the organisation's list, or given by ID or name from a sheet.
			return {
				...common,
				type: 'options',
				typeOptions: {
					loadOptionsMethod: 'getLearnerStatuses',
					loadOptionsDependsOn: ['organisationId.value'],
				},
				default: '',
				description: `${field.description}. Choose from the list, or specify an ID or a name using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
			};
		case 'date':
		case 'birthDate':
		case 'dateTime':
			return { ...common, type: 'dateTime', default: '' };
		case 'boolean':
			return { ...common, type: 'boolean', default: false, description: field.description };
		case 'multiline':
			return { ...common, type: 'string', typeOptions: { rows: 3 }, default: '' };
		default:
			return { ...common, type: 'string', default: '' };
	}
}

/** Top-level fields of User → Create: each shown only for the roles that must send it. */
export function requiredFieldProperties(): INodeProperties[] {
	return USER_FIELDS.filter((f) => f.requiredFor.length > 0).map((field) => ({
		...fieldProperty(field, { required: true, asLocator: true }),
		displayOptions: { show: { role: [...field.requiredFor] } },
	}));
}

/**
 * "Additional Fields" of User → Create: each option shown only for the roles that may send it.
 * `hide` hides some options for other reasons (MIS ID moves to the top when it is the match key).
 */
export function additionalFieldsProperty(
	hide: Record<string, IDisplayOptions['hide']> = {},
): INodeProperties {
	const options = USER_FIELDS.filter((f) => f.optionalFor.length > 0).map((field) => {
		const displayOptions: IDisplayOptions = {};
		if (field.optionalFor.length < ALL_ROLES.length)
			displayOptions.show = { '/role': [...field.optionalFor] };
		if (hide[field.param]) displayOptions.hide = hide[field.param];
		return {
			...fieldProperty(field, { required: false, asLocator: false }),
			...(displayOptions.show || displayOptions.hide ? { displayOptions } : {}),
		};
	});
	return {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: sortByDisplayName(options),
	};
}

/** "Update Fields" of User → Update: every updatable field; role checks happen at OneFile. */
export function updateFieldsProperty(): INodeProperties {
	const options = updatableFields().map((field) => {
		const property = fieldProperty(field, { required: false, asLocator: false });
		const onlyFor = rolesNote(field);
		return onlyFor
			? { ...property, description: [property.description, onlyFor].filter(Boolean).join('. ') }
			: property;
	});
	return {
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: sortByDisplayName(options),
	};
}

function rolesNote(field: UserField): string | undefined {
	const roles = new Set<Role>([...field.requiredFor, ...field.optionalFor]);
	if (roles.size === ALL_ROLES.length) return undefined;
	return `Only for ${[...roles].map((r) => ROLES[r].name).join(', ')}`;
}

function sortByDisplayName<T extends INodeProperties | INodePropertyOptions>(options: T[]): T[] {
	return [...options].sort((a, b) =>
		('displayName' in a ? String(a.displayName) : a.name).localeCompare(
			'displayName' in b ? String(b.displayName) : b.name,
		),
	);
}

/** A role-table field by OneFile name, for the few places that place one field specially. */
export function userField(apiName: string): UserField {
	const field = USER_FIELDS.find((f) => f.apiName === apiName);
	if (!field) throw new Error(`No user field ${apiName}`);
	return field;
}
