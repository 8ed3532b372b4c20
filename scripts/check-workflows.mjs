#!/usr/bin/env node
/**
 * The GitHub workflows, checked offline: each against GitHub's workflow schema with
 * @action-validator/cli, and the publish workflow for what n8n's verification and npm trusted
 * publishing need (Node 24 with npm 11.5.1 or later, the OIDC permission, no stored token, a
 * provenance statement, the tag matching package.json, every check before publishing, and n8n's
 * scanner on the published package afterwards).
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
check('publish.yml has the id-token: write permission npm trusted publishing and provenance need', /^\s*id-token: write\s*$/m.test(publish));
check('publish.yml publishes with --provenance --access public', /run: npm publish --provenance --access public\s*$/m.test(publish));
// Trusted publishing: npm 11.5.1 or later, which Node 24 ships; no stored token.
const nodeVersions = [...publish.matchAll(/node-version:\s*['"]?([^'"\s]+)/g)].map((m) => m[1]);
check('publish.yml runs on Node 24 (npm 11.5.1 or later, which trusted publishing needs)', nodeVersions.length > 0 && nodeVersions.every((v) => /^24(\.|$)/.test(v)), nodeVersions.join(', ') || 'no node-version');
check('publish.yml makes sure of npm 11.5.1 or later before publishing', /npm 11\.5\.1 or later/.test(publish) && /npm install --global npm@11/.test(publish) && publish.indexOf('npm install --global npm@11') < publish.indexOf('npm publish'));
check('publish.yml stores no npm token (no NODE_AUTH_TOKEN, no NPM_TOKEN secret)', !/NODE_AUTH_TOKEN|NPM_TOKEN|secrets\./.test(publish.replace(/^\s*#.*$/gm, '')));
check('publish.yml checks n8n Cloud eligibility before publishing', /run: npm run cloud-support/.test(publish) && publish.indexOf('npm run cloud-support') < publish.indexOf('npm publish'));
const scanAt = publish.indexOf('npx @n8n/scan-community-package n8n-nodes-onefile');
check('publish.yml runs `npx @n8n/scan-community-package n8n-nodes-onefile` after publishing, and fails unless it passes', scanAt > publish.indexOf('npm publish') && publish.indexOf('npm publish') >= 0 && /has passed all security checks/.test(publish.slice(scanAt)), `scan at ${scanAt}`);
check('publish.yml refuses a tag that is not package.json\'s version', /GITHUB_REF_NAME/.test(publish) && /exit 1/.test(publish));
const order = ['npm ci', 'npm run build', 'npm run lint', 'npm run verify', 'npm test', 'npm publish'].map((step) => publish.indexOf(`run: ${step}`) >= 0 ? publish.indexOf(`run: ${step}`) : publish.indexOf(step));
check('publish.yml installs with npm ci, then builds, lints, verifies and tests before it publishes', order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1])), JSON.stringify(order));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
