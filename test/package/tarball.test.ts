/**
 * What users install is the npm tarball, loaded by n8n from its package.json "n8n" block.
 * Needs `npm run build` first (npm test runs it).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { PackageDirectoryLoader } from 'n8n-core';

const root = resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
	name: string;
	n8n: { nodes: string[]; credentials: string[] };
	dependencies?: Record<string, string>;
	peerDependencies?: Record<string, string>;
	scripts: Record<string, string>;
};

function packedFiles(): string[] {
	const out = execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
	const [report] = JSON.parse(out) as Array<{ files: Array<{ path: string }> }>;
	return report.files.map((f) => f.path).sort();
}

describe('npm pack', () => {
	const files = packedFiles();

	test('holds every node and credential the n8n block names', () => {
		const named = [...pkg.n8n.nodes, ...pkg.n8n.credentials];
		expect(named.length).toBeGreaterThanOrEqual(2);
		for (const path of named) expect(files).toContain(path);
	});

	test('holds both icon variants and the codex file of each node', () => {
		expect(files).toEqual(expect.arrayContaining(['dist/icons/onefile.svg', 'dist/icons/onefile.dark.svg', 'dist/icons/bksb.svg', 'dist/icons/bksb.dark.svg']));
		for (const node of pkg.n8n.nodes) expect(files).toContain(node.replace(/\.js$/, '.json'));
	});

	test('holds no TypeScript sources, tests, sandbox or tooling', () => {
		const stray = files.filter((f) => /\.ts$/.test(f) || /^(test|sandbox|scripts|bench|e2e|examples|nodes|credentials|icons)\//.test(f));
		expect(stray).toEqual([]);
		// npm adds the README, licence and package.json by itself; nothing else outside dist/
		expect(files.filter((f) => !f.startsWith('dist/')).sort()).toEqual(['CHANGELOG.md', 'LICENSE.md', 'README.md', 'package.json']);
	});
});

describe('package.json as n8n requires', () => {
	test('no runtime dependencies, n8n-workflow as the only peer, no install scripts', () => {
		expect(pkg.dependencies ?? {}).toEqual({});
		expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		for (const script of ['preinstall', 'install', 'postinstall', 'prepare']) expect(pkg.scripts[script]).toBeUndefined();
	});
});

describe("n8n's own package loader", () => {
	test('loads the built node and credential with their icons', async () => {
		const loader = new PackageDirectoryLoader(root);
		await loader.loadAll();
		expect(loader.packageName).toBe('n8n-nodes-onefile');
		expect(Object.keys(loader.known.nodes).sort()).toEqual(['bksb', 'oneFile', 'oneFileTrigger']);
		expect(Object.keys(loader.known.credentials).sort()).toEqual(['bksbApi', 'oneFileApi']);
		const node = loader.types.nodes.find((n) => n.name === 'oneFile');
		expect(node?.displayName).toBe('OneFile');
		// the loader rewrites file: icons into URLs pointing at the files it found
		expect(node?.iconUrl).toEqual({ light: 'icons/n8n-nodes-onefile/dist/icons/onefile.svg', dark: 'icons/n8n-nodes-onefile/dist/icons/onefile.dark.svg' });
		const credential = loader.types.credentials.find((c) => c.name === 'oneFileApi');
		expect(credential?.iconUrl).toEqual({ light: 'icons/n8n-nodes-onefile/dist/icons/onefile.svg', dark: 'icons/n8n-nodes-onefile/dist/icons/onefile.dark.svg' });
		expect(loader.types.nodes.find((n) => n.name === 'bksb')?.iconUrl).toEqual({ light: 'icons/n8n-nodes-onefile/dist/icons/bksb.svg', dark: 'icons/n8n-nodes-onefile/dist/icons/bksb.dark.svg' });
	});
});

describe('the verification gate (@n8n/scan-community-package)', () => {
	// The scanner is ESM; load it the way node does, outside ts-jest's CommonJS transform.
	const scan = (dir: string): { passed: boolean; details?: string } =>
		JSON.parse(
			execFileSync(
				process.execPath,
				['--input-type=module', '-e', `import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs'; const r = await analyzePackage(${JSON.stringify(dir)}, SOURCE_FILE_PATTERNS); console.log(JSON.stringify({ passed: r.passed, details: r.details }));`],
				// eslint-plugin-n8n-nodes-base switches to its own test mode under NODE_ENV=test (jest's)
				{ cwd: root, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } },
			).trim().split('\n').pop() as string,
		);

	test('passes this package and fails the same package with a runtime dependency', () => {
		expect(scan(root)).toEqual({ passed: true });
		const copy = mkdtempSync(join(tmpdir(), 'onefile-scan-'));
		try {
			for (const part of ['nodes', 'credentials', 'icons']) cpSync(join(root, part), join(copy, part), { recursive: true });
			writeFileSync(join(copy, 'package.json'), JSON.stringify({ ...pkg, dependencies: { axios: '1.21.1' } }, null, 2));
			const result = scan(copy);
			expect(result.passed).toBe(false);
			expect(result.details).toMatch(/no-runtime-dependencies/);
		} finally {
			rmSync(copy, { recursive: true, force: true });
		}
	});
});
