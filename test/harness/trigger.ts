/** The OneFile Trigger against the sandbox, as the trigger tests drive it. */
import type { INodeParameters } from 'n8n-workflow';

import { OneFile } from '../../nodes/OneFile/OneFile.node';
import { OneFileTrigger } from '../../nodes/OneFile/OneFileTrigger.node';
import type { OneFileSandbox, seedFor } from '../../sandbox/onefile';
import { call } from '../sandbox/client';
import { Engine, ONEFILE_TYPE, type Poller } from './engine';
import { byId } from './onefile';

export const TRIGGER_TYPE = 'n8n-nodes-onefile.oneFileTrigger';

type Organisation = ReturnType<typeof seedFor>;

/** A trigger watching the organisation's learners (unless `parameters` say otherwise), at its newest version. */
export function triggerPoller(sandbox: OneFileSandbox, organisation: Organisation, parameters: INodeParameters = {}): Poller {
	const engine = new Engine(
		{ oneFileApi: { environment: 'custom', baseUrl: sandbox.url, customerToken: sandbox.customerToken } },
		{ nodeTypes: { [TRIGGER_TYPE]: new OneFileTrigger(), [ONEFILE_TYPE]: new OneFile() } },
	);
	return engine.poller(TRIGGER_TYPE, { event: 'userChanged', organisationId: byId(organisation.organisation.id), roles: ['learner'], simplify: true, options: {}, ...parameters });
}

/** A change made by another OneFile client: the user's MIS ID. */
export async function changeMisId(sandbox: OneFileSandbox, token: string, userId: number, misId: string): Promise<void> {
	const answer = await call(sandbox, 'POST', `/User/${userId}`, { token, body: { MISID: misId } });
	expect(answer.status).toBe(204);
}

/** A learner created by another OneFile client; `name` makes the names and the email. */
export async function createLearner(sandbox: OneFileSandbox, token: string, organisation: Organisation, name: string, misId?: string): Promise<number> {
	const body = {
		OrganisationID: organisation.organisation.id,
		Role: 1,
		FirstName: name,
		LastName: 'Learner',
		Email: `${name.toLowerCase()}@example.com`,
		...(misId === undefined ? {} : { MISID: misId }),
		DefaultAssessorID: organisation.assessors[0].id,
		ClassroomID: organisation.classrooms[0].id,
		PlacementID: organisation.placements[0].id,
	};
	const answer = await call(sandbox, 'POST', '/User', { token, body });
	expect(answer.status).toBe(200);
	return (answer.json as { ID: number }).ID;
}
