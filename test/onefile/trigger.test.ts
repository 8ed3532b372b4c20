/**
 * The OneFile Trigger through n8n-core's real poll path (PollContext + TriggersAndPollers.runPoll,
 * one Workflow kept between polls as ActiveWorkflows keeps it) against the sandbox, whose users are
 * changed over plain HTTP as another OneFile client would change them.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { SEED, seedFor } from '../../sandbox/onefile';
import type { Poller } from '../harness/engine';
import { calls, useOneFile } from '../harness/onefile';
import { changeMisId, createLearner as createLearnerIn, triggerPoller } from '../harness/trigger';
import { call, signIn } from '../sandbox/client';

const onefile = useOneFile();
const org = seedFor(SEED.organisations.keychainOff.id);

const poller = (parameters: INodeParameters = {}): Poller => triggerPoller(onefile.sandbox, org, parameters);

/** The trigger's memory as n8n stores it (the node's static data). */
const memory = (p: Poller) => p.workflow.staticData['node:Trigger'] as IDataObject | undefined;

let token: string;
beforeEach(async () => {
	token = await signIn(onefile.sandbox);
});

const update = async (userId: number, misId: string): Promise<void> => await changeMisId(onefile.sandbox, token, userId, misId);

const createLearner = async (n: number, organisation = org): Promise<number> => await createLearnerIn(onefile.sandbox, token, organisation, `Trigger${n}`);

const ids = (items: IDataObject[] | null) => (items ?? []).map((i) => i.id);

test('the first poll records "now" and replays nothing', async () => {
	await update(org.learners[0].id, 'BEFORE-1');
	// Further back than the clock's uncertainty (up to about 2 s before publishing may be replayed).
	await sleep(3_200);
	const p = poller();
	expect(await p.poll()).toBeNull();
	expect(typeof memory(p)?.since).toBe('string');
	// One search per role to read OneFile's clock (and who is there); no record is fetched.
	expect(calls(onefile.sandbox).filter((c) => c.startsWith('POST /User/Search'))).toHaveLength(1);
	expect(calls(onefile.sandbox).filter((c) => /^GET \/User\/\d+/.test(c))).toEqual([]);
	expect(await p.poll()).toBeNull();
});

test('changes after the first poll are emitted once, with id, role, time, event and the record', async () => {
	const p = poller();
	await p.poll();
	await update(org.learners[0].id, 'CHANGED-1');
	await update(org.learners[1].id, 'CHANGED-2');
	const created = await createLearner(1);
	const first = await p.poll();
	expect(ids(first).sort()).toEqual([org.learners[0].id, org.learners[1].id, created].sort());
	const byId = new Map((first ?? []).map((i) => [i.id, i]));
	expect(byId.get(created)).toEqual(expect.objectContaining({ event: 'created', role: 'Learner', lastModified: expect.stringMatching(/Z$/) }));
	expect(byId.get(org.learners[0].id)).toEqual(expect.objectContaining({ event: 'updated', role: 'Learner' }));
	expect((byId.get(org.learners[0].id)?.user as IDataObject).MISID).toBe('CHANGED-1');
	// Oldest change first.
	const times = (first ?? []).map((i) => Date.parse(String(i.lastModified)));
	expect([...times].sort((a, b) => a - b)).toEqual(times);
	// The next poll looks back over the same minutes (the overlap) and emits none of them again.
	expect(await p.poll()).toBeNull();
	await update(org.learners[0].id, 'CHANGED-AGAIN');
	const second = await p.poll();
	expect(ids(second)).toEqual([org.learners[0].id]);
});

test('a poll while OneFile fails emits nothing and moves nothing; the next one emits everything missed', async () => {
	const p = poller();
	await p.poll();
	await update(org.learners[0].id, 'MISSED-1');
	const cursor = memory(p)?.since;
	onefile.sandbox.configure({ faults: { script: [{ path: '^/User/Search', fault: 'status503', times: 20 }] } });
	await expect(p.poll()).rejects.toThrow(/HTTP 503/);
	expect(memory(p)?.since).toBe(cursor);
	onefile.sandbox.configure({ faults: { script: [] } });
	await update(org.learners[1].id, 'MISSED-2');
	expect(ids(await p.poll()).sort()).toEqual([org.learners[0].id, org.learners[1].id].sort());
	expect(await p.poll()).toBeNull();
});

test('a refused token fails the poll, and nothing is lost', async () => {
	const p = poller();
	await p.poll();
	await update(org.learners[2].id, 'TOKEN-1');
	onefile.sandbox.configure({ auth: { expiredStatus: 401 } });
	onefile.sandbox.expireAllSessions();
	onefile.sandbox.configure({ faults: { script: [{ path: '^/Authentication$', fault: 'status503', times: 20 }] } });
	await expect(p.poll()).rejects.toThrow();
	onefile.sandbox.configure({ faults: { script: [] } });
	expect(ids(await p.poll())).toEqual([org.learners[2].id]);
});

test('changes within the overlap window are not emitted twice, however many polls see them', async () => {
	const p = poller({ options: { overlapMinutes: 60 } });
	await p.poll();
	await update(org.learners[0].id, 'OVERLAP-1');
	expect(ids(await p.poll())).toEqual([org.learners[0].id]);
	for (let i = 0; i < 3; i++) expect(await p.poll()).toBeNull();
	// Every one of those polls asked OneFile again (the change is inside the window), and dropped it.
	expect(calls(onefile.sandbox).filter((c) => c.startsWith('POST /User/Search')).length).toBeGreaterThanOrEqual(4);
});

test('1,000 changes across pages arrive exactly once', async () => {
	const p = poller();
	await p.poll();
	const created: number[] = [];
	for (let i = 0; i < 600; i++) created.push(await createLearner(1000 + i));
	const first = await p.poll();
	for (let i = 600; i < 1000; i++) created.push(await createLearner(1000 + i));
	const second = await p.poll();
	const third = await p.poll();
	const all = [...ids(first), ...ids(second), ...ids(third)];
	expect(all).toHaveLength(1000);
	expect(new Set(all)).toEqual(new Set(created));
	expect(third).toBeNull();
	// Paged 50 at a time, with short pages ending each search.
	expect(calls(onefile.sandbox).some((c) => c.startsWith('POST /User/Search/12/50 200'))).toBe(true);
}, 120_000);

test('a cursor deleted from the static data behaves like a first activation', async () => {
	const p = poller();
	await p.poll();
	await update(org.learners[0].id, 'DELETED-1');
	// Further back than the clock's uncertainty (the second of the change, the round trip), which may be replayed.
	await sleep(3_200);
	delete memory(p)?.since;
	expect(await p.poll()).toBeNull();
	await update(org.learners[1].id, 'DELETED-2');
	expect(ids(await p.poll())).toEqual([org.learners[1].id]);
});

test('two polls that run at once (or n8n firing twice) emit each change once', async () => {
	const p = poller();
	await p.poll();
	await update(org.learners[0].id, 'TWICE-1');
	await update(org.learners[1].id, 'TWICE-2');
	const [a, b] = await Promise.all([p.poll(), p.poll()]);
	expect([...ids(a), ...ids(b)].sort()).toEqual([org.learners[0].id, org.learners[1].id].sort());
});

test('Fetch Test Event returns the most recently changed user and leaves the cursor alone', async () => {
	const p = poller();
	await p.poll();
	const cursor = memory(p)?.since;
	await update(org.learners[1].id, 'TEST-EVENT-1');
	await update(org.learners[0].id, 'TEST-EVENT-2');
	const sample = await p.poll('manual');
	expect(ids(sample)).toEqual([org.learners[0].id]);
	expect(memory(p)?.since).toBe(cursor);
	// The real poll still emits both changes.
	expect(ids(await p.poll()).sort()).toEqual([org.learners[0].id, org.learners[1].id].sort());
});

test('several roles, and Fetch Full Record off: the search rows as they are', async () => {
	const p = poller({ roles: ['learner', 'assessor'], simplify: false, options: { fetchFullRecord: false } });
	await p.poll();
	await update(org.learners[0].id, 'ROLES-1');
	await update(org.assessors[0].id, 'ROLES-2');
	const items = await p.poll();
	expect((items ?? []).map((i) => [i.id, i.role]).sort()).toEqual([
		[org.learners[0].id, 'Learner'],
		[org.assessors[0].id, 'Assessor / Tutor'],
	].sort());
	expect(calls(onefile.sandbox).filter((c) => /^GET \/User\/\d+/.test(c))).toEqual([]);
	expect(items?.[0].user).toEqual(expect.objectContaining({ ID: expect.any(Number), MISID: expect.stringMatching(/^ROLES-/) }));
});

test('yes/no settings given by an expression as text are read as the user meant (Fetch Full Record "FALSE", Simplify "no")', async () => {
	const p = poller({ simplify: '={{ "no" }}', options: { fetchFullRecord: '={{ "FALSE" }}' } });
	await p.poll();
	await update(org.learners[0].id, 'FLAGS-1');
	const items = await p.poll();
	expect(ids(items)).toEqual([org.learners[0].id]);
	// Fetch Full Record off: no record fetch, the search row as it is.
	expect(calls(onefile.sandbox).filter((c) => /^GET \/User\/\d+/.test(c))).toEqual([]);
	// Simplify off: the record under `user`, as with simplify: false.
	expect(items?.[0].user).toEqual(expect.objectContaining({ MISID: 'FLAGS-1' }));
});

test('a yes/no setting that is neither stops the poll with the setting named, before any request', async () => {
	const p = poller({ options: { fetchFullRecord: '={{ "maybe" }}' } });
	const before = onefile.sandbox.requests().length;
	await expect(p.poll()).rejects.toThrow(/Fetch Full Record/);
	expect(onefile.sandbox.requests().length).toBe(before);
});

test('OneFile dates without a zone are read as UTC', async () => {
	onefile.sandbox.configure({ contract: { responseDatesWithoutZone: true } });
	const p = poller();
	await p.poll();
	const before = Date.now();
	await update(org.learners[0].id, 'ZONE-1');
	const [item] = (await p.poll()) ?? [];
	const time = Date.parse(String(item.lastModified));
	expect(time).toBeGreaterThanOrEqual(before - 5);
	expect(time).toBeLessThanOrEqual(Date.now());
});

test('an assignment counts as a change of the learner', async () => {
	const p = poller();
	await p.poll();
	const answer = await call(onefile.sandbox, 'POST', `/User/${org.employers[0].id}/Assign`, { token, body: { LearnerID: org.learners[3].id, Level: 1 } });
	expect(answer.status).toBe(200);
	expect(ids(await p.poll())).toEqual([org.learners[3].id]);
});
