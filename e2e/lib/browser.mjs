/**
 * Headless Chromium from Debian's `chromium` package, driven by playwright-core (no browser
 * download: the machine's network is closed). Flags as the lab found them: without the
 * background-networking ones Chromium keeps trying to reach Google and is refused.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { aptInstall } from './system.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** Installs Debian's chromium when it is missing (root with apt-get, as in CI). */
export async function ensureChromium(log = console.log) {
	if (existsSync(CHROMIUM)) return;
	if (process.env.CHROMIUM_PATH) throw new Error(`No Chromium at CHROMIUM_PATH=${CHROMIUM}`);
	await aptInstall(['chromium'], log);
}

/** A browser context with a fresh profile; `close()` also removes the profile. */
export async function launchBrowser({ viewport = { width: 1440, height: 900 }, colorScheme = 'light' } = {}) {
	await ensureChromium();
	const { chromium, selectors } = await import('playwright-core');
	// n8n's editor marks its elements with data-test-id, not Playwright's default data-testid.
	selectors.setTestIdAttribute('data-test-id');
	const profile = mkdtempSync(join(tmpdir(), 'onefile-chromium-'));
	const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport, colorScheme });
	context.setDefaultTimeout(20_000);
	return {
		context,
		page: context.pages()[0] ?? (await context.newPage()),
		async close() {
			await context.close().catch(() => undefined);
			rmSync(profile, { recursive: true, force: true });
		},
	};
}
