import { changeKey, MAX_SEEN, remember, unseen, windowStart, type Change } from '../../nodes/OneFile/trigger/changes';

const change = (id: number, lastModified?: number): Change => ({ id, role: 'Learner', lastModified, record: { ID: id } });

describe("the trigger's memory", () => {
	test('a change is its user and its time; the same user changed again is a new change', () => {
		const memory = remember({}, [change(1, 1000)], 2500, 1000);
		expect(unseen([change(1, 1000), change(1, 2000), change(2, 1500)], memory).map(changeKey)).toEqual(['2@1500', '1@2000']);
	});

	test('changes leave the seen-set once no later window can reach them, and it never passes its cap', () => {
		const now = 10 * 60_000;
		const memory = remember({ seen: { '1@0': 0, [`2@${now - 60_000}`]: now - 60_000 } }, [], now, 60_000);
		expect(Object.keys(memory.seen ?? {})).toEqual([`2@${now - 60_000}`]);
		const many = Array.from({ length: MAX_SEEN + 5 }, (_, i) => change(i + 1, now));
		expect(Object.keys(remember({}, many, now, 60_000).seen ?? {})).toHaveLength(MAX_SEEN);
	});

	test('the window starts an overlap before the cursor, and only after the first activation', () => {
		const first = remember({}, [], 100_000, 60_000);
		// A change stamped in the millisecond of the activation counts as before it.
		expect(windowStart(first, 60_000)).toBe(100_001);
		const later = remember(first, [], 400_000, 60_000);
		expect(windowStart(later, 60_000)).toBe(340_000);
		expect(windowStart({}, 60_000)).toBeUndefined();
	});
});
