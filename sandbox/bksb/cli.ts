/** `node build/sandbox/bksb/cli.js [--port N] [--base-path /api] [--url-file PATH]`: the bksb sandbox until Ctrl-C. */
import { writeFileSync } from 'node:fs';

import { startBksbSandbox } from './index';

async function main(): Promise<void> {
	const args = process.argv.slice(2);
	const port = args.includes('--port') ? Number(args[args.indexOf('--port') + 1]) : 8788;
	const basePaths = args.includes('--base-path') ? [args[args.indexOf('--base-path') + 1]] : undefined;
	const sandbox = await startBksbSandbox({ port, basePaths });
	if (args.includes('--url-file')) writeFileSync(args[args.indexOf('--url-file') + 1], `URL=${sandbox.url}\n`);
	console.log(`bksb sandbox is running (fake data, nothing leaves this machine).
  URL:            ${sandbox.url}   (API base path ${basePaths?.[0] ?? '/live2api/api'})
  Access key ID:  ${sandbox.accessKeyId}
  Secret key:     ${sandbox.secretKey}
  n8n credential: bksb API -> Region "Custom URL", URL and keys above.
  Stop with Ctrl-C.`);
	const stop = () => void sandbox.close().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

void main();
