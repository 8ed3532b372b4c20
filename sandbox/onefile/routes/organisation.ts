/** GET /Customer, POST /Organisation/Search and the Organisation sub-resources (§4.1 [D], §7 [C]). */
import { ERROR_CODE } from '../contract';
import { notFound } from '../errors';
import { json, type Reply } from '../reply';
import { route, searchRoutes, type RequestContext, type Route } from '../router';
import type { SandboxState } from '../state';
import type { Organisation } from '../store';
import { bindBody, intParam, paged } from './common';

function customer(_ctx: RequestContext, state: SandboxState): Reply {
	return json(200, { ID: state.store.customer.ID, Name: state.store.customer.Name });
}

function organisationRow(org: Organisation): Record<string, unknown> {
	return {
		ID: org.ID,
		Name: org.Name,
		KeychainCreationForNewUserActive: org.KeychainCreationForNewUserActive,
		KeychainEmailSuppression: org.KeychainEmailSuppression,
	};
}

/** [D] Body `{CustomerID}`. [G] Without it, the token's customer; another customer's ID finds nothing. */
function searchOrganisations(ctx: RequestContext, state: SandboxState): Reply {
	const { values } = bindBody(ctx, { CustomerID: 'int' }, state);
	const customerId = values.CustomerID ?? state.store.customer.ID;
	const list = [...state.store.organisations.values()]
		.filter((org) => org.CustomerID === customerId && customerId === state.store.customer.ID)
		.sort((a, b) => a.ID - b.ID)
		.map(organisationRow);
	return paged(ctx, list);
}

function organisationOr404(ctx: RequestContext, state: SandboxState): Organisation {
	const org = state.store.organisations.get(intParam(ctx, 'id'));
	if (!org || org.CustomerID !== state.store.customer.ID) throw notFound('Organisation', ERROR_CODE.OrganisationNotFound);
	return org;
}

function getOrganisation(ctx: RequestContext, state: SandboxState): Reply {
	const org = organisationOr404(ctx, state);
	return json(200, { ...organisationRow(org), CustomerID: org.CustomerID });
}

/** A status row as `contract.statusRows` says ([G]: no client shows the row's keys): `{ID, Name}` or `{ID, Description}`. */
function statusRow(status: { ID: number; Name: string }, state: SandboxState): Record<string, unknown> {
	return state.settings.contract.statusRows === 'idDescription' ? { ID: status.ID, Description: status.Name } : { ID: status.ID, Name: status.Name };
}

/** [C] C6 reads this list; [G] it is where LearnerStatusID values come from (create and update check them). */
function learnerStatuses(ctx: RequestContext, state: SandboxState): Reply {
	const org = organisationOr404(ctx, state);
	const list = [...state.store.learnerStatuses.values()].filter((s) => s.OrganisationID === org.ID).sort((a, b) => a.ID - b.ID).map((s) => statusRow(s, state));
	return json(200, list);
}

/** [C] C6 reads this list; [G] its IDs are the values of a learning aim's Status (`POST /LearningAim/{id}` checks them). */
function learningAimStatuses(ctx: RequestContext, state: SandboxState): Reply {
	const org = organisationOr404(ctx, state);
	const list = state.store.learningAimStatuses.filter((s) => s.OrganisationID === org.ID).sort((a, b) => a.ID - b.ID).map((s) => statusRow(s, state));
	return json(200, list);
}

function assignedStandards(ctx: RequestContext, state: SandboxState): Reply {
	const org = organisationOr404(ctx, state);
	const list = [...state.store.standards.values()].filter((s) => s.OrganisationIDs.includes(org.ID)).map((s) => ({ ID: s.ID, Title: s.Title }));
	return json(200, list);
}

export const organisationRoutes: Route[] = [
	route('GET', 'Customer', customer),
	...searchRoutes('Organisation', searchOrganisations),
	route('GET', 'Organisation/{id:int}', getOrganisation),
	route('GET', 'Organisation/{id:int}/LearnerStatuses', learnerStatuses),
	route('GET', 'Organisation/{id:int}/LearningAimStatuses', learningAimStatuses),
	route('GET', 'Organisation/{id:int}/AssignedStandards', assignedStandards),
];
