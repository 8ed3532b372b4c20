import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { idFromAnswer, normaliseTextId } from '../../shared/checks/values';
import { ROLES, isRole } from '../descriptions/roles';
import { discoverCustomerId } from '../transport/customer';
import { ONEFILE_LISTS as LISTS, searchPage, type OneFileList } from '../transport/paging';

/**
 * Dropdowns. OneFile searches page by `/Search/{page}/{size}` with no totals, so the pagination
 * token is the next page number and a full page means there may be more. Name filters are applied
 * here: OneFile's own matching rules for names are undocumented.
 */

const LIST_PAGE_SIZE = 100;
/** While filtering, read ahead this many pages to find matches before handing a page back. */
const MAX_PAGES_PER_LOAD = 10;

type Label = (row: IDataObject) => string;

/** A row's ID as a dropdown value: a whole number (a text code for units); rows without one are left out. */
function valueOf(row: IDataObject, textId: boolean): string | undefined {
	if (!textId) return idFromAnswer(row.ID)?.toString();
	const code = normaliseTextId(row.ID, 'OneFile', '');
	return code.ok ? code.value : undefined;
}

async function search(
	this: ILoadOptionsFunctions,
	list: OneFileList,
	filters: IDataObject,
	label: Label,
	filter: string | undefined,
	paginationToken: string | undefined,
): Promise<INodeListSearchResult> {
	const needle = filter?.trim().toLowerCase() ?? '';
	const results: INodeListSearchItems[] = [];
	let page = paginationToken ? Number(paginationToken) : 1;
	for (let loaded = 0; loaded < MAX_PAGES_PER_LOAD; loaded++, page++) {
		const { rows, last } = await searchPage.call(this, list, filters, page, LIST_PAGE_SIZE, { action: 'load the list' });
		for (const row of rows) {
			const name = label(row);
			const value = valueOf(row, list === LISTS.unit);
			if (value !== undefined && (!needle || name.toLowerCase().includes(needle))) results.push({ name, value });
		}
		const more = !last && rows.length === LIST_PAGE_SIZE;
		if (!more) return { results };
		if (results.length > 0) return { results, paginationToken: String(page + 1) };
	}
	return { results, paginationToken: String(page) };
}

/** `{ [apiName]: id }` when the form's locator holds a whole-number ID, else no filter. */
function idFilter(this: ILoadOptionsFunctions, param: string, apiName: string): IDataObject {
	let id: unknown;
	try {
		id = this.getNodeParameter(param, undefined, { extractValue: true });
	} catch {
		return {}; // the operation has no such field
	}
	const text = typeof id === 'number' ? String(id) : typeof id === 'string' ? id.trim() : '';
	return /^\d+$/.test(text) ? { [apiName]: Number(text) } : {};
}

function organisationFilter(this: ILoadOptionsFunctions): IDataObject {
	return idFilter.call(this, 'organisationId', 'OrganisationID');
}

function standardFilter(this: ILoadOptionsFunctions): IDataObject {
	return idFilter.call(this, 'standardId', 'StandardID');
}

const byName: Label = (row) => String(row.Name ?? row.Title ?? row.ID);
const byTitle: Label = (row) => String(row.Title ?? row.Name ?? row.ID);
const byPerson: Label = (row) => {
	const name = [row.FirstName, row.LastName].filter(Boolean).join(' ') || `User ${String(row.ID)}`;
	return row.MISID ? `${name} (${String(row.MISID)})` : name;
};

export async function searchOrganisations(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const customerId = await discoverCustomerId.call(this);
	return await search.call(this, LISTS.organisation, { CustomerID: customerId }, byName, filter, paginationToken);
}

export async function searchClassrooms(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await search.call(this, LISTS.classroom, organisationFilter.call(this), byName, filter, paginationToken);
}

export async function searchPlacements(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await search.call(this, LISTS.placement, organisationFilter.call(this), byName, filter, paginationToken);
}

export async function searchAssessors(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await search.call(this, LISTS.user, { ...organisationFilter.call(this), Role: ROLES.assessor.id }, byPerson, filter, paginationToken);
}

export async function searchLearners(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await search.call(this, LISTS.user, { ...organisationFilter.call(this), Role: ROLES.learner.id }, byPerson, filter, paginationToken);
}

export async function searchUsers(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await search.call(this, LISTS.user, organisationFilter.call(this), byPerson, filter, paginationToken);
}

export async function searchAssignees(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const role = this.getNodeParameter('assigneeRole', undefined) as unknown;
	const roleFilter = isRole(role) ? { Role: ROLES[role].id } : {};
	return await search.call(this, LISTS.user, { ...organisationFilter.call(this), ...roleFilter }, byPerson, filter, paginationToken);
}

export async function searchStandards(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await search.call(this, LISTS.standard, organisationFilter.call(this), byTitle, filter, paginationToken);
}

export async function searchUnits(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await search.call(this, LISTS.unit, { ...organisationFilter.call(this), ...standardFilter.call(this) }, byTitle, filter, paginationToken);
}

export async function searchFrameworkTemplates(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await search.call(this, LISTS.frameworkTemplate, organisationFilter.call(this), byName, filter, paginationToken);
}
