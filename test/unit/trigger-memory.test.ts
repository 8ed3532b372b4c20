import { contentHash, judge, MAX_USERS, prune, readMemory, type Found } from '../../nodes/OneFile/trigger/changes';
import { nextSince, readStamp } from '../../nodes/OneFile/trigger/clock';

const NOW = Date.UTC(2026, 11, 6, 12, 0, 0);
const found = (record: Found['record'], windowFrom = NOW - 60_000, full = true): Found => ({ id: 7, role: 'Learner', record: { ID: 7, ...record }, full, windowFrom });

describe("the trigger's clock", () => {
	test("the next window starts 2 s and the round trip before OneFile's Date (whole seconds, rounded stamps, an exclusive filter)", () => {
		const date = Date.UTC(2026, 11, 6, 12, 0, 10);
		expect(nextSince({ sentAt: date + 260, receivedAt: date + 300, serverDate: date }, 0, 0).since).toBe(date - 2000);
		expect(nextSince({ sentAt: date - 400, receivedAt: date + 300, serverDate: date }, 0, 0).since).toBe(date - 3000);
	});

	test('without a believable Date (absent, or a day away from n8n\'s clock) it looks a minute back on n8n\'s clock plus the last offset', () => {
		expect(nextSince({ sentAt: NOW, receivedAt: NOW }, NOW, 5000)).toEqual({ since: NOW + 5000 - 60_000, offsetMs: 5000, measured: false });
		expect(nextSince({ sentAt: NOW, receivedAt: NOW, serverDate: NOW + 2 * 86_400_000 }, NOW, 0).measured).toBe(false);
	});

	test.each([
		['2026-12-06T11:59:00Z', NOW - 60_000],
		['2026-12-06T11:59:00.5', NOW - 59_500],
		['2026-12-06T12:59:00+01:00', NOW - 60_000],
		['2026-12-06T11:59:00.1234567', NOW - 59_877],
	])('a stamp %s is read as a time', (raw, time) => {
		expect(readStamp(raw, NOW)).toBe(time);
	});

	test.each(['0001-01-01T00:00:00', '01/03/2026 10:00:00', '2026-02-30T10:00:00', '2099-01-01T00:00:00Z', '', 'yesterday', 12345, null])('%p is no usable stamp', (raw) => {
		expect(readStamp(raw, NOW)).toBeUndefined();
	});
});

describe('which finds are changes', () => {
	test('a stamp decides: before the window not a change, the stamp emitted before not again, a new one emitted', () => {
		expect(judge(found({ LastModified: '2026-12-06T11:00:00Z' }), undefined, NOW, NOW).emit).toBe(false);
		const first = judge(found({ LastModified: '2026-12-06T11:59:30Z' }), undefined, NOW, NOW);
		expect(first).toEqual(expect.objectContaining({ emit: true, event: 'updated' }));
		expect(judge(found({ LastModified: '2026-12-06T11:59:30Z' }), first.mark, NOW, NOW).emit).toBe(false);
		expect(judge(found({ LastModified: '2026-12-06T11:59:40Z' }), first.mark, NOW, NOW).emit).toBe(true);
		// Whole-second stamps: a second change in the same second has the same stamp, other content.
		expect(judge(found({ LastModified: '2026-12-06T11:59:30Z', MISID: 'again' }), first.mark, NOW, NOW).emit).toBe(true);
	});

	test('created only on the first emission of a user created in the window', () => {
		const record = { LastModified: '2026-12-06T11:59:30Z', CreatedOn: '2026-12-06T11:59:20Z' };
		const first = judge(found(record), undefined, NOW, NOW);
		expect(first).toEqual(expect.objectContaining({ event: 'created' }));
		expect(judge(found({ ...record, LastModified: '2026-12-06T11:59:50Z' }), first.mark, NOW, NOW)).toEqual(expect.objectContaining({ event: 'updated' }));
		expect(judge(found(record), { k: 'b', at: NOW }, NOW, NOW)).toEqual(expect.objectContaining({ event: 'updated' }));
	});

	test('no usable stamp: the content decides, once per content; present at activation is not a change', () => {
		const record = { LastModified: '0001-01-01T00:00:00', MISID: 'A' };
		const first = judge(found(record), undefined, NOW, NOW);
		expect(first.emit).toBe(true);
		expect(judge(found(record), first.mark, NOW, NOW).emit).toBe(false);
		expect(judge(found({ ...record, MISID: 'B' }), first.mark, NOW, NOW).emit).toBe(true);
		expect(judge(found(record), { k: 'b', at: NOW }, NOW, NOW).emit).toBe(false);
	});

	test('a summary row (Fetch Full Record off): seen in this window not again; seen before it, a new change', () => {
		const row = found({ MISID: 'A' }, NOW - 2000, false);
		expect(judge(row, { k: 'r', at: NOW - 2000 }, NOW, NOW).emit).toBe(false);
		expect(judge(row, { k: 'r', at: NOW - 60_000 }, NOW, NOW).emit).toBe(true);
	});

	test('the content hash ignores LastModified and key order', () => {
		expect(contentHash({ A: 1, B: [1, { c: 2 }], LastModified: 'x' })).toBe(contentHash({ B: [1, { c: 2 }], A: 1 }));
		expect(contentHash({ A: 1 })).not.toBe(contentHash({ A: 2 }));
	});
});

describe("the trigger's memory", () => {
	test('stamps and rows leave once no later window can reach them; content marks stay; never more than MAX_USERS', () => {
		const kept = prune({ 1: { k: `t${NOW - 10_000}.x`, at: NOW }, 2: { k: `t${NOW}.x`, at: NOW }, 3: { k: 'r', at: NOW - 10_000 }, 4: { k: 'hx', at: 0 }, 5: { k: 'b', at: 0 } }, NOW - 5000);
		expect(Object.keys(kept).sort()).toEqual(['2', '4', '5']);
		const many = Object.fromEntries(Array.from({ length: MAX_USERS + 5 }, (_, i) => [String(i + 1), { k: 'b', at: i }]));
		expect(Object.keys(prune(many, NOW))).toHaveLength(MAX_USERS);
	});

	test.each([
		['users that are not an object', { since: '2026-12-06T12:00:00.000Z', users: 'junk' }],
		['a window start that is not a time', { since: 'yesterday' }],
		['a version 1 cursor that is not a time', { cursor: 42 }],
		['a version 1 seen-set that is not an object', { cursor: '2026-12-06T12:00:00.000Z', seen: [1, 2] }],
	])('damaged memory (%s) is a first activation, with what was repaired', (_name, memory) => {
		const read = readMemory(memory as never, 300_000);
		expect(read.since).toBeUndefined();
		expect(read.repaired).toEqual(expect.any(String));
	});

	test("a version 1 memory carries its window (cursor minus the overlap, after the activation) and its seen changes", () => {
		const read = readMemory({ cursor: new Date(NOW).toISOString(), activatedAt: new Date(NOW - 60_000).toISOString(), seen: { [`9@${NOW - 1000}`]: NOW - 1000 } }, 300_000);
		expect(read.since).toBe(NOW - 60_000 + 1);
		expect(read.users['9']).toEqual({ k: `t${NOW - 1000}`, at: NOW });
	});
});
