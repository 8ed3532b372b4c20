/**
 * Read-only lists: Classroom, Placement, Standard, Unit, FrameworkTemplate and LearningAim search
 * (each with optional `/{page}/{size}`, 204 when empty) and their GET-by-ID (§4, §7); classrooms'
 * and placements' GET, create and update are in organisation-records.ts.
 */
import { ERROR_CODE } from '../contract';
import { notFound } from '../errors';
import { json, type Reply } from '../reply';
import { route, searchRoutes, type RequestContext, type Route } from '../router';
import type { SandboxState } from '../state';
import type { Standard } from '../store';
import { bindBody, contains, customerOrganisationIds, intParam, paged, sameText } from './common';

function inScope(state: SandboxState, organisationId: number, filter: unknown): boolean {
	return customerOrganisationIds(state).has(organisationId) && (filter === undefined || filter === organisationId);
}

/** [D] S2 rows `{ID, Name, MISID}`; filters OrganisationID [D], Name [C] (contains) and MISID ([G] whole value, no case). */
function searchClassrooms(ctx: RequestContext, state: SandboxState): Reply {
	const { values } = bindBody(ctx, { OrganisationID: 'int', Name: 'string', MISID: 'string' }, state);
	const list = [...state.store.classrooms.values()]
		.filter((c) => inScope(state, c.OrganisationID, values.OrganisationID) && contains(c.Name, values.Name) && sameText(c.MISID, values.MISID))
		.sort((a, b) => a.ID - b.ID)
		.map((c) => ({ ID: c.ID, Name: c.Name, MISID: c.MISID }));
	return paged(ctx, list);
}

/**
 * [D] rows start `{ID, Name, …}` (the stored doc is cut off); [G] the rest is Active and MISID.
 * Filters OrganisationID [D], Name [C] (contains) and MISID ([G] whole value, no case).
 */
function searchPlacements(ctx: RequestContext, state: SandboxState): Reply {
	const { values } = bindBody(ctx, { OrganisationID: 'int', Name: 'string', MISID: 'string' }, state);
	const list = [...state.store.placements.values()]
		.filter((p) => inScope(state, p.OrganisationID, values.OrganisationID) && contains(p.Name, values.Name) && sameText(p.MISID, values.MISID))
		.sort((a, b) => a.ID - b.ID)
		.map((p) => ({ ID: p.ID, Name: p.Name, Active: p.Active, MISID: p.MISID }));
	return paged(ctx, list);
}

function standardInScope(state: SandboxState, standard: Standard, organisationFilter: unknown): boolean {
	const mine = customerOrganisationIds(state);
	return standard.OrganisationIDs.some((id) => mine.has(id) && (organisationFilter === undefined || organisationFilter === id));
}

/** [C] rows `{ID, Title}`; Title filter: case-insensitive contains [G]. */
function searchStandards(ctx: RequestContext, state: SandboxState): Reply {
	const { values } = bindBody(ctx, { OrganisationID: 'int', Title: 'string' }, state);
	const list = [...state.store.standards.values()]
		.filter((s) => standardInScope(state, s, values.OrganisationID) && contains(s.Title, values.Title))
		.sort((a, b) => a.ID - b.ID)
		.map((s) => ({ ID: s.ID, Title: s.Title }));
	return paged(ctx, list);
}

/** [C] rows `{ID, Title, NDAQCode, Display}` with string IDs (C5's mock). */
function searchUnits(ctx: RequestContext, state: SandboxState): Reply {
	const { values } = bindBody(ctx, { OrganisationID: 'int', StandardID: 'int', Title: 'string' }, state);
	const list = [...state.store.units.values()]
		.filter((u) => {
			const standard = state.store.standards.get(u.StandardID);
			return standard !== undefined && standardInScope(state, standard, values.OrganisationID);
		})
		.filter((u) => (values.StandardID === undefined || u.StandardID === values.StandardID) && contains(u.Title, values.Title))
		.map((u) => ({ ID: u.ID, Title: u.Title, NDAQCode: u.NDAQCode, Display: u.Display }));
	return paged(ctx, list);
}

/** [D] path and body `{OrganisationID}`; [G] rows `{ID, Name}` (fields undocumented). */
function searchFrameworkTemplates(ctx: RequestContext, state: SandboxState): Reply {
	const { values } = bindBody(ctx, { OrganisationID: 'int', Name: 'string' }, state);
	const list = [...state.store.frameworkTemplates.values()]
		.filter((t) => inScope(state, t.OrganisationID, values.OrganisationID) && contains(t.Name, values.Name))
		.sort((a, b) => a.ID - b.ID)
		.map((t) => ({ ID: t.ID, Name: t.Name }));
	return paged(ctx, list);
}

function byId<T>(what: string, find: (id: number) => T | undefined, view: (item: T) => unknown): (ctx: RequestContext) => Reply {
	return (ctx) => {
		const id = intParam(ctx, 'id');
		const item = find(id);
		if (item === undefined) throw notFound(`${what} ${id}`, ERROR_CODE.NotFound);
		return json(200, view(item));
	};
}

export function catalogueRoutes(): Route[] {
	// Handlers look the store up through `state` on each call: reset() swaps the store.
	return [
		// GET, create and update of classrooms and placements: organisation-records.ts.
		...searchRoutes('Classroom', searchClassrooms),
		...searchRoutes('Placement', searchPlacements),
		...searchRoutes('Standard', searchStandards),
		route('GET', 'Standard/{id:int}', (ctx, state) => byId('Standard', (id) => state.store.standards.get(id), (s) => ({ ID: s.ID, Title: s.Title }))(ctx)),
		...searchRoutes('Unit', searchUnits),
		route('GET', 'Unit/{id}', (ctx, state) => {
			const unit = state.store.unit(ctx.params.id ?? '');
			if (!unit) throw notFound(`Unit '${ctx.params.id ?? ''}'`, ERROR_CODE.UnitNotFound);
			return json(200, { ID: unit.ID, Title: unit.Title, NDAQCode: unit.NDAQCode, Display: unit.Display, StandardID: unit.StandardID });
		}),
		...searchRoutes('FrameworkTemplate', searchFrameworkTemplates),
	];
}
