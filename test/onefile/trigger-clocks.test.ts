/**
 * The OneFile Trigger under every clock OneFile may keep (docs: sandbox/onefile/README.md, each a
 * guess): stamps in milliseconds, whole seconds or rounded seconds; OneFile's clock 2 s behind,
 * level with or 2 s ahead of n8n's; "modified since" inclusive or exclusive at the second; search
 * rows as the documented summaries. Through n8n-core's real poll path against the sandbox.
 *
 * Time passing is played by moving OneFile's clock on (the trigger reads it from each answer's Date
 * header), so each scenario runs in well under a second of real time.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { SEED, seedFor } from '../../sandbox/onefile';
import type { Poller } from '../harness/engine';
import { useOneFile } from '../harness/onefile';
import { changeMisId, createLearner as createLearnerIn, triggerPoller } from '../harness/trigger';
import { signIn } from '../sandbox/client';

const onefile = useOneFile();
const org = seedFor(SEED.organisations.keychainOff.id);

type Precision = 'ms' | 'second' | 'secondRounded';
type Filter = 'atOrAfter' | 'after';
type Rows = 'summary' | 'withLastModified';

const COMBINATIONS: Array<[Precision, number, Filter, Rows]> = [];
for (const precision of ['ms', 'second', 'secondRounded'] as const)
	for (const offsetMs of [-2000, 0, 2000])
		for (const filter of ['atOrAfter', 'after'] as const) COMBINATIONS.push([precision, offsetMs, filter, 'summary']);
COMBINATIONS.push(['second', -2000, 'after', 'withLastModified'], ['secondRounded', 2000, 'after', 'withLastModified']);

const poller = (parameters: INodeParameters = {}): Poller => triggerPoller(onefile.sandbox, org, parameters);

interface Clock {
	/** Moves OneFile's clock on by `ms`, as time passing. */
	pass(ms: number): void;
}

function playClock(precision: Precision, offsetMs: number, filter: Filter, rows: Rows): Clock {
	let offset = offsetMs;
	onefile.sandbox.configure({ contract: { clockOffsetMs: offset, stampPrecision: precision, lastModifiedFilter: filter, searchRows: rows } });
	return {
		pass(ms: number) {
			offset += ms;
			onefile.sandbox.configure({ contract: { clockOffsetMs: offset } });
		},
	};
}

let token: string;
beforeEach(async () => {
	token = await signIn(onefile.sandbox);
});

const update = async (userId: number, misId: string): Promise<void> => await changeMisId(onefile.sandbox, token, userId, misId);

const createLearner = async (misId: string): Promise<number> => await createLearnerIn(onefile.sandbox, token, org, `Clock${misId.replace(/[^A-Za-z0-9]/g, '')}`, misId);

const seen = (items: IDataObject[] | null) => (items ?? []).map((i) => `${i.event}:${(i.user as IDataObject).MISID}`);

test.each(COMBINATIONS)(
	'stamps %s, OneFile %i ms from n8n, "since" %s, %s rows: nothing after publishing lost, nothing before replayed, each change once, created only first',
	async (precision, offsetMs, filter, rows) => {
		const clock = playClock(precision, offsetMs, filter, rows);
		const [a, b, c] = org.learners;
		await update(a.id, 'BEFORE');
		// Longer ago than the uncertainty the trigger states (2 s plus the round trip).
		clock.pass(5_000);
		const p = poller();
		expect(await p.poll()).toBeNull();
		// Right after publishing: the same second as the activating poll.
		await update(b.id, 'JUST-AFTER');
		expect(seen(await p.poll())).toEqual(['updated:JUST-AFTER']);
		// A change, a poll, the same user changed again in the same second as that poll.
		clock.pass(30_000);
		await update(c.id, 'TWICE-1');
		expect(seen(await p.poll())).toEqual(['updated:TWICE-1']);
		await update(c.id, 'TWICE-2');
		clock.pass(30_000);
		expect(seen(await p.poll())).toEqual(['updated:TWICE-2']);
		// A user created, emitted as created; changed later, emitted as updated.
		const created = await createLearner(`NEW-${precision}-${offsetMs}-${filter}-${rows}`.toUpperCase());
		await update(created, 'NEW-CHANGED');
		expect(seen(await p.poll())).toEqual(['created:NEW-CHANGED']);
		await update(created, 'NEW-CHANGED-2');
		clock.pass(30_000);
		expect(seen(await p.poll())).toEqual(['updated:NEW-CHANGED-2']);
		// Quiet: nothing again, however many polls.
		clock.pass(30_000);
		expect(await p.poll()).toBeNull();
		clock.pass(30_000);
		expect(await p.poll()).toBeNull();
	},
);

test('a change made during a poll (between its search and its end) is emitted by the next poll', async () => {
	const clock = playClock('second', -2000, 'after', 'summary');
	const p = poller();
	await p.poll();
	clock.pass(30_000);
	// The search has run; the change lands while the poll fetches records.
	onefile.sandbox.configure({ faults: { slowMs: 200, script: [{ method: 'GET', path: '^/User/\\d+$', fault: 'slow', times: 1 }] } });
	await update(org.learners[0].id, 'DURING-0');
	const poll = p.poll();
	await new Promise((resolve) => setTimeout(resolve, 60));
	await update(org.learners[1].id, 'DURING-1');
	expect(seen(await poll)).toEqual(['updated:DURING-0']);
	clock.pass(30_000);
	expect(seen(await p.poll())).toEqual(['updated:DURING-1']);
});

describe('hostile answers and damaged memory', () => {
	const memory = (p: Poller) => p.workflow.staticData['node:Trigger'] as IDataObject;

	test('a OneFile that ignores "modified since": rows stamped before the window are not changes, however many polls', async () => {
		const clock = playClock('second', 0, 'after', 'summary');
		onefile.sandbox.configure({ contract: { lastModifiedFilter: 'ignored' } });
		const p = poller();
		await p.poll();
		clock.pass(30_000);
		await update(org.learners[0].id, 'IGNORED-1');
		expect(seen(await p.poll())).toEqual(['updated:IGNORED-1']);
		for (let i = 0; i < 3; i++) {
			clock.pass(30_000);
			expect(await p.poll()).toBeNull();
		}
	});

	test.each(['dotnetEmpty', 'ukDate', 'missing'] as const)(
		'LastModified written %s, and "since" ignored: each content emitted once, nothing old replayed',
		async (style) => {
			const clock = playClock('second', 0, 'after', 'summary');
			onefile.sandbox.configure({ contract: { lastModifiedFilter: 'ignored', lastModifiedStyle: style } });
			const p = poller();
			await p.poll();
			clock.pass(30_000);
			// The first poll learns what each user present at activation holds; it replays none of them.
			expect(await p.poll()).toBeNull();
			await update(org.learners[0].id, `STYLE-${style}`);
			clock.pass(30_000);
			expect(seen(await p.poll())).toEqual([`updated:STYLE-${style}`]);
			clock.pass(30_000);
			expect(await p.poll()).toBeNull();
		},
	);

	test.each(['dotnetEmpty', 'ukDate', 'missing'] as const)(
		'LastModified written %s, "since" honoured: a user changed long after publishing is emitted, once',
		async (style) => {
			const clock = playClock('second', 0, 'after', 'summary');
			onefile.sandbox.configure({ contract: { lastModifiedStyle: style } });
			const p = poller();
			await p.poll();
			for (let i = 0; i < 3; i++) {
				clock.pass(30_000);
				expect(await p.poll()).toBeNull();
			}
			await update(org.learners[1].id, `HONOURED-${style}`);
			clock.pass(30_000);
			expect(seen(await p.poll())).toEqual([`updated:HONOURED-${style}`]);
			clock.pass(30_000);
			expect(await p.poll()).toBeNull();
		},
	);

	test.each([
		['users that are not an object', (m: IDataObject) => (m.users = 'junk')],
		['a window start that is not a time', (m: IDataObject) => (m.since = 'not a time')],
		['pending reads that are a list', (m: IDataObject) => (m.pending = [1, 2])],
	])('damaged memory (%s) is repaired as a first activation, then works', async (_name, damage) => {
		const clock = playClock('ms', 0, 'atOrAfter', 'summary');
		const p = poller();
		await p.poll();
		damage(memory(p));
		expect(await p.poll()).toBeNull();
		expect(typeof memory(p).since).toBe('string');
		clock.pass(30_000);
		await update(org.learners[0].id, 'REPAIRED');
		expect(seen(await p.poll())).toEqual(['updated:REPAIRED']);
	});

	test('memory that is not an object at all stops the poll with words and a fix, not a TypeError', async () => {
		playClock('ms', 0, 'atOrAfter', 'summary');
		const p = poller();
		p.workflow.staticData['node:Trigger'] = 'junk' as never;
		await expect(p.poll()).rejects.toThrow(/cannot read its memory/);
	});

	test("a window start ahead of OneFile's clock (n8n's clock was ahead) is clamped: changes still arrive", async () => {
		const clock = playClock('ms', 0, 'atOrAfter', 'summary');
		const p = poller();
		await p.poll();
		memory(p).since = new Date(Date.now() + 86_400_000).toISOString();
		clock.pass(30_000);
		await update(org.learners[0].id, 'CLAMPED');
		expect(seen(await p.poll())).toEqual(['updated:CLAMPED']);
	});

	test('a record that cannot be read holds back no other change: reported once after 3 polls, emitted once readable', async () => {
		const clock = playClock('ms', 0, 'atOrAfter', 'summary');
		const [stuck, other] = org.learners;
		const p = poller();
		await p.poll();
		onefile.sandbox.configure({ faults: { script: [{ method: 'GET', path: `^/User/${stuck.id}$`, fault: 'status500', times: 1000 }] } });
		clock.pass(30_000);
		await update(stuck.id, 'STUCK');
		await update(other.id, 'OTHER');
		expect(seen(await p.poll())).toEqual(['updated:OTHER']);
		clock.pass(60_000);
		expect(await p.poll()).toBeNull();
		clock.pass(60_000);
		const told = (await p.poll()) ?? [];
		expect(told.map((i) => [i.event, i.id])).toEqual([['unreadable', stuck.id]]);
		expect(String(told[0].error)).toMatch(/3 polls in a row/);
		clock.pass(60_000);
		expect(await p.poll()).toBeNull();
		onefile.sandbox.configure({ faults: { script: [] } });
		clock.pass(60_000);
		expect(seen(await p.poll())).toEqual(['updated:STUCK']);
		clock.pass(60_000);
		expect(await p.poll()).toBeNull();
	}, 60_000);
});
