/**
 * The newest `@n8n/eslint-plugin-community-nodes` rules, beside n8n's shared config (`eslint.config.mjs`,
 * which must stay exactly n8n's for Cloud eligibility and loads the plugin version `@n8n/node-cli`
 * pins). Run by `npm run lint:newest` in CI, so the package already passes the rules a newer
 * `@n8n/node-cli` will bring (see docs/verification.md).
 */
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{ ignores: ['dist/**', 'build/**', 'node_modules/**'] },
	// Only these rules run here; disable comments are for the main config's other rules.
	{ linterOptions: { reportUnusedDisableDirectives: 'off' } },
	{
		files: ['nodes/**/*.ts', 'credentials/**/*.ts'],
		extends: [n8nCommunityNodesPlugin.configs.recommended],
		languageOptions: { parser: tseslint.parser },
	},
	{
		files: ['package.json'],
		extends: [n8nCommunityNodesPlugin.configs.recommended],
		languageOptions: { parser: tseslint.parser, parserOptions: { extraFileExtensions: ['.json'] } },
	},
);
