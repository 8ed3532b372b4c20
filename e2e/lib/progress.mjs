/**
 * Progress for the long first-time installs (n8n: about eight minutes; Node 24; Chromium; Redis):
 * elapsed time and what is being installed, read from the install's own log. On a terminal one
 * line is redrawn every few seconds; elsewhere (CI) a plain line every fifteen seconds.
 */
import { existsSync, openSync, readSync, closeSync, statSync } from 'node:fs';

/** The last few KB of a log file. */
function tail(file, bytes = 8192) {
	if (!existsSync(file)) return '';
	const size = statSync(file).size;
	const start = Math.max(0, size - bytes);
	const buffer = Buffer.alloc(size - start);
	const fd = openSync(file, 'r');
	try {
		readSync(fd, buffer, 0, buffer.length, start);
	} finally {
		closeSync(fd);
	}
	return buffer.toString('utf8');
}

/** What the log says is happening now: the package npm last fetched, or apt's last action. */
function current(text) {
	const lines = text.split('\n').map((l) => l.trim()).filter(Boolean).reverse();
	for (const line of lines) {
		const npm = /npm http fetch \w+ \d+ https?:\/\/[^/]+\/([^ ]+?)(?:\/-\/[^ ]+)? /.exec(line);
		if (npm) return `fetching ${decodeURIComponent(npm[1])}`;
		const apt = /^(Get:\d+ \S+ \S+ \S+ (\S+)|Unpacking (\S+)|Setting up (\S+))/.exec(line);
		if (apt) return (apt[2] && `downloading ${apt[2]}`) || (apt[3] && `unpacking ${apt[3]}`) || `setting up ${apt[4]}`;
		if (/^npm (warn|error)/.test(line)) continue;
	}
	return 'working';
}

/** Starts reporting; call the returned function when the install is done. */
export function showProgress(label, logFile, { out = process.stdout, everyMs } = {}) {
	const started = Date.now();
	const terminal = Boolean(out.isTTY);
	const interval = everyMs ?? (terminal ? 3000 : 15_000);
	const print = () => {
		const seconds = Math.round((Date.now() - started) / 1000);
		const line = `  … ${label}: ${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s, ${current(tail(logFile))}`;
		if (terminal) out.write(`\r${line.slice(0, (out.columns ?? 120) - 1).padEnd((out.columns ?? 120) - 1)}`);
		else out.write(`${line}\n`);
	};
	const timer = setInterval(print, interval);
	timer.unref?.();
	return () => {
		clearInterval(timer);
		if (terminal) out.write('\r'.padEnd(out.columns ?? 120) + '\r');
	};
}
