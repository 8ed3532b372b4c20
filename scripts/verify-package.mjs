#!/usr/bin/env node
/**
 * The gate n8n uses to verify community packages, run offline: @n8n/scan-community-package's
 * analyzePackage over (1) the source as the scanner reads a provenance-attested checkout and
 * (2) the packed tarball as published. It skips only the npm provenance step, which needs a
 * publish from CI. Needs `npm run build` first. Exit 1 on any finding.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(join(tmpdir(), 'onefile-verify-'));
let failed = 0;

function report(leg, result) {
	if (result.passed) {
		console.log(`verify: ${leg}: passed${result.message ? ` (${result.message})` : ''}`);
		return;
	}
	failed++;
	console.log(`verify: ${leg}: FAILED: ${result.message}`);
	if (result.details) console.log(result.details);
}

try {
	report('source (package.json, nodes/, credentials/)', await analyzePackage(root, SOURCE_FILE_PATTERNS));

	execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
	const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
	const unpacked = join(work, 'unpacked');
	execFileSync('mkdir', ['-p', unpacked]);
	execFileSync('tar', ['-xzf', join(work, tarball), '-C', unpacked, '--strip-components=1']);
	report(`tarball (${tarball})`, await analyzePackage(unpacked));
} finally {
	rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
