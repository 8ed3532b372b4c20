import type { INodeProperties } from 'n8n-workflow';

import { locatorProperty } from '../../descriptions/rlc.description';
import { ONEFILE_LISTS } from '../../transport/paging';
import { getManySelector, listOperation, type ListSpec } from './listOperation';

/** OneFile's reference lists, each a resource with Get Many. Filters are OneFile's own ([C]). */
const SPECS = {
	classroom: {
		resource: 'classroom',
		noun: 'classroom',
		plural: 'classrooms',
		list: ONEFILE_LISTS.classroom,
		filters: [
			{
				displayName: 'Name',
				name: 'name',
				apiName: 'Name',
				description: 'Only classrooms with this name, as OneFile matches it',
			},
		],
	},
	placement: {
		resource: 'placement',
		noun: 'placement',
		plural: 'placements',
		list: ONEFILE_LISTS.placement,
		filters: [
			{
				displayName: 'Name',
				name: 'name',
				apiName: 'Name',
				description: 'Only placements with this name, as OneFile matches it',
			},
		],
	},
	standard: {
		resource: 'standard',
		noun: 'standard',
		plural: 'standards',
		list: ONEFILE_LISTS.standard,
		filters: [
			{
				displayName: 'Title',
				name: 'title',
				apiName: 'Title',
				description: 'Only standards whose title matches, as OneFile matches it',
			},
		],
	},
	unit: {
		resource: 'unit',
		noun: 'unit',
		plural: 'units',
		list: ONEFILE_LISTS.unit,
		filters: [
			{
				displayName: 'Title',
				name: 'title',
				apiName: 'Title',
				description: 'Only units whose title matches, as OneFile matches it',
			},
		],
		fields: [
			{
				property: locatorProperty({
					name: 'standardId',
					displayName: 'Standard',
					locator: 'standard',
					description: 'Only the units of this standard',
					required: false,
				}),
				apiName: 'StandardID',
			},
		],
	},
	frameworkTemplate: {
		resource: 'frameworkTemplate',
		noun: 'framework template',
		plural: 'framework templates',
		list: ONEFILE_LISTS.frameworkTemplate,
		filters: [
			{
				displayName: 'Name',
				name: 'name',
				apiName: 'Name',
				description: 'Only templates with this name, as OneFile matches it',
			},
		],
	},
} satisfies Record<string, ListSpec>;

export type LookupResource = keyof typeof SPECS;

export const lookups = Object.fromEntries(
	Object.entries(SPECS).map(([key, spec]) => [key, { getAll: listOperation(spec) }]),
) as Record<LookupResource, { getAll: ReturnType<typeof listOperation> }>;

/** Placement and Classroom have more operations: their selector and forms are in organisationRecord/. */
const WRITABLE: readonly string[] = ['placement', 'classroom'];

export const description: INodeProperties[] = Object.values(SPECS)
	.filter((spec) => !WRITABLE.includes(spec.resource))
	.flatMap((spec) => [
		getManySelector(spec),
		...lookups[spec.resource as LookupResource].getAll.description,
	]);
