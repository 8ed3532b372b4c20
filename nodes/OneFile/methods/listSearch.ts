import type {
	IDataObject,
	ILoadOptionsFunctions,
	INode,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { idFromAnswer, normaliseTextId } from '../../shared/checks/values';
import { ROLES, isRole } from '../descriptions/roles';
import { discoverCustomerId } from '../transport/customer';
import { DEFAULT_REQUEST_SETTINGS } from '../transport/settings';
import { ONEFILE_LISTS as LISTS, searchPage, type OneFileList } from '../transport/paging';

/**
 * Dropdowns ("From List"). OneFile searches page by `/Search/{page}/{size}` with no totals, so the
 * pagination token is the next page number and a full page means there may be more. Name filters
 * are applied here: OneFile's own matching rules for names are undocumented.
 */

const LIST_PAGE_SIZE = 100;
/** While filtering, read ahead this many pages to find matches before handing a page back. */
const MAX_PAGES_PER_LOAD = 10;

type Label = (row: IDataObject) => string;
type ListSearch = (
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
) => Promise<INodeListSearchResult>;

interface Dropdown {
	list: OneFileList;
	label: Label;
	/** The search's filters, from what the form holds so far. */
	filters(this: ILoadOptionsFunctions): IDataObject | Promise<IDataObject>;
}

const byDate =
	(field: string): Label =>
	(row) => {
		const value = typeof row[field] === 'string' ? String(row[field]).slice(0, 10) : '';
		return `${String(row.Title ?? `#${String(row.ID)}`)}${value ? ` (${value})` : ''}`;
	};
const byAim: Label = (row) =>
	`Learning aim ${String(row.ID)}: standard ${String(row.StandardID ?? '?')}${row.AchievedDate ? ', achieved' : ''}`;

const byName: Label = (row) => String(row.Name ?? row.Title ?? row.ID);
const byTitle: Label = (row) => String(row.Title ?? row.Name ?? row.ID);
const byPerson: Label = (row) => {
	const name = [row.FirstName, row.LastName].filter(Boolean).join(' ') || `User ${String(row.ID)}`;
	return row.MISID ? `${name} (${String(row.MISID)})` : name;
};

/** `{ [apiName]: id }` when the form's locator holds a whole-number ID, else no filter. */
function idFilter(context: ILoadOptionsFunctions, param: string, apiName: string): IDataObject {
	let id: unknown;
	try {
		id = context.getNodeParameter(param, undefined, { extractValue: true });
	} catch {
		return {}; // the operation has no such field
	}
	const value = idFromAnswer(typeof id === 'string' ? id.trim() : id);
	return value === undefined ? {} : { [apiName]: value };
}

function ofOrganisation(this: ILoadOptionsFunctions, extra: IDataObject = {}): IDataObject {
	return { ...idFilter(this, 'organisationId', 'OrganisationID'), ...extra };
}

const DROPDOWNS = {
	searchOrganisations: {
		list: LISTS.organisation,
		label: byName,
		filters: async function () {
			return { CustomerID: await discoverCustomerId.call(this, DEFAULT_REQUEST_SETTINGS) };
		},
	},
	searchClassrooms: { list: LISTS.classroom, label: byName, filters: ofOrganisation },
	searchPlacements: { list: LISTS.placement, label: byName, filters: ofOrganisation },
	searchAssessors: {
		list: LISTS.user,
		label: byPerson,
		filters: function () {
			return ofOrganisation.call(this, { Role: ROLES.assessor.id });
		},
	},
	searchLearners: {
		list: LISTS.user,
		label: byPerson,
		filters: function () {
			return ofOrganisation.call(this, { Role: ROLES.learner.id });
		},
	},
	searchUsers: { list: LISTS.user, label: byPerson, filters: ofOrganisation },
	searchAssignees: {
		list: LISTS.user,
		label: byPerson,
		filters: function () {
			const role = this.getNodeParameter('assigneeRole', undefined) as unknown;
			return ofOrganisation.call(this, isRole(role) ? { Role: ROLES[role].id } : {});
		},
	},
	searchStandards: { list: LISTS.standard, label: byTitle, filters: ofOrganisation },
	searchUnits: {
		list: LISTS.unit,
		label: byTitle,
		filters: function () {
			return ofOrganisation.call(this, idFilter(this, 'standardId', 'StandardID'));
		},
	},
	searchEmployers: {
		list: LISTS.user,
		label: byPerson,
		filters: function () {
			return ofOrganisation.call(this, { Role: ROLES.employer.id });
		},
	},
	searchLearningAims: {
		list: LISTS.learningAim,
		label: byAim,
		filters: function () {
			return idFilter(this, 'learnerId', 'UserID');
		},
	},
	searchReviews: {
		list: LISTS.review,
		label: byDate('ScheduledFor'),
		filters: function () {
			return ofOrganisation.call(this, idFilter(this, 'learnerId', 'LearnerID'));
		},
	},
	searchPlans: {
		list: LISTS.plan,
		label: byDate('PlanOn'),
		filters: function () {
			return ofOrganisation.call(this, idFilter(this, 'learnerId', 'LearnerID'));
		},
	},
	searchFrameworkTemplates: {
		list: LISTS.frameworkTemplate,
		label: byName,
		filters: ofOrganisation,
	},
} satisfies Record<string, Dropdown>;

/** A row's ID as a dropdown value: a whole number (a text code for units); rows without one are left out. */
function valueOf(row: IDataObject, list: OneFileList): string | undefined {
	if (list !== LISTS.unit) return idFromAnswer(row.ID)?.toString();
	const code = normaliseTextId(row.ID, 'OneFile', '');
	return code.ok ? code.value : undefined;
}

async function search(
	this: ILoadOptionsFunctions,
	dropdown: Dropdown,
	filter: string | undefined,
	paginationToken: string | undefined,
): Promise<INodeListSearchResult> {
	const filters = await dropdown.filters.call(this);
	const needle = filter?.trim().toLowerCase() ?? '';
	const results: INodeListSearchItems[] = [];
	let page = readPageToken(this.getNode(), paginationToken);
	for (let loaded = 0; loaded < MAX_PAGES_PER_LOAD; loaded++, page++) {
		const { rows, last } = await searchPage.call(
			this,
			dropdown.list,
			filters,
			page,
			LIST_PAGE_SIZE,
			{ settings: DEFAULT_REQUEST_SETTINGS, action: 'load the list' },
		);
		for (const row of rows) {
			const name = dropdown.label(row);
			const value = valueOf(row, dropdown.list);
			if (value !== undefined && (!needle || name.toLowerCase().includes(needle)))
				results.push({ name, value });
		}
		const more = !last && rows.length === LIST_PAGE_SIZE;
		if (!more) return { results };
		if (results.length > 0) return { results, paginationToken: String(page + 1) };
	}
	return { results, paginationToken: String(page) };
}

/** The node's listSearch methods, one per dropdown, by the names the locators use (rlc.description.ts). */
export const listSearch = Object.fromEntries(
	Object.entries(DROPDOWNS).map(([name, dropdown]): [string, ListSearch] => [
		name,
		async function (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
			return await search.call(this, dropdown, filter, paginationToken);
		},
	]),
) as Record<keyof typeof DROPDOWNS, ListSearch>;

/**
 * The page a "load more" asks for. The token is one this node handed out (a page number), but it
 * comes back through the editor: anything else never reaches a URL.
 */
function readPageToken(node: INode, token: string | undefined): number {
	if (token === undefined || token === '') return 1;
	if (/^\d{1,6}$/.test(token) && Number(token) >= 1) return Number(token);
	throw new NodeOperationError(
		node,
		`The list cannot load more: its page marker ${JSON.stringify(String(token).slice(0, 20))} is not a page number. Close the list and open it again`,
	);
}
