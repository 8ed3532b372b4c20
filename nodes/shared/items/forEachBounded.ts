import type { AdaptiveLimit } from './adaptiveLimit';

/**
 * Runs `task(0..count-1)`, at most `limit` in flight: a fixed number, or an AdaptiveLimit that
 * decides as answers come back (Auto). The first task runs alone, so the session token is fetched
 * once before the others start; after that a slot is refilled as soon as one frees up. `stop()` is
 * asked before each new task: a failed run stops starting new items.
 */
export async function forEachBounded(
	count: number,
	limit: number | AdaptiveLimit,
	task: (index: number) => Promise<void>,
	stop: () => boolean,
): Promise<void> {
	if (count === 0) return;
	const adaptive = typeof limit === 'number' ? undefined : limit;
	await task(0);
	let next = 1;
	const worker = async (): Promise<void> => {
		while (next < count && !stop()) {
			if (adaptive) await adaptive.acquire();
			// Another worker may have taken the last item, or the run failed, while this one waited.
			if (next >= count || stop()) {
				adaptive?.release();
				return;
			}
			const index = next++;
			try {
				await task(index);
			} finally {
				adaptive?.release();
			}
		}
	};
	const workers = Math.max(1, Math.min(adaptive ? adaptive.max : (limit as number), count - 1));
	await Promise.all(Array.from({ length: workers }, worker));
}
