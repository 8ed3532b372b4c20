/**
 * Runs `task(0..count-1)` with at most `limit` in flight. The first task runs alone, so the
 * session token is fetched once before the others start; after that a slot is refilled as soon
 * as one frees up. `stop()` is asked before each new task: a failed run stops starting new items.
 */
export async function forEachBounded(
	count: number,
	limit: number,
	task: (index: number) => Promise<void>,
	stop: () => boolean,
): Promise<void> {
	if (count === 0) return;
	await task(0);
	let next = 1;
	const worker = async (): Promise<void> => {
		while (next < count && !stop()) {
			const index = next++;
			await task(index);
		}
	};
	const workers = Math.max(1, Math.min(limit, count - 1));
	await Promise.all(Array.from({ length: workers }, worker));
}
