import { sleep } from 'n8n-workflow';

/**
 * Requests of this n8n process start one at a time, each a couple of event-loop turns after the
 * one before it.
 *
 * Why: answers that arrive together are handled in one turn of Node's event loop, and each item
 * then starts its next request. A request started in a turn only connects in a later turn, so
 * they all go out together and come back together: with "Requests in Parallel" at K, a run
 * settles into rounds of K requests, each round waiting for the work of all K items before
 * anything is sent. Started one after another, across a poll of the event loop, the requests go
 * out as each item is ready and stay spread out. Measured in a real n8n (1,000 creates, K = 8,
 * 50 ms answers): about 1.3 × the time the requests need before, 1.15 × after (bench/README.md).
 *
 * The cost: requests start at least two timer ticks (about 2 ms) apart, so at most about 500 a
 * second per n8n process, close to what n8n's HTTP helper can do on one core anyway. A request
 * that finds the previous start long past goes at once.
 */
let previousStart: Promise<void> = Promise.resolve();

/** Resolves when this request may start. */
export function requestStart(): Promise<void> {
	const before = previousStart;
	let released!: () => void;
	previousStart = new Promise<void>((resolve) => (released = resolve));
	return before.then(() => {
		// Two ticks, not one: a timer can run before the poll in which the request just started
		// connects and is sent; the second tick comes after that poll.
		void sleep(0)
			.then(async () => await sleep(0))
			.then(released);
	});
}
