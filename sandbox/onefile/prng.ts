/**
 * Seeded pseudo-random numbers (mulberry32). The sandbox never uses Math.random for anything a
 * test can observe, so the same seed and the same request order give the same faults and data.
 */
export type Random = () => number;

export function mulberry32(seed: number): Random {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Independent streams from one seed, so adding a fault option does not shift the seeded data. */
export function streamFor(seed: number, stream: 'data' | 'faults'): Random {
	const salt = stream === 'data' ? 0x0da7a5ed : 0x0fa17ed5;
	return mulberry32((seed ^ salt) >>> 0);
}

export function pick<T>(random: Random, items: readonly T[]): T {
	return items[Math.floor(random() * items.length)] as T;
}

export function randomInt(random: Random, minInclusive: number, maxInclusive: number): number {
	return minInclusive + Math.floor(random() * (maxInclusive - minInclusive + 1));
}
