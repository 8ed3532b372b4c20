/**
 * What a poll of the OneFile Trigger costs, through n8n-core's real poll path against the sandbox:
 * requests per idle poll, record fetches per change. Prints the figures (README "What a poll costs");
 * asserts only what is a guarantee (every change once; an idle poll after a quiet spell sends the
 * searches only), never a time.
 */
import type { IDataObject } from 'n8n-workflow';

import { SEED, seedFor } from '../../sandbox/onefile';
import type { Poller } from '../harness/engine';
import { useOneFile } from '../harness/onefile';
import { createLearner as createLearnerIn, triggerPoller } from '../harness/trigger';
import { call, signIn } from '../sandbox/client';

const onefile = useOneFile();
const org = seedFor(SEED.organisations.keychainOff.id);

const poller = (): Poller => triggerPoller(onefile.sandbox, org);

interface PollCost {
	searches: number;
	fetches: number;
	emitted: number;
}

async function costOf(p: Poller): Promise<PollCost & { items: IDataObject[] }> {
	const before = onefile.sandbox.requests().length;
	const items = (await p.poll()) ?? [];
	const sent = onefile.sandbox.requests().slice(before).map((r) => `${r.method} ${r.path}`);
	return {
		searches: sent.filter((c) => c.startsWith('POST /User/Search')).length,
		fetches: sent.filter((c) => /^GET \/User\/\d+$/.test(c)).length,
		emitted: items.length,
		items,
	};
}

const createLearner = async (token: string, n: number): Promise<number> => await createLearnerIn(onefile.sandbox, token, org, `Cost${n}`);

const ROUNDS = 10;
const CHANGES_PER_ROUND = 3;
const IDLE_POLLS = 4;

test('what a poll costs: requests per idle poll, record fetches per change (printed)', async () => {
	const token = await signIn(onefile.sandbox);
	// One learner per change, made before the trigger is published, so each change is a user's only one.
	// (a minute before it on OneFile's clock, beyond the second or two before publishing that may be replayed)
	onefile.sandbox.configure({ contract: { clockOffsetMs: -60_000 } });
	const learners: number[] = [];
	for (let n = 0; n < ROUNDS * CHANGES_PER_ROUND; n++) learners.push(await createLearner(token, n));
	onefile.sandbox.configure({ contract: { clockOffsetMs: 0 } });
	const p = poller();
	// A poll a minute, as a published trigger would run: OneFile's clock moves a minute on between
	// polls, changes half-way (the trigger reads OneFile's clock from each answer's Date header; the
	// test does not wait for it).
	let offsetMs = 0;
	const halfAMinute = () => {
		offsetMs += 30_000;
		onefile.sandbox.configure({ contract: { clockOffsetMs: offsetMs } });
	};
	await p.poll();
	const emitted: string[] = [];
	const made: string[] = [];
	let changeFetches = 0;
	let changeSearches = 0;
	for (let round = 0; round < ROUNDS; round++) {
		halfAMinute();
		for (let k = 0; k < CHANGES_PER_ROUND; k++) {
			const learner = learners[round * CHANGES_PER_ROUND + k];
			const misId = `COST-${round}-${k}`;
			const answer = await call(onefile.sandbox, 'POST', `/User/${learner}`, { token, body: { MISID: misId } });
			expect(answer.status).toBe(204);
			made.push(misId);
		}
		halfAMinute();
		const cost = await costOf(p);
		changeFetches += cost.fetches;
		changeSearches += cost.searches;
		emitted.push(...cost.items.map((i) => String((i.user as IDataObject).MISID)));
	}
	const idle: PollCost[] = [];
	for (let i = 0; i < IDLE_POLLS; i++) {
		halfAMinute();
		halfAMinute();
		const cost = await costOf(p);
		idle.push(cost);
		changeFetches += cost.fetches;
		emitted.push(...cost.items.map((item) => String((item.user as IDataObject).MISID)));
	}
	const changes = ROUNDS * CHANGES_PER_ROUND;
	const idleRequests = idle.map((c) => c.searches + c.fetches);
	console.log(
		`trigger cost: ${changes} changes over ${ROUNDS} polls, then ${IDLE_POLLS} idle polls: ` +
			`${(changeFetches / changes).toFixed(2)} record fetches per change, ${changeSearches} searches in the change polls; ` +
			`idle polls sent ${idleRequests.join(', ')} requests (searches ${idle.map((c) => c.searches).join(', ')})`,
	);
	// Every change exactly once.
	expect([...emitted].sort()).toEqual([...made].sort());
	// A change is read once (polls a minute apart leave nothing in the clock's margin of about 2 s),
	// and an idle poll sends its search only.
	expect(changeFetches).toBe(changes);
	for (const cost of idle) expect(cost.fetches).toBe(0);
}, 60_000);
