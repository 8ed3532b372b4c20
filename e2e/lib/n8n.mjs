/**
 * One isolated n8n instance on top of a runtime: its own user folder, HOME, encryption key and
 * ports, the packed package installed as a community package, and the CLI commands the suite and
 * `npm start` use.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ROOT, run, runtimeEnv } from './runtime.mjs';

export const PACKAGE_NAME = 'n8n-nodes-onefile';

/** Packs the built package (what npm would publish) into `folder`; returns the tarball path. */
export async function packPackage(folder) {
	const out = await run('npm', ['pack', '--silent', '--pack-destination', folder], { cwd: ROOT });
	return join(folder, out.trim().split('\n').pop());
}

export function createInstance(runtime, { folder = mkdtempSync(join(tmpdir(), 'onefile-n8n-')), port = 5678, brokerPort = 5679 } = {}) {
	const userFolder = join(folder, 'state');
	const files = join(folder, 'files');
	mkdirSync(join(folder, 'home'), { recursive: true });
	mkdirSync(files, { recursive: true });
	const env = runtimeEnv(runtime, {
		N8N_USER_FOLDER: userFolder,
		// n8n's task-runner child writes $HOME/.n8n/config whatever N8N_USER_FOLDER says.
		HOME: join(folder, 'home'),
		N8N_ENCRYPTION_KEY: 'onefile-e2e-only-not-a-secret',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		// At "warn", `execute --rawOutput` prints no result at all.
		N8N_LOG_LEVEL: 'info',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_SECURE_COOKIE: 'false',
		N8N_RESTRICT_FILE_ACCESS_TO: files,
		DB_TYPE: 'sqlite',
	});
	const cli = (args, options = {}) => run(runtime.n8n, args, { env, cwd: folder, ...options });

	return {
		folder,
		userFolder,
		files,
		env,
		port,
		url: `http://127.0.0.1:${port}`,
		cli,

		/** The tarball unpacked where n8n's community-node installer puts packages. */
		async installPackage(tarball) {
			const target = join(userFolder, '.n8n/nodes/node_modules', PACKAGE_NAME);
			mkdirSync(target, { recursive: true });
			await run('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
			return target;
		},

		async importCredentials(credentials) {
			const file = join(folder, 'credentials.json');
			writeFileSync(file, JSON.stringify(credentials, null, 2));
			await cli(['import:credentials', `--input=${file}`]);
		},

		async importWorkflow(workflow) {
			const file = join(folder, `workflow-${workflow.id}.json`);
			writeFileSync(file, JSON.stringify(workflow, null, 2));
			await cli(['import:workflow', `--input=${file}`]);
		},

		/** Runs a workflow headless; returns n8n's IRun (stdout carries notices before the JSON). */
		async execute(workflowId) {
			let output;
			try {
				output = await cli(['execute', `--id=${workflowId}`, '--rawOutput'], { quiet: true });
			} catch (error) {
				// A failed execution exits 1 and logs the same result, after "Execution was NOT successful".
				output = String(error.output ?? error.message);
			}
			// Notices come before the JSON and log lines may follow it: take the block from the first
			// line that opens an object to the first top-level closing line that parses.
			const lines = output.split('\n');
			const first = lines.findIndex((line) => line.startsWith('{'));
			if (first < 0) throw new Error(`n8n printed no execution result:\n${output.slice(-2000)}`);
			for (let last = first; last < lines.length; last++) {
				if (!lines[last].startsWith('}')) continue;
				try {
					return JSON.parse(lines.slice(first, last + 1).join('\n'));
				} catch {
					// not the end of the object yet
				}
			}
			throw new Error(`n8n's execution result could not be read:\n${output.slice(-2000)}`);
		},

		/**
		 * `n8n start` in the background; resolves once the REST API and the editor's pages answer
		 * (/healthz comes up earlier). `onSpawn` gets the process at once, so that a caller stopped
		 * while n8n is still starting (Ctrl-C in `npm start`) can stop it too.
		 */
		async start(logFile, onSpawn = () => {}) {
			const child = spawnLogged(['start'], logFile);
			onSpawn(child);
			for (let i = 0; i < 240; i++) {
				if (child.exitCode !== null) throw new Error(`n8n exited early; see ${logFile}`);
				try {
					// While starting, n8n answers every path with a 200 HTML page "n8n is starting up",
					// and its REST API comes up before the editor's pages ("Cannot GET /setup").
					const settings = await fetch(`http://127.0.0.1:${port}/rest/settings`);
					const json = settings.ok && /json/.test(settings.headers.get('content-type') ?? '');
					const page = json ? await (await fetch(`http://127.0.0.1:${port}/signin`)).text() : '';
					if (/<!DOCTYPE html>/i.test(page) && !/starting up/i.test(page)) return child;
				} catch {
					// not up yet
				}
				await new Promise((r) => setTimeout(r, 500));
			}
			await stopProcess(child);
			throw new Error(`n8n did not come up within 120 s; see ${logFile}`);
		},

		/** `n8n worker` (queue mode) in the background; resolves once it says it is ready. */
		async startWorker(logFile, concurrency = 5) {
			const child = spawnLogged(['worker', `--concurrency=${concurrency}`], logFile);
			for (let i = 0; i < 240; i++) {
				if (child.exitCode !== null) throw new Error(`the n8n worker exited early; see ${logFile}`);
				if (existsSync(logFile) && /n8n worker is now ready/.test(readFileSync(logFile, 'utf8'))) return child;
				await new Promise((r) => setTimeout(r, 500));
			}
			await stopProcess(child);
			throw new Error(`the n8n worker was not ready within 120 s; see ${logFile}`);
		},
	};

	/** An n8n command in its own process group (stopping it also stops its task runner), output to `logFile`. */
	function spawnLogged(args, logFile) {
		const child = spawn(runtime.n8n, args, { env, cwd: folder, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
		const log = createWriteStream(logFile, { flags: 'a' });
		child.stdout.pipe(log);
		child.stderr.pipe(log);
		return child;
	}
}

/** Starts a compiled sandbox CLI (`onefile` or `bksb`) on a free port; resolves to { url, origin, child }. */
export async function startSandbox(folder, extraArgs = [], kind = 'onefile') {
	const urlFile = join(folder, `sandbox-${kind}-${Date.now()}.url`);
	const child = spawn(process.execPath, [join(ROOT, `build/sandbox/${kind}/cli.js`), '--port', '0', '--url-file', urlFile, ...extraArgs], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
	for (let i = 0; i < 100; i++) {
		const text = existsSync(urlFile) ? readFileSync(urlFile, 'utf8') : '';
		const url = /^URL=(.+)$/m.exec(text)?.[1];
		if (url) return { url, origin: new URL(url).origin, child };
		await new Promise((r) => setTimeout(r, 100));
	}
	await stopProcess(child);
	throw new Error(`the ${kind} sandbox did not start`);
}

/**
 * Stops a child started in its own process group: SIGTERM to the group, then SIGKILL if it is
 * still there after `graceMs` (n8n finishes running executions first, and ignores SIGTERM while
 * it is still starting).
 */
export async function stopProcess(child, graceMs = 15_000) {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	const signal = (name) => {
		try {
			process.kill(-child.pid, name);
		} catch {
			// already gone
		}
	};
	signal('SIGTERM');
	const timer = new Promise((resolve) => setTimeout(() => resolve('timeout'), graceMs));
	if ((await Promise.race([exited, timer])) === 'timeout') {
		signal('SIGKILL');
		await exited;
	}
}
