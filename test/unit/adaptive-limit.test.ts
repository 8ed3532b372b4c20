import { AdaptiveLimit } from '../../nodes/shared/items/adaptiveLimit';

/** A clock the test moves by hand. */
function clock(start = 0) {
	let now = start;
	return { now: () => now, advance: (ms: number) => (now += ms) };
}

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

	test('a 429 halves and learns the rate from the answers of the last second, less one; requests are then spaced', async () => {
		const time = clock(10_000);
		const limit = new AdaptiveLimit(8, time.now);
		for (let i = 0; i < 30; i++) {
			time.advance(i < 10 ? 200 : 50); // 20 answers in the last second: 10 at 50 ms after 10 older ones
			limit.onAnswer(20);
		}
		const before = limit.limit;
		limit.onRateLimited();
		expect(limit.limit).toBe(Math.max(1, Math.floor(before / 2)));
		expect(limit.ratePerSecond).toBeCloseTo(19, 5);
		const waits: number[] = [];
		const sleep = async (ms: number) => {
			waits.push(ms);
			time.advance(ms);
		};
		for (let i = 0; i < 3; i++) await limit.pace(sleep);
		// The first request goes at once; each next one waits 1000 / 19 ms after it.
		expect(waits.map((w) => Math.round(w))).toEqual([53, 53]);
	});

	test('before any 429, pace never waits', async () => {
		const limit = new AdaptiveLimit(8, clock().now);
		const waits: number[] = [];
		for (let i = 0; i < 5; i++) await limit.pace(async (ms) => void waits.push(ms));
		expect(waits).toEqual([]);
	});

	test('the 429s of one burst count once; a later 429 lowers the learnt rate by a tenth', () => {
		const time = clock(10_000);
		const limit = new AdaptiveLimit(8, time.now);
		for (let i = 0; i < 20; i++) {
			time.advance(40);
			limit.onAnswer(20);
		}
		limit.onRateLimited();
		const learnt = limit.ratePerSecond ?? NaN;
		expect(learnt).toBeCloseTo(19, 5);
		time.advance(10);
		limit.onRateLimited(); // in flight when the first was answered: same burst
		limit.onRateLimited();
		expect(limit.ratePerSecond).toBeCloseTo(learnt, 5);
		time.advance(5_000);
		limit.onRateLimited();
		expect(limit.ratePerSecond).toBeCloseTo(learnt * 0.9, 5);
	});

	test('acquire waits while the limit is reached, and release lets the next one go, in order', async () => {
		const limit = new AdaptiveLimit(1, clock().now);
		const order: string[] = [];
		await limit.acquire();
		const second = limit.acquire().then(() => order.push('second'));
		const third = limit.acquire().then(() => order.push('third'));
		await Promise.resolve();
		expect(order).toEqual([]);
		limit.release();
		await second;
		limit.release();
		await third;
		expect(order).toEqual(['second', 'third']);
	});
});
