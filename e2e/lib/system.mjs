/** Machine-level helpers the real-n8n suites share: Debian packages and free loopback ports. */
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { showProgress } from './progress.mjs';
import { run } from './runtime.mjs';

/** Installs Debian packages with apt-get (root only, as in CI); refreshes the package lists once if needed. Shows progress. */
export async function aptInstall(packages, log = console.log) {
	if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) throw new Error(`${packages.join(' and ')} missing: install them (sudo apt-get install -y ${packages.join(' ')})`);
	log(`installing Debian's ${packages.join(' and ')} package (about a minute)`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const file = join(mkdtempSync(join(tmpdir(), 'onefile-apt-')), 'apt.log');
	const done = showProgress(`installing ${packages.join(' and ')}`, file);
	const apt = (args) => run('apt-get', args, { env, log: file });
	try {
		try {
			await apt(['install', '-y', ...packages]);
		} catch {
			// A fresh machine may have no package lists yet.
			await apt(['update']);
			await apt(['install', '-y', ...packages]);
		}
	} finally {
		done();
	}
}

/** A free port on 127.0.0.1: `preferred` when it is free, otherwise any. */
export function freePort(preferred = 0) {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', (error) => (preferred ? resolve(freePort(0)) : reject(error)));
		server.listen(preferred, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}
