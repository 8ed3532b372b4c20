import { AdaptiveLimit } from '../../nodes/shared/items/adaptiveLimit';

/** A clock the test moves by hand. */
function clock(start = 0) {
	let now = start;
	return { now: () => now, advance: (ms: number) => (now += ms) };
}
const noWait = async () => {};

describe('Requests in Parallel: Auto', () => {
	test('starts at 2 and grows by one for each steady round, never past the cap', () => {
		const limit = new AdaptiveLimit(5, clock().now);
		expect(limit.limit).toBe(2);
		const seen: number[] = [];
		for (let i = 0; i < 40; i++) {
			limit.onAnswer(50);
			seen.push(limit.limit);
		}
		expect(seen.slice(0, 6)).toEqual([2, 3, 3, 3, 4, 4]);
		expect(Math.max(...seen)).toBe(5);
		expect(seen.at(-1)).toBe(5);
	});

	test('answers clearly slower than the best stop the growth; much slower halves it', () => {
		const limit = new AdaptiveLimit(16, clock().now);
		for (let i = 0; i < 30; i++) limit.onAnswer(50);
		const grown = limit.limit;
		expect(grown).toBeGreaterThan(4);
		for (let i = 0; i < 30; i++) limit.onAnswer(70); // 1.4 × best: hold
		expect(limit.limit).toBe(grown);
		limit.onAnswer(120); // 2.4 × best: halve
		expect(limit.limit).toBe(Math.floor(grown / 2));
	});

	test('a 5xx or lost connection halves, never below one', () => {
		const limit = new AdaptiveLimit(8, clock().now);
		limit.onFailure();
		limit.onFailure();
		limit.onFailure();
		expect(limit.limit).toBe(1);
	});

	test('a 429 halves and learns the rate from the answers of the last second; starts are then spaced', async () => {
		const time = clock(10_000);
		const limit = new AdaptiveLimit(8, time.now);
		for (let i = 0; i < 20; i++) {
			time.advance(20);
			limit.onAnswer(20);
		}
		limit.onRateLimited();
		expect(limit.ratePerSecond).toBeCloseTo(19, 5);
		const waits: number[] = [];
		const sleep = async (ms: number) => {
			waits.push(ms);
			time.advance(ms);
		};
		for (let i = 0; i < 3; i++) {
			await limit.acquire(sleep);
			limit.release();
		}
		// The first start goes at once; each next one waits 1000 / 19 ms after it.
		expect(waits.map((w) => Math.round(w))).toEqual([53, 53]);
	});

	test('acquire waits while the limit is reached, and release lets the next one go, in order', async () => {
		const limit = new AdaptiveLimit(1, clock().now);
		const order: string[] = [];
		await limit.acquire(noWait);
		const second = limit.acquire(noWait).then(() => order.push('second'));
		const third = limit.acquire(noWait).then(() => order.push('third'));
		await Promise.resolve();
		expect(order).toEqual([]);
		limit.release();
		await second;
		limit.release();
		await third;
		expect(order).toEqual(['second', 'third']);
	});
});
