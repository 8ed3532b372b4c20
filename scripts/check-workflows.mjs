#!/usr/bin/env node
/**
 * The GitHub workflows, checked offline: each against GitHub's workflow schema with
 * @action-validator/cli, and the publish workflow for what n8n's verification needs (a provenance
 * statement, the OIDC permission, the tag matching package.json, every check before publishing).
 * Prints `N passed, N failed`.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const folder = '.github/workflows';
let passed = 0;
let failed = 0;
const check = (name, ok, detail = '') => {
	if (ok) passed++;
	else failed++;
	console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok || !detail ? '' : `: ${detail}`}`);
};

const files = readdirSync(folder).filter((f) => /\.ya?ml$/.test(f));
check('there are workflows (ci.yml, publish.yml)', files.includes('ci.yml') && files.includes('publish.yml'), files.join(', '));
for (const file of files) {
	const result = spawnSync('npx', ['--no-install', 'action-validator', join(folder, file)], { encoding: 'utf8' });
	check(`${file} is a valid GitHub workflow (action-validator)`, result.status === 0, `${result.stdout}${result.stderr}`.slice(0, 1500));
}
const ci = readFileSync(join(folder, 'ci.yml'), 'utf8');
check('ci.yml runs `bash .ci/run` on Node 20, on pushes and pull requests', /run: bash \.ci\/run/.test(ci) && /node-version: 20/.test(ci) && /pull_request/.test(ci) && /push:/.test(ci));
const publish = readFileSync(join(folder, 'publish.yml'), 'utf8');
check('publish.yml runs on version tags only', /tags: \['v\*\.\*\.\*'\]/.test(publish) && !/pull_request/.test(publish));
check('publish.yml has the id-token: write permission npm provenance needs', /id-token: write/.test(publish));
check('publish.yml publishes with --provenance --access public', /npm publish --provenance --access public/.test(publish));
check('publish.yml refuses a tag that is not package.json\'s version', /GITHUB_REF_NAME/.test(publish) && /exit 1/.test(publish));
const order = ['npm ci', 'npm run build', 'npm run lint', 'npm run verify', 'npm test', 'npm publish'].map((step) => publish.indexOf(`run: ${step}`) >= 0 ? publish.indexOf(`run: ${step}`) : publish.indexOf(step));
check('publish.yml installs with npm ci, then builds, lints, verifies and tests before it publishes', order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1])), JSON.stringify(order));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
