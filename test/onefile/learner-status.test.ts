/**
 * A learner's status by name: a sheet says "Withdrawn", the node sends the organisation's status ID
 * (`GET /Organisation/{id}/LearnerStatuses` [C], read once per run). Through n8n's engine.
 */
import type { INodeParameters } from 'n8n-workflow';

import { SEED, seedFor } from '../../sandbox/onefile';
import { byId, calls, useOneFile } from '../harness/onefile';

const onefile = useOneFile();
const org = seedFor(SEED.organisations.keychainOff.id);
const withdrawn = org.learnerStatuses.find((s) => /withdrawn/i.test(s.name));

const update = (status: unknown): INodeParameters => ({
	resource: 'user',
	operation: 'update',
	userId: byId('={{ $json.id }}'),
	updateFields: { learnerStatusId: status as INodeParameters[string] },
});

test('the seed has a Withdrawn status to name', () => {
	expect(withdrawn).toBeDefined();
});

test('Update with a status named by a sheet ("withdrawn ", any case) sends its ID; the statuses are read once for the run', async () => {
	const items = org.learners.slice(0, 3).map((l) => ({ id: l.id, status: ' withdrawn ' }));
	const result = await onefile.engine.run({ parameters: update('={{ $json.status }}'), items, typeVersion: 1.2 });
	expect(result.json.map((r) => r.action)).toEqual(['updated', 'updated', 'updated']);
	for (const learner of org.learners.slice(0, 3)) expect(onefile.sandbox.users().find((u) => u.ID === learner.id)?.LearnerStatusID).toBe(withdrawn?.id);
	expect(calls(onefile.sandbox).filter((c) => c.startsWith('GET /Organisation/'))).toHaveLength(1);
});

test('a status picked from the list (its ID) is sent as it is', async () => {
	const result = await onefile.engine.run({ parameters: update(withdrawn?.id), items: [{ id: org.learners[3].id }], typeVersion: 1.2 });
	expect(result.json[0].action).toBe('updated');
	expect(calls(onefile.sandbox).filter((c) => c.startsWith('GET /Organisation/'))).toHaveLength(0);
});

test('a name that is not one of the organisation\'s statuses fails the row, listing them; nothing is written', async () => {
	const result = await onefile.engine.run({ parameters: update('Gone Fishing'), items: [{ id: org.learners[0].id }], typeVersion: 1.2, continueOnFail: true });
	expect(String(result.json[0].error)).toMatch(/Learner Status "Gone Fishing" is not the name of one of the organisation's statuses/);
	expect(JSON.stringify(result.json[0])).toContain(String(withdrawn?.name));
	expect(calls(onefile.sandbox).filter((c) => /^POST \/User\/\d+ /.test(c))).toEqual([]);
});

test('Create or Update takes the status by name too', async () => {
	const parameters: INodeParameters = {
		resource: 'user', operation: 'upsert', role: 'learner', matchBy: 'misId', misId: 'LS-1',
		organisationId: byId(org.organisation.id), firstName: 'Status', lastName: 'Named', email: 'status.named@example.com',
		defaultAssessorId: byId(org.assessors[0].id), classroomId: byId(org.classrooms[0].id), placementId: byId(org.placements[0].id),
		additionalFields: { learnerStatusId: 'Withdrawn' },
	};
	const result = await onefile.engine.run({ parameters, typeVersion: 1.2 });
	expect(result.json[0].action).toBe('created');
	expect(onefile.sandbox.users().find((u) => u.MISID === 'LS-1')?.LearnerStatusID).toBe(withdrawn?.id);
});
