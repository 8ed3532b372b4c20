#!/usr/bin/env node
/**
 * n8n Cloud eligibility, offline. Runs `n8n-node cloud-support` (@n8n/node-cli's own status
 * command, which reads only package.json and eslint.config.mjs and always exits 0) and fails unless
 * it reports the package eligible; then checks the rules behind that status itself, so a change in
 * the command's wording cannot hide a lapse: strict mode, n8n's shared lint config unchanged, that
 * config applying the Cloud-only rules to nodes/ and credentials/, and no runtime dependencies.
 * Whether the lint passes is `npm run lint` (its own CI step). Prints `N passed, N failed`.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { ESLint } from 'eslint';

let passed = 0;
let failed = 0;
const check = (name, ok, detail = '') => {
	if (ok) passed++;
	else failed++;
	console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok || !detail ? '' : `: ${detail}`}`);
};

// 1. The CLI's own verdict.
const cli = spawnSync('npx', ['--no-install', 'n8n-node', 'cloud-support'], {
	encoding: 'utf8',
	stdio: ['ignore', 'pipe', 'pipe'],
	env: { ...process.env, NO_COLOR: '1' },
	timeout: 60_000,
});
// eslint-disable-next-line no-control-regex
const said = `${cli.stdout ?? ''}${cli.stderr ?? ''}`.replace(/\x1b\[[0-9;]*m/g, '');
check(
	'`n8n-node cloud-support` says Cloud support is ENABLED and the package eligible',
	cli.status === 0 && /Cloud support is ENABLED/.test(said) && /Status: eligible/.test(said),
	`exit ${cli.status}\n${said.slice(0, 1500)}`,
);

// 2. Strict mode.
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
check('package.json has "n8n": { "strict": true }', pkg.n8n?.strict === true, JSON.stringify(pkg.n8n?.strict));

// 3. n8n's shared lint config, word for word (the CLI's own comparison: whitespace folded).
const expectedConfig = "import { config } from '@n8n/node-cli/eslint'; export default config;";
const eslintConfig = readFileSync('eslint.config.mjs', 'utf8').replace(/\s+/g, ' ').trim();
check('eslint.config.mjs is exactly n8n\'s shared config (`config`, not `configWithoutCloudSupport`)', eslintConfig === expectedConfig, eslintConfig);

// 4. That config, as ESLint resolves it, turns on the rules only the Cloud config has.
const eslint = new ESLint();
const cloudRules = ['@n8n/community-nodes/no-restricted-globals', '@n8n/community-nodes/no-restricted-imports'];
for (const file of ['nodes/OneFile/OneFile.node.ts', 'nodes/Bksb/Bksb.node.ts', 'credentials/OneFileApi.credentials.ts']) {
	const config = await eslint.calculateConfigForFile(file);
	const off = cloudRules.filter((rule) => {
		const setting = config?.rules?.[rule];
		const level = Array.isArray(setting) ? setting[0] : setting;
		return level !== 2 && level !== 'error';
	});
	check(`the lint applies the Cloud rules to ${file} (${cloudRules.map((r) => r.split('/').pop()).join(', ')})`, off.length === 0, `not errors: ${off.join(', ')}`);
}

// 5. No runtime dependencies: n8n supplies n8n-workflow, nothing else is installed with the package.
const runtime = ['dependencies', 'optionalDependencies', 'bundleDependencies', 'bundledDependencies'].filter(
	(field) => pkg[field] && Object.keys(pkg[field]).length > 0,
);
check('no runtime dependencies (dependencies, optionalDependencies, bundled)', runtime.length === 0, runtime.join(', '));
const peers = Object.keys(pkg.peerDependencies ?? {});
check('the only peer dependency is n8n-workflow', peers.length === 1 && peers[0] === 'n8n-workflow', peers.join(', '));

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
