/** A small hand-written SVG: overhead per item and memory above idle against N at 20 ms, per side. */
export function chart(rows) {
	const series = [
		{ side: 'oneFile', k: 1, colour: '#00857c', label: 'OneFile node, K = 1' },
		{ side: 'oneFile', k: 8, colour: '#1d4ed8', label: 'OneFile node, K = 8' },
		{ side: 'httpRequest', k: 'all', colour: '#c2410c', label: 'HTTP Request node' },
	];
	const points = (s, pick) => rows.filter((r) => r.side === s.side && r.k === s.k && r.latencyMs === 20).sort((a, b) => a.n - b.n).map((r) => [r.n, pick(r)]);
	const panel = (x0, title, pick, unit, digits) => {
		const all = series.flatMap((s) => points(s, pick));
		const maxX = Math.max(...all.map((p) => p[0]), 1);
		const maxY = Math.max(...all.map((p) => p[1]), 1) * 1.15;
		const sx = (v) => x0 + 40 + (v / maxX) * 240;
		const sy = (v) => 230 - (v / maxY) * 180;
		const lines = series.map((s) => {
			const pts = points(s, pick);
			return `<polyline fill="none" stroke="${s.colour}" stroke-width="2.5" points="${pts.map(([x, y]) => `${sx(x).toFixed(1)},${sy(y).toFixed(1)}`).join(' ')}"/>${pts.map(([x, y]) => `<circle cx="${sx(x).toFixed(1)}" cy="${sy(y).toFixed(1)}" r="3.5" fill="${s.colour}"/><text x="${(sx(x) + 5).toFixed(1)}" y="${(sy(y) - 6).toFixed(1)}" font-size="10">${y.toFixed(digits)}</text>`).join('')}`;
		}).join('');
		return `<g><text x="${x0 + 40}" y="30" font-size="13" font-weight="bold">${title}</text><line x1="${x0 + 40}" y1="230" x2="${x0 + 290}" y2="230" stroke="#888"/><line x1="${x0 + 40}" y1="50" x2="${x0 + 40}" y2="230" stroke="#888"/>${[...new Set(all.map((p) => p[0]))].map((n) => `<text x="${sx(n).toFixed(1)}" y="243" font-size="10" text-anchor="middle">${n.toLocaleString('en-GB')}</text>`).join('')}<text x="${x0 + 290}" y="256" font-size="11" text-anchor="end">items (N)</text><text x="${x0 + 2}" y="45" font-size="10">${unit}</text>${lines}</g>`;
	};
	const legend = series.map((s, i) => `<rect x="${20 + i * 205}" y="262" width="12" height="12" fill="${s.colour}"/><text x="${38 + i * 205}" y="273" font-size="12">${s.label}</text>`).join('');
	return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 290" font-family="sans-serif"><rect width="640" height="290" fill="#fff"/>${panel(0, 'ms per item above the 20 ms latency', (r) => r.overheadPerItemMs, 'ms', 1)}${panel(320, 'MB above idle n8n (peak RSS)', (r) => r.aboveIdleMb, 'MB', 0)}${legend}</svg>\n`;
}
