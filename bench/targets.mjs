/**
 * The issue's targets, judged from the benchmark's rows and printed beside the table. `met` is
 * true, false, or null for a figure that is context, not a target.
 */
const list = (rows, pick) => rows.map((r) => `${pick(r)} (N ${r.n}, ${r.latencyMs} ms)`).join(', ');

export function targets(rows, { full, memoryNoiseMb, auto = [] }) {
	const oneFile = rows.filter((r) => r.side === 'oneFile');
	const verdicts = [];

	for (const k of [...new Set(oneFile.map((r) => r.k))]) {
		// Only rows with an HTTP Request run beside them (same N and latency) have a ratio.
		const atK = oneFile.filter((r) => r.k === k && r.overheadRatio !== null);
		if (atK.length === 0) continue;
		verdicts.push({ target: `overhead per item at most the HTTP Request node's (ratio ≤ 1.0), OneFile at K = ${k}`, measured: list(atK, (r) => r.overheadRatio), met: atK.every((r) => r.overheadRatio <= 1) });
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

	for (const n of [1000, 5000]) {
		const [a, k8] = ['auto', 8].map((k) => oneFile.find((r) => r.k === k && r.latencyMs === 50 && r.n === n));
		if (a && k8) verdicts.push({ target: `Auto at 50 ms, ${n} rows: within 1.3 × the time of K = 8`, measured: `${(a.nodeMs / k8.nodeMs).toFixed(2)} × (${a.nodeMs} ms against ${k8.nodeMs} ms)`, met: a.nodeMs <= 1.3 * k8.nodeMs });
	}
	const limited = auto.find((r) => r.mode === 'rate limit 20/s' && r.k === 'auto');
	if (limited) {
		verdicts.push({ target: 'Auto under a 20-requests-a-second limit: at least 90 % of the allowed throughput', measured: `${limited.rowsPerSecond} rows/s (${((limited.rowsPerSecond / 20) * 100).toFixed(0)} % of 20)`, met: limited.rowsPerSecond >= 18 });
		verdicts.push({ target: 'Auto under a 20-requests-a-second limit: under 2 % of its requests answered 429', measured: `${limited.limited} of ${limited.requests} (${(limited.limitedShare * 100).toFixed(2)} %)`, met: limited.limitedShare < 0.02 });
	}
	const saturating = auto.filter((r) => r.mode === 'saturating at 4');
	const sa = saturating.find((r) => r.k === 'auto');
	if (sa) {
		const fixed = saturating.filter((r) => r.k !== 'auto');
		const best = fixed.reduce((b, r) => (r.nodeMs < b.nodeMs ? r : b), fixed[0]);
		verdicts.push({ target: 'Auto against a server saturating at 4: no slower than the best fixed K', measured: `${sa.nodeMs} ms against K = ${best?.k}: ${best?.nodeMs} ms (${(sa.nodeMs / (best?.nodeMs ?? NaN)).toFixed(2)} ×)`, met: best !== undefined && sa.nodeMs <= best.nodeMs * 1.0 });
		verdicts.push({ target: 'Auto against a server saturating at 4: settles within one of 4', measured: `median in flight over the run's second half: ${sa.settledInFlight}`, met: sa.settledInFlight !== null && Math.abs(sa.settledInFlight - 4) <= 1 });
	}
	const all = [...rows, ...auto];
	verdicts.push({ target: 'every row created, once', measured: all.every((r) => r.ok) ? 'creates = N in every run' : list(all.filter((r) => !r.ok), (r) => `${r.side} K=${r.k}: ${r.creates} of ${r.n}`), met: all.every((r) => r.ok) });
	return verdicts;
}

/** Sync targets (compare before writing), from the rows of one run side by side. */
export function syncTargets(rows) {
	const verdicts = [];
	const today = rows.find((r) => r.phase.startsWith('rerun, unchanged (1.1'));
	const now = rows.find((r) => r.phase === 'rerun, unchanged (1.2)');
	const changed = rows.find((r) => r.phase.startsWith('100 rows changed'));
	const preview = rows.find((r) => r.phase.startsWith('Preview'));
	if (now) {
		const bound = now.n + Math.ceil(now.n / 50) + 1;
		verdicts.push({ target: 'rerun of an unchanged sheet (1.2): 0 writes', measured: `${now.writes} writes`, met: now.writes === 0 });
		verdicts.push({ target: `rerun of an unchanged sheet (1.2): requests ≤ N + ⌈N/50⌉ + 1 = ${bound}`, measured: `${now.requests} requests (1.1: ${today?.requests ?? '—'})`, met: now.requests <= bound });
		if (today) verdicts.push({ target: 'rerun of an unchanged sheet at Auto: at most 0.6 × the time of 1.1', measured: `${(now.nodeMs / today.nodeMs).toFixed(2)} × (${now.nodeMs} ms against ${today.nodeMs} ms)`, met: now.nodeMs <= 0.6 * today.nodeMs });
	}
	if (changed) verdicts.push({ target: '100 rows changed: exactly 100 writes, each with only the changed field', measured: `${changed.writes} writes, ${changed.onlyChangedFields ? 'only LastName in each' : 'more than the changed field'}`, met: changed.writes === 100 && changed.onlyChangedFields });
	if (preview) verdicts.push({ target: 'Preview of the sheet: 0 writes', measured: `${preview.writes} writes`, met: preview.writes === 0 });
	return verdicts;
}
