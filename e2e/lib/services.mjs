/**
 * Throwaway PostgreSQL and Redis servers from Debian's packages, on loopback and free ports, with
 * their data in a folder of the caller's; installed with apt-get when missing (root, as in CI).
 */
import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { stopProcess } from './n8n.mjs';
import { aptInstall, freePort } from './system.mjs';

function postgresBin() {
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return undefined;
	const version = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin/initdb'))).sort((a, b) => Number(b) - Number(a))[0];
	return version ? join(root, version, 'bin') : undefined;
}

/** Installs what is missing of PostgreSQL's server and Redis. */
export async function ensureServices(log = console.log) {
	const missing = [];
	if (!postgresBin()) missing.push('postgresql');
	if (!existsSync('/usr/bin/redis-server')) missing.push('redis-server');
	if (missing.length > 0) await aptInstall(missing, log);
	// Debian's packages start system-wide servers of their own; ours run on other ports, so leave them.
}

async function waitFor(check, what, timeoutMs = 30_000) {
	for (let waited = 0; waited < timeoutMs; waited += 250) {
		if (await check()) return;
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`${what} did not start within ${timeoutMs / 1000} s`);
}

function answers(command, args) {
	try {
		execFileSync(command, args, { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
}

/**
 * A PostgreSQL cluster in `folder` (initdb refuses root, so it runs as the `postgres` user that
 * Debian's package creates), trust authentication on 127.0.0.1 only. Database `postgres`, user `postgres`.
 */
export async function startPostgres(folder) {
	const bin = postgresBin();
	const data = join(folder, 'pgdata');
	const sockets = join(folder, 'pgsock');
	mkdirSync(data, { recursive: true });
	mkdirSync(sockets, { recursive: true });
	const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
	const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
	for (const dir of [folder, data, sockets]) chownSync(dir, uid, gid);
	const asPostgres = (command, args) => ['runuser', ['-u', 'postgres', '--', join(bin, command), ...args]];
	execFileSync(...asPostgres('initdb', ['-D', data, '--auth=trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync']), { stdio: 'ignore' });
	const port = await freePort();
	const [command, args] = asPostgres('postgres', ['-D', data, '-p', String(port), '-k', sockets, '-h', '127.0.0.1', '-c', 'fsync=off', '-c', 'max_connections=200']);
	const child = spawn(command, args, { stdio: 'ignore', detached: true });
	await waitFor(() => answers(join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres']), 'PostgreSQL');
	return { port, child, stop: () => stopProcess(child, 10_000) };
}

/** A Redis server without persistence on 127.0.0.1. */
export async function startRedis() {
	const port = await freePort();
	const child = spawn('/usr/bin/redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'], { stdio: 'ignore', detached: true });
	await waitFor(() => answers('/usr/bin/redis-cli', ['-p', String(port), 'ping']), 'Redis');
	return { port, child, stop: () => stopProcess(child, 5_000) };
}
