/** After a run, n8n shows the node's execution hints: what Auto did, and that a dry run sent nothing. */
import type { INodeParameters } from 'n8n-workflow';

import { SEED, seedFor } from '../../sandbox/onefile';
import type { RunResult } from '../harness/engine';
import { byId, useOneFile } from '../harness/onefile';

const onefile = useOneFile();
const org = seedFor(SEED.organisations.keychainOff.id);
const hints = (result: RunResult) => (result.run.data.resultData.runData.OneFile?.[0]?.hints ?? []).map((h) => h.message);

const getMany: INodeParameters = { resource: 'user', operation: 'get', userId: byId('={{ $json.id }}'), options: {} };

test('Auto says how many it ran at once and whether OneFile asked to slow down', async () => {
	const items = Array.from({ length: 12 }, (_, i) => ({ id: org.learners[i % org.learners.length].id }));
	const result = await onefile.engine.run({ parameters: getMany, items, typeVersion: 1.2 });
	expect(hints(result)).toEqual([expect.stringMatching(/^Requests in Parallel \(Auto\) ran up to \d+ at once; OneFile did not ask to slow down\.$/)]);
});

test('a fixed number gives no Auto hint', async () => {
	const result = await onefile.engine.run({ parameters: { ...getMany, options: { parallel: 'fixed', parallelCount: 2 } }, items: [{ id: org.learners[0].id }], typeVersion: 1.2 });
	expect(hints(result)).toEqual([]);
});

test('Preview and Validate Only say that nothing was written', async () => {
	const archive: INodeParameters = { resource: 'user', operation: 'archive', userId: byId(org.learners[0].id), options: { preview: true, parallel: 'fixed', parallelCount: 1 } };
	const previewed = await onefile.engine.run({ parameters: archive, items: [{}, {}], typeVersion: 1.2 });
	expect(hints(previewed)).toEqual(['Preview: nothing was written to OneFile for 2 items (OneFile was only read).']);
	const create: INodeParameters = {
		resource: 'user', operation: 'create', role: 'assessor', organisationId: byId(org.organisation.id),
		firstName: 'Val', lastName: 'Only', email: 'val.only@example.com', options: { validateOnly: true, parallel: 'fixed', parallelCount: 1 },
	};
	const validated = await onefile.engine.run({ parameters: create, typeVersion: 1.2 });
	expect(hints(validated)).toEqual(['Validate Only: nothing was sent to OneFile for 1 item.']);
});
