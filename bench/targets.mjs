/**
 * The issue's targets, judged from the benchmark's rows and printed beside the table. `met` is
 * true, false, or null for a figure that is context, not a target.
 */
const list = (rows, pick) => rows.map((r) => `${pick(r)} (N ${r.n}, ${r.latencyMs} ms)`).join(', ');

export function targets(rows, { full, memoryNoiseMb }) {
	const oneFile = rows.filter((r) => r.side === 'oneFile');
	const verdicts = [];

	for (const k of [...new Set(oneFile.map((r) => r.k))]) {
		const atK = oneFile.filter((r) => r.k === k);
		verdicts.push({ target: `overhead per item at most the HTTP Request node's (ratio ≤ 1.0), OneFile at K = ${k}`, measured: list(atK, (r) => r.overheadRatio), met: atK.every((r) => r.overheadRatio !== null && r.overheadRatio <= 1) });
	}
	const floorAt1 = rows.filter((r) => r.side === 'floor' && r.k === 1);
	if (floorAt1.length) {
		verdicts.push({ target: 'context: a bare Node.js client with no n8n, one request at a time (the floor for K = 1)', measured: `ratio ${list(floorAt1, (r) => r.overheadRatio)}; ${list(floorAt1, (r) => `${r.overheadPerItemMs} ms/item`)}`, met: null });
	}

	const first = oneFile.find((r) => r.run === 'first');
	if (first) verdicts.push({ target: 'requests = N + 1 on a first run (one sign-in)', measured: `${first.requests} requests, ${first.authCalls} sign-in for N = ${first.n}`, met: first.requests === first.n + 1 && first.authCalls === 1 });
	const later = oneFile.filter((r) => r.run === 'stored token');
	if (later.length) verdicts.push({ target: 'requests = N on later runs (stored token, no sign-in)', measured: list(later, (r) => `${r.requests}/${r.authCalls}`), met: later.every((r) => r.requests === r.n && r.authCalls === 0) });

	const k8 = oneFile.find((r) => r.k === 8 && r.latencyMs === 50);
	if (k8) verdicts.push({ target: 'K = 8 at 50 ms: time ≤ 1.25 × the latency limit', measured: `${k8.ofLimit} × (${k8.nodeMs} ms, limit ${k8.limitMs} ms)`, met: k8.ofLimit <= 1.25 });

	for (const k of [1, 8]) {
		const series = oneFile.filter((r) => r.k === k && r.latencyMs === 20).sort((a, b) => a.n - b.n);
		if (series.length < 2) continue;
		const [small, large] = [series[0], series.at(-1)];
		// At most linear: the largest run holds no more per row than the smallest, give or take how
		// much the idle process's own peak varied (a figure below that is noise, not a saving).
		const noise = Math.max(memoryNoiseMb, 10);
		const linearBound = (Math.max(small.aboveIdleMb, noise) * large.n) / small.n + noise;
		verdicts.push({ target: `memory grows at most linearly with N (OneFile, K = ${k})`, measured: `${series.map((r) => `${r.aboveIdleMb} MB at ${r.n}`).join(', ')} above idle (idle varies by ${memoryNoiseMb} MB)`, met: large.aboveIdleMb <= linearBound });
	}
	const big = oneFile.filter((r) => r.n === 10000);
	verdicts.push(big.length
		? { target: '10,000 items: under 300 MB above the idle process', measured: big.map((r) => `+${r.aboveIdleMb} MB at K = ${r.k}`).join(', '), met: big.every((r) => r.aboveIdleMb < 300) }
		: { target: '10,000 items: under 300 MB above the idle process', measured: full ? 'no 10,000-row run' : 'not run (npm run bench:full)', met: null });

	verdicts.push({ target: 'every row created, once', measured: rows.every((r) => r.ok) ? 'creates = N in every run' : list(rows.filter((r) => !r.ok), (r) => `${r.side} K=${r.k}: ${r.creates} of ${r.n}`), met: rows.every((r) => r.ok) });
	return verdicts;
}
