/** The benchmark's workflows: N "new learner" rows, then the create, done two ways. */

const ORG = { organisation: 5740, assessor: 137901, classroom: 15400, placement: 8800 };

/** The body of `POST /User` for one row, as the HTTP Request workflow and the floor client send it. */
export function learnerBody(row) {
	return { OrganisationID: ORG.organisation, FirstName: row.first, LastName: row.last, Email: row.email, Role: 1, DefaultAssessorID: ORG.assessor, ClassroomID: ORG.classroom, PlacementID: ORG.placement };
}

function rowsNodes(n) {
	const rows = Array.from({ length: n }, (_, i) => ({ first: `Bench${i}`, last: 'Learner', email: `bench.${i}@example.com` }));
	return [
		{ id: 'bench-rows', name: 'Rows', type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [400, 0], parameters: { mode: 'raw', jsonOutput: JSON.stringify({ rows }), options: {} } },
		{ id: 'bench-split', name: 'Split Out', type: 'n8n-nodes-base.splitOut', typeVersion: 1, position: [600, 0], parameters: { fieldToSplitOut: 'rows', options: {} } },
	];
}

const trigger = { id: 'bench-start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };
const link = (from, to) => ({ [from]: { main: [[{ node: to, type: 'main', index: 0 }]] } });

export function trivialWorkflow() {
	return { id: 'benchIdle0000001', name: 'bench idle', active: false, settings: { executionOrder: 'v1' }, nodes: [trigger, ...rowsNodes(1)], connections: { ...link('Start', 'Rows'), ...link('Rows', 'Split Out') } };
}

/** `k` a number (Requests in Parallel), or 'auto': a new node (version 1.1) with Options left alone, which runs on Auto. */
export function oneFileWorkflow(n, k, credentialId) {
	const create = {
		id: 'bench-onefile', name: 'Create learner (OneFile)', type: 'n8n-nodes-onefile.oneFile', typeVersion: k === 'auto' ? 1.1 : 1, position: [800, 0],
		parameters: {
			resource: 'user', operation: 'create', role: 'learner',
			organisationId: { __rl: true, mode: 'id', value: String(ORG.organisation) },
			firstName: '={{ $json.first }}', lastName: '={{ $json.last }}', email: '={{ $json.email }}',
			defaultAssessorId: { __rl: true, mode: 'id', value: String(ORG.assessor) },
			classroomId: { __rl: true, mode: 'id', value: String(ORG.classroom) },
			placementId: { __rl: true, mode: 'id', value: String(ORG.placement) },
			options: k === 'auto' ? {} : { concurrency: k },
		},
		credentials: { oneFileApi: { id: credentialId, name: 'OneFile (sandbox)' } },
	};
	return { id: `benchOneFile${String(n).padStart(4, '0').slice(-4)}`, name: `bench OneFile ${n} K${k}`, active: false, settings: { executionOrder: 'v1' }, nodes: [trigger, ...rowsNodes(n), create], connections: { ...link('Start', 'Rows'), ...link('Rows', 'Split Out'), ...link('Split Out', 'Create learner (OneFile)') } };
}

/** What a user builds without the package: sign in once, then one HTTP Request per row with the session header. */
export function httpRequestWorkflow(n, baseUrl, customerToken) {
	const signIn = {
		id: 'bench-signin', name: 'Sign in (HTTP Request)', type: 'n8n-nodes-base.httpRequest', typeVersion: 4.2, position: [200, 0],
		parameters: {
			method: 'POST', url: `${baseUrl}/Authentication`,
			sendHeaders: true, headerParameters: { parameters: [{ name: 'X-CustomerToken', value: customerToken }] },
			options: { response: { response: { responseFormat: 'text' } } },
		},
	};
	const create = {
		id: 'bench-http', name: 'Create learner (HTTP Request)', type: 'n8n-nodes-base.httpRequest', typeVersion: 4.2, position: [800, 0],
		parameters: {
			method: 'POST', url: `${baseUrl}/User`,
			sendHeaders: true, headerParameters: { parameters: [{ name: 'X-TokenID', value: "={{ $('Sign in (HTTP Request)').first().json.data }}" }] },
			sendBody: true, specifyBody: 'json',
			jsonBody: `={{ JSON.stringify({ OrganisationID: ${ORG.organisation}, FirstName: $json.first, LastName: $json.last, Email: $json.email, Role: 1, DefaultAssessorID: ${ORG.assessor}, ClassroomID: ${ORG.classroom}, PlacementID: ${ORG.placement} }) }}`,
			options: {},
		},
	};
	return { id: `benchHttpReq${String(n).padStart(4, '0').slice(-4)}`, name: `bench HTTP Request ${n}`, active: false, settings: { executionOrder: 'v1' }, nodes: [trigger, signIn, ...rowsNodes(n), create], connections: { ...link('Start', 'Sign in (HTTP Request)'), ...link('Sign in (HTTP Request)', 'Rows'), ...link('Rows', 'Split Out'), ...link('Split Out', 'Create learner (HTTP Request)') } };
}

/**
 * Create or Update by MIS ID of `n` rows (sync): `version` 1.1 (writes every field of every match)
 * or 1.2 (compares with the record, writes only what differs); `changed` rows get a new last name;
 * `preview` reads and writes nothing. Requests in Parallel: Auto.
 */
export function upsertWorkflow(n, { version, changed = 0, preview = false, credentialId }) {
	const rows = Array.from({ length: n }, (_, i) => ({ first: `Sync${i}`, last: i < changed ? 'Changed' : 'Learner', email: `sync.${i}@example.com`, mis: `SYNC-${String(i).padStart(5, '0')}` }));
	const upsert = {
		id: 'bench-upsert', name: 'Create or Update (OneFile)', type: 'n8n-nodes-onefile.oneFile', typeVersion: version, position: [800, 0],
		parameters: {
			resource: 'user', operation: 'upsert', role: 'learner', matchBy: 'misId', misId: '={{ $json.mis }}',
			organisationId: { __rl: true, mode: 'id', value: String(ORG.organisation) },
			firstName: '={{ $json.first }}', lastName: '={{ $json.last }}', email: '={{ $json.email }}',
			defaultAssessorId: { __rl: true, mode: 'id', value: String(ORG.assessor) },
			classroomId: { __rl: true, mode: 'id', value: String(ORG.classroom) },
			placementId: { __rl: true, mode: 'id', value: String(ORG.placement) },
			options: preview ? { preview: true } : {},
		},
		credentials: { oneFileApi: { id: credentialId, name: 'OneFile (sandbox)' } },
	};
	const id = `benchSync${String(version).replace('.', '')}${changed ? 'C' : 'U'}${preview ? 'P' : 'W'}`.padEnd(16, '0').slice(0, 16);
	return {
		id, name: `bench sync ${n} v${version}${changed ? ` ${changed} changed` : ''}${preview ? ' preview' : ''}`, active: false, settings: { executionOrder: 'v1' },
		nodes: [trigger, { id: 'bench-rows', name: 'Rows', type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [400, 0], parameters: { mode: 'raw', jsonOutput: JSON.stringify({ rows }), options: {} } }, { id: 'bench-split', name: 'Split Out', type: 'n8n-nodes-base.splitOut', typeVersion: 1, position: [600, 0], parameters: { fieldToSplitOut: 'rows', options: {} } }, upsert],
		connections: { ...link('Start', 'Rows'), ...link('Rows', 'Split Out'), ...link('Split Out', 'Create or Update (OneFile)') },
	};
}
