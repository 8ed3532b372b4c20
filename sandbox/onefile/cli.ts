/**
 * `npm run sandbox -- --port 8787`: runs the OneFile sandbox until Ctrl-C.
 * Flags: --port N (default 8787; 0 = any free port), --host H, --seed N, --latency MS,
 * --expired-status 401|403, --ttl SECONDS, --lenient (contract.strict = false), --url-file PATH.
 */
import { writeFileSync } from 'node:fs';

import { startOneFileSandbox } from './index';
import type { SandboxOptions } from './types';

const USAGE = `Usage: node build/sandbox/onefile/cli.js [--port 8787] [--host 127.0.0.1] [--seed 1] [--latency MS]
       [--expired-status 401|403] [--ttl SECONDS] [--lenient] [--url-file PATH]`;

interface CliFlags {
	options: SandboxOptions;
	urlFile?: string;
}

function numberFlag(name: string, value: string | undefined): number {
	const parsed = Number(value);
	if (value === undefined || !Number.isFinite(parsed) || parsed < 0) throw new Error(`${name} needs a non-negative number`);
	return parsed;
}

export function parseFlags(argv: readonly string[]): CliFlags {
	const options: SandboxOptions = { port: 8787 };
	let urlFile: string | undefined;
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i]!;
		const next = (): string | undefined => argv[++i];
		switch (flag) {
			case '--port':
				options.port = numberFlag(flag, next());
				break;
			case '--host':
				options.host = next();
				break;
			case '--seed':
				options.seed = numberFlag(flag, next());
				break;
			case '--latency':
				options.faults = { ...options.faults, latencyMs: numberFlag(flag, next()) };
				break;
			case '--ttl':
				options.auth = { ...options.auth, ttlSeconds: numberFlag(flag, next()) };
				break;
			case '--expired-status': {
				const status = next();
				if (status !== '401' && status !== '403') throw new Error('--expired-status must be 401 or 403');
				options.auth = { ...options.auth, expiredStatus: status === '401' ? 401 : 403 };
				break;
			}
			case '--lenient':
				options.contract = { ...options.contract, strict: false };
				break;
			case '--url-file':
				urlFile = next();
				if (urlFile === undefined) throw new Error('--url-file needs a path');
				break;
			case '--help':
			case '-h':
				process.stdout.write(`${USAGE}\n`);
				process.exit(0);
				break;
			default:
				throw new Error(`Unknown flag ${flag}`);
		}
	}
	return urlFile === undefined ? { options } : { options, urlFile };
}

async function main(): Promise<void> {
	let flags: CliFlags;
	try {
		flags = parseFlags(process.argv.slice(2));
	} catch (error) {
		process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
		process.exit(2);
	}
	const sandbox = await startOneFileSandbox(flags.options);
	if (flags.urlFile) {
		const port = new URL(sandbox.origin).port;
		writeFileSync(flags.urlFile, `URL=${sandbox.url}\nPORT=${port}\nORIGIN=${sandbox.origin}\n`);
	}
	const lines = [
		'OneFile sandbox is running (fake data, nothing leaves this machine).',
		`  Base URL:        ${sandbox.url}`,
		`  Customer token:  ${sandbox.customerToken}`,
		`  Inspect:         ${sandbox.origin}/__sandbox/info  (also /requests, /counters, /users, /violations)`,
		'  n8n credential:  OneFile API -> Environment "Custom Base URL", Base URL = the URL above, Customer Token = the token above.',
		'  Stop with Ctrl-C.',
	];
	process.stdout.write(`${lines.join('\n')}\n`);
	let stopping = false;
	const stop = (signal: string): void => {
		if (stopping) return;
		stopping = true;
		process.stdout.write(`\n${signal}: stopping the OneFile sandbox.\n`);
		sandbox.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.on('SIGINT', () => stop('SIGINT'));
	process.on('SIGTERM', () => stop('SIGTERM'));
}

if (require.main === module) {
	main().catch((error: unknown) => {
		process.stderr.write(`OneFile sandbox failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
		process.exit(1);
	});
}
